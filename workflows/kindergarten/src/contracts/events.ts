import { z } from 'zod';
import { defineEvent, registerEvents, CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';
import { CaseSnapshotSchema, HoldSchema, OperationModeSchema } from './model';

const base = { case: CaseSnapshotSchema };

/** Facts of the kindergarten rectification (DESIGN §7.2). Each carries the case after the fact. */
export const KindergartenEvents = registerEvents({
  CaseOpened: defineEvent('kindergarten', 'case_opened', 1, z.object(base)),
  StepCompleted: defineEvent(
    'kindergarten',
    'step_completed',
    1,
    z.object({ ...base, step: z.string(), unitCode: z.string(), note: z.string().nullable() }),
  ),
  CasePlanned: defineEvent('kindergarten', 'case_planned', 1, z.object({ ...base, note: z.string() })),
  RectificationStarted: defineEvent(
    'kindergarten',
    'rectification_started',
    1,
    z.object({ ...base, workflowId: z.string() }),
  ),
  RectificationCompleted: defineEvent('kindergarten', 'rectification_completed', 1, z.object(base)),
  HandoverCompleted: defineEvent('kindergarten', 'handover_completed', 1, z.object(base)),
  OperationDecided: defineEvent(
    'kindergarten',
    'operation_decided',
    1,
    z.object({ ...base, mode: OperationModeSchema }),
  ),
  ProgressReported: defineEvent(
    'kindergarten',
    'progress_reported',
    1,
    z.object({ ...base, unitCode: UnitCodeSchema, steps: z.array(z.string()), text: z.string() }),
  ),
  ExtensionRequested: defineEvent(
    'kindergarten',
    'extension_requested',
    1,
    z.object({
      ...base,
      unitCode: UnitCodeSchema,
      steps: z.array(z.string()),
      requestedDeadline: CivilDateSchema,
      reason: z.string(),
    }),
  ),
  ExtensionDecided: defineEvent(
    'kindergarten',
    'extension_decided',
    1,
    z.object({
      ...base,
      approved: z.boolean(),
      note: z.string(),
      steps: z.array(z.string()),
      /** Each step's deadline before the decision (kept also in the case's deadlineHistory). */
      previousDeadlines: z.record(z.string(), CivilDateSchema.nullable()),
      newDeadline: CivilDateSchema.nullable(),
    }),
  ),
  /** A case red for longer than its threshold goes to the leadership group (领导小组). */
  CaseEscalated: defineEvent(
    'kindergarten',
    'case_escalated',
    1,
    z.object({ ...base, redDays: z.number().int().min(0) }),
  ),
  /** Direct extensions of cases opened before extension requests existed (replayed histories). */
  DeadlineExtended: defineEvent(
    'kindergarten',
    'deadline_extended',
    1,
    z.object({ ...base, steps: z.array(z.string()), newDeadline: z.string(), reason: z.string() }),
  ),
  ColourChanged: defineEvent(
    'kindergarten',
    'colour_changed',
    1,
    z.object({ ...base, scope: z.string(), from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  HoldPlaced: defineEvent('kindergarten', 'hold_placed', 1, z.object({ ...base, hold: HoldSchema })),
  HoldLifted: defineEvent('kindergarten', 'hold_lifted', 1, z.object({ ...base, hold: HoldSchema })),
  CaseClosed: defineEvent('kindergarten', 'case_closed', 1, z.object(base)),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    kindergarten: typeof KindergartenEvents;
  }
}
