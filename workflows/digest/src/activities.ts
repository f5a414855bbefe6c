import { nextWorkingDayOnOrAfter, type CivilDate } from '@duban/calendar';
import { DeliveryEvents, eventId } from '@duban/contracts';
import { publishEvent } from '@duban/bus';
import type { JetStreamClient } from '@nats-io/jetstream';
import { DIGEST_WORKFLOW_ID } from './definitions';

export interface DigestActivityDeps {
  js: JetStreamClient;
  source?: string;
}

export function createDigestActivities({ js, source = 'duban/workflows/digest' }: DigestActivityDeps) {
  return {
    /**
     * The first statutory working day on or after `from` (weekends and holidays off, 调休 days on:
     * packages/calendar). In an activity rather than the workflow: a year the holiday data does not
     * cover yet throws, and the activity is retried (visible in Temporal) until the data is
     * upgraded, where a throwing workflow task would leave the workflow stuck.
     */
    async nextWorkingDay(from: CivilDate): Promise<CivilDate> {
      return nextWorkingDayOnOrAfter(from);
    },

    /** Tells the delivery service the day's digest is due; the day's event id makes a retry a duplicate. */
    async announceDigest(input: { day: CivilDate; dueAt: string }): Promise<{ duplicate: boolean }> {
      const result = await publishEvent(js, {
        type: DeliveryEvents.DigestDue.type,
        id: eventId(DIGEST_WORKFLOW_ID, `digest-${input.day}`, 1),
        source,
        subject: input.day,
        data: input,
      });
      return { duplicate: result.duplicate };
    },
  };
}

export type DigestActivities = ReturnType<typeof createDigestActivities>;
