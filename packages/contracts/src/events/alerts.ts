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
});

declare module '../registry' {
  interface EventDomains {
    alerts: typeof AlertEvents;
  }
}
