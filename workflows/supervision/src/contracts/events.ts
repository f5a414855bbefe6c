import { z } from 'zod';
import { defineEvent, registerEvents, CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';
import { AttachmentSchema } from './commands';
import { ItemSnapshotSchema } from './model';
import { RatingSchema } from './lifecycle';
import { LifecycleEvents } from './lifecycle-events';

const base = { item: ItemSnapshotSchema };

/** Facts of the supervision process (DESIGN §6), past tense. Each carries the item after the fact. */
export const SupervisionEvents = registerEvents({
  ItemAssigned: defineEvent('supervision', 'item_assigned', 1, z.object(base)),
  ItemSigned: defineEvent(
    'supervision',
    'item_signed',
    1,
    z.object({ ...base, unitCode: UnitCodeSchema, note: z.string().optional() }),
  ),
  ProgressReported: defineEvent(
    'supervision',
    'progress_reported',
    1,
    z.object({ ...base, unitCode: UnitCodeSchema, text: z.string(), attachments: z.array(AttachmentSchema) }),
  ),
  CloseRequested: defineEvent(
    'supervision',
    'close_requested',
    1,
    z.object({ ...base, summary: z.string(), attachments: z.array(AttachmentSchema) }),
  ),
  ReviewStarted: defineEvent(
    'supervision',
    'review_started',
    1,
    z.object({ ...base, note: z.string().optional() }),
  ),
  ItemClosed: defineEvent(
    'supervision',
    'item_closed',
    1,
    // 办结评价 (issue 23): present when 督查室 rated the result on closing.
    z.object({
      ...base,
      opinion: z.string(),
      rating: RatingSchema.optional(),
      ratingComment: z.string().optional(),
    }),
  ),
  ItemReturned: defineEvent('supervision', 'item_returned', 1, z.object({ ...base, reason: z.string() })),
  ExtensionRequested: defineEvent(
    'supervision',
    'extension_requested',
    1,
    z.object({ ...base, unitCode: UnitCodeSchema, requestedDeadline: CivilDateSchema, reason: z.string() }),
  ),
  ExtensionDecided: defineEvent(
    'supervision',
    'extension_decided',
    1,
    z.object({
      ...base,
      approved: z.boolean(),
      opinion: z.string(),
      previousDeadline: CivilDateSchema.nullable(),
      newDeadline: CivilDateSchema.nullable(),
    }),
  ),
  InstructionWritten: defineEvent(
    'supervision',
    'instruction_written',
    1,
    z.object({ ...base, text: z.string() }),
  ),
  ColourChanged: defineEvent(
    'supervision',
    'colour_changed',
    1,
    z.object({
      ...base,
      /** `item` for the lead's own work, `milestone:<key>` for a milestone, or a sub-task's unit code. */
      scope: z.string(),
      from: ColourSchema,
      to: ColourSchema,
      reason: z.string(),
    }),
  ),
  ItemRevised: defineEvent(
    'supervision',
    'item_revised',
    1,
    z.object({
      ...base,
      change: z.enum(['revised', 'removed']),
      catalogVersion: z.number().int(),
      fields: z.array(z.string()),
      /** The item before the revision: what a reader compares against. */
      previous: z.object({
        title: z.string(),
        leadUnits: z.array(UnitCodeSchema),
        cooperatingUnits: z.array(UnitCodeSchema),
        deadline: CivilDateSchema.nullable(),
      }),
      reason: z.string().optional(),
      source: z.string(),
    }),
  ),
  MilestoneCompleted: defineEvent(
    'supervision',
    'milestone_completed',
    1,
    z.object({
      ...base,
      unitCode: UnitCodeSchema,
      milestone: z.string(),
      date: CivilDateSchema,
      phrase: z.string(),
      note: z.string().optional(),
    }),
  ),
  OverdueEscalated: defineEvent(
    'supervision',
    'overdue_escalated',
    1,
    z.object({ ...base, redDays: z.number().int() }),
  ),
  ...LifecycleEvents,
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    supervision: typeof SupervisionEvents;
  }
}
