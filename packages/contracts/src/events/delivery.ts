import { z } from 'zod';
import { defineEvent } from '../define';
import { registerEvents } from '../registry';

/**
 * The morning digest of a working day is due (每日督办提醒, issue 19 §3). Published once per day by
 * the digest workflow (its event id is the day's, so a retried activity is a duplicate); the
 * delivery service answers it with one message per unit.
 */
export const DeliveryEvents = registerEvents({
  DigestDue: defineEvent(
    'delivery',
    'digest_due',
    1,
    z.object({
      /** The working day (Asia/Shanghai civil date) the digest is of. */
      day: z.iso.date(),
      dueAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

declare module '../registry' {
  interface EventDomains {
    delivery: typeof DeliveryEvents;
  }
}
