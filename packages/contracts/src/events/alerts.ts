import { z } from 'zod';
import { defineEvent } from '../define';
import { ColourSchema } from '../supervision/model';

/** Raised by the alerts service after storing an alert; the gateway pushes it to live streams. */
export const AlertEvents = {
  AlertRaised: defineEvent(
    'alerts',
    'alert_raised',
    z.object({
      alertId: z.string(),
      audience: z.enum(['inspector', 'leader']),
      itemId: z.string(),
      docNo: z.string(),
      ref: z.string(),
      title: z.string(),
      colour: ColourSchema,
      kind: z.enum(['colour_changed', 'overdue_escalated']),
      message: z.string(),
      leadUnits: z.array(z.string()),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
} as const;
