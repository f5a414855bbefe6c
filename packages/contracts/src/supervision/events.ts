import { z } from 'zod';
import { defineEvent } from '../define';
import { AttachmentSchema } from './commands';
import { CivilDateSchema, ColourSchema, ItemSnapshotSchema, UnitCodeSchema } from './model';

const base = { item: ItemSnapshotSchema };

/** Facts of the supervision process (DESIGN §6), past tense. Each carries the item after the fact. */
export const SupervisionEvents = {
  ItemAssigned: defineEvent('supervision', 'item_assigned', z.object(base)),
  ItemSigned: defineEvent(
    'supervision',
    'item_signed',
    z.object({ ...base, unitCode: UnitCodeSchema, note: z.string().optional() }),
  ),
  ProgressReported: defineEvent(
    'supervision',
    'progress_reported',
    z.object({ ...base, unitCode: UnitCodeSchema, text: z.string(), attachments: z.array(AttachmentSchema) }),
  ),
  CloseRequested: defineEvent(
    'supervision',
    'close_requested',
    z.object({ ...base, summary: z.string(), attachments: z.array(AttachmentSchema) }),
  ),
  ReviewStarted: defineEvent(
    'supervision',
    'review_started',
    z.object({ ...base, note: z.string().optional() }),
  ),
  ItemClosed: defineEvent('supervision', 'item_closed', z.object({ ...base, opinion: z.string() })),
  ItemReturned: defineEvent('supervision', 'item_returned', z.object({ ...base, reason: z.string() })),
  ExtensionRequested: defineEvent(
    'supervision',
    'extension_requested',
    z.object({ ...base, unitCode: UnitCodeSchema, requestedDeadline: CivilDateSchema, reason: z.string() }),
  ),
  ExtensionDecided: defineEvent(
    'supervision',
    'extension_decided',
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
    z.object({ ...base, text: z.string() }),
  ),
  ColourChanged: defineEvent(
    'supervision',
    'colour_changed',
    z.object({
      ...base,
      /** `item` for the lead's own work, or the unit code of a sub-task. */
      scope: z.string(),
      from: ColourSchema,
      to: ColourSchema,
      reason: z.string(),
    }),
  ),
  OverdueEscalated: defineEvent(
    'supervision',
    'overdue_escalated',
    z.object({ ...base, redDays: z.number().int() }),
  ),
} as const;
