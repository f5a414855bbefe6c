import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import { civilDateOf } from '@duban/calendar';
import type { DigestActivities } from './activities';
import type { DigestInput } from './definitions';
import { digestAt, firstCandidateDay } from './schedule';

// Retried without end, slowly: a year without holiday data waits for the upgrade (see activities).
const { nextWorkingDay } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 minute', maximumInterval: '1 hour' },
});
const { announceDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * 每日督办提醒 (issue 19 §3): sleeps to 08:30 of the next statutory working day, announces that
 * day's digest, and continues as new, so the history stays one day long. A worker that was down
 * through a whole day does not send that day's digest the day after: the next one is due then.
 */
export async function morningDigestWorkflow(input: DigestInput): Promise<void> {
  const day = await nextWorkingDay(firstCandidateDay(Date.now(), input.lastDay ?? null));
  const at = digestAt(day);
  if (at > Date.now()) await sleep(at - Date.now());
  if (civilDateOf(Date.now()) === day) await announceDigest({ day, dueAt: new Date(at).toISOString() });
  await continueAsNew<typeof morningDigestWorkflow>({ lastDay: day });
}
