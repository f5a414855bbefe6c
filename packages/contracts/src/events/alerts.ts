import { z } from 'zod';
import { defineEvent } from '../define';
import { registerEvents } from '../registry';
import { ALERT_KINDS, ProcessNameSchema } from '../readmodels';
import { ColourSchema } from '../common';

/** Raised by the alerts service after storing an alert; the gateway pushes it to live streams. */
export const AlertEvents = registerEvents({
  AlertRaised: defineEvent(
    'alerts',
    'alert_raised',
    1,
    z.object({
      alertId: z.string(),
      audience: z.enum(['inspector', 'leader']),
      // Optional: AlertRaised events published before alerts named their process stay valid.
      process: ProcessNameSchema.optional(),
      itemId: z.string(),
      href: z.string().optional(),
      docNo: z.string(),
      ref: z.string(),
      title: z.string(),
      colour: ColourSchema,
      kind: z.enum(Object.keys(ALERT_KINDS) as [keyof typeof ALERT_KINDS]),
      message: z.string(),
      leadUnits: z.array(z.string()),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
  /**
   * A unit asked for something 督查室 must review (办结 or 延期): raised by the process's alerts
   * service so that the delivery service tells the inspectors who subscribed to review requests.
   * Not a warning colour, so not stored with the alerts nor pushed to the live feed.
   */
  ReviewRequested: defineEvent(
    'alerts',
    'review_requested',
    1,
    z.object({
      /** The fact of the request (its event id): one request, one message per channel. */
      requestEventId: z.string(),
      process: ProcessNameSchema,
      request: z.enum(['close', 'extension']),
      itemId: z.string(),
      href: z.string(),
      docNo: z.string(),
      ref: z.string(),
      title: z.string(),
      leadUnits: z.array(z.string()),
      /** What the unit asked, in words (the summary, or the deadline asked for and why). */
      message: z.string(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

declare module '../registry' {
  interface EventDomains {
    alerts: typeof AlertEvents;
  }
}
