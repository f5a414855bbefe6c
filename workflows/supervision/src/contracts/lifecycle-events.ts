// Facts of the lifecycle actions (issue 23), spread into SupervisionEvents. Each carries the item
// after the fact, as every supervision event does.
import { z } from 'zod';
import { ActorSchema, defineEvent, CivilDateSchema, UnitCodeSchema } from '@duban/contracts';
import { ItemSnapshotSchema } from './model';

const base = { item: ItemSnapshotSchema };

export const LifecycleEvents = {
  UrgeIssued: defineEvent(
    'supervision',
    'urge_issued',
    1,
    z.object({
      ...base,
      urge: z.number().int(),
      unitCode: UnitCodeSchema,
      message: z.string(),
      replyBy: CivilDateSchema,
    }),
  ),
  UrgeAnswered: defineEvent(
    'supervision',
    'urge_answered',
    1,
    z.object({
      ...base,
      urge: z.number().int(),
      unitCode: UnitCodeSchema,
      text: z.string(),
      late: z.boolean(),
    }),
  ),
  /** The reply day of an urge passed with no answer: it turns red and is escalated. */
  UrgeOverdue: defineEvent(
    'supervision',
    'urge_overdue',
    1,
    z.object({ ...base, urge: z.number().int(), unitCode: UnitCodeSchema, replyBy: CivilDateSchema }),
  ),
  HandbackRequested: defineEvent(
    'supervision',
    'handback_requested',
    1,
    z.object({ ...base, unitCode: UnitCodeSchema, reason: z.string() }),
  ),
  /** 改派 (`reassigned`) or the unit keeps it (`refused`). */
  HandbackDecided: defineEvent(
    'supervision',
    'handback_decided',
    1,
    z.object({
      ...base,
      decision: z.enum(['reassigned', 'refused']),
      fromUnit: UnitCodeSchema,
      toUnit: UnitCodeSchema.nullable(),
      deadlineKept: z.boolean(),
      previousDeadline: CivilDateSchema.nullable(),
      newDeadline: CivilDateSchema.nullable(),
      opinion: z.string(),
    }),
  ),
  HandlerAssigned: defineEvent(
    'supervision',
    'handler_assigned',
    1,
    z.object({
      ...base,
      unitCode: UnitCodeSchema,
      handler: z.string(),
      handlerName: z.string().nullable(),
      previousHandler: z.string().nullable(),
    }),
  ),
  /** 归档: 督查室 archived the closed item (the item's `archived` says who and when). */
  ItemArchived: defineEvent('supervision', 'item_archived', 1, z.object(base)),
} as const;

/** The start input of an archive workflow: the closed item as the read model holds it, and who archives. */
export const ArchiveItemSchema = z.object({
  item: ItemSnapshotSchema.refine((item) => item.state === 'closed', '只有已销号的事项可以归档'),
  actor: ActorSchema,
});
export type ArchiveItem = z.infer<typeof ArchiveItemSchema>;
