import { z } from 'zod';
import { defineEvent } from '../define';
import { registerEvents } from '../registry';
import { ColourSchema } from '../supervision/model';
import {
  AssessmentSnapshotSchema,
  ProblemSchema,
  RectificationSnapshotSchema,
  ShortfallSchema,
  SuspensionSchema,
  TargetsSchema,
} from './model';

const r = { rectification: RectificationSnapshotSchema };
const a = { assessment: AssessmentSnapshotSchema };
const colour = { scope: z.string(), from: ColourSchema, to: ColourSchema, reason: z.string() };

/**
 * Facts of 耕地保护 (青政办发〔2019〕28号, DESIGN §7.3). Each carries the town's rectification or
 * assessment after the fact, so a projection is an upsert by version.
 */
export const CultivatedEvents = registerEvents({
  // 二(二) 永久基本农田划定成果核实与整改补划, one town per workflow.
  RectificationOpened: defineEvent('cultivated', 'rectification_opened', 1, z.object(r)),
  RectificationStepCompleted: defineEvent(
    'cultivated',
    'rectification_step_completed',
    1,
    z.object({ ...r, step: z.string(), unitCode: z.string(), note: z.string().nullable() }),
  ),
  ProblemsListed: defineEvent(
    'cultivated',
    'problems_listed',
    1,
    z.object({ ...r, problems: z.array(ProblemSchema), areaMu: z.number() }),
  ),
  PlanSubmitted: defineEvent('cultivated', 'plan_submitted', 1, z.object({ ...r, round: z.number().int() })),
  PlanApproved: defineEvent(
    'cultivated',
    'plan_approved',
    1,
    z.object({ ...r, round: z.number().int(), reason: z.string() }),
  ),
  PlanReturned: defineEvent(
    'cultivated',
    'plan_returned',
    1,
    z.object({ ...r, round: z.number().int(), reason: z.string() }),
  ),
  ExtensionRequested: defineEvent(
    'cultivated',
    'extension_requested',
    1,
    z.object({ ...r, step: z.string(), newDeadline: z.string(), reason: z.string() }),
  ),
  DeadlineExtended: defineEvent(
    'cultivated',
    'deadline_extended',
    1,
    z.object({ ...r, steps: z.array(z.string()), newDeadline: z.string(), reason: z.string() }),
  ),
  ExtensionRefused: defineEvent(
    'cultivated',
    'extension_refused',
    1,
    z.object({ ...r, step: z.string(), reason: z.string() }),
  ),
  RectificationColourChanged: defineEvent(
    'cultivated',
    'rectification_colour_changed',
    1,
    z.object({ ...r, ...colour }),
  ),
  RectificationClosed: defineEvent('cultivated', 'rectification_closed', 1, z.object(r)),

  // 三(十) 耕地保护年度责任目标考核, one town and year per workflow.
  TargetsSet: defineEvent('cultivated', 'targets_set', 1, z.object({ ...a, targets: TargetsSchema })),
  ReportSubmitted: defineEvent(
    'cultivated',
    'report_submitted',
    1,
    z.object({ ...a, actuals: TargetsSchema }),
  ),
  TownCommended: defineEvent('cultivated', 'town_commended', 1, z.object(a)),
  TownCriticised: defineEvent(
    'cultivated',
    'town_criticised',
    1,
    z.object({ ...a, shortfalls: z.array(ShortfallSchema), rectificationDeadline: z.string() }),
  ),
  LandBusinessSuspended: defineEvent(
    'cultivated',
    'land_business_suspended',
    1,
    z.object({ ...a, suspension: SuspensionSchema }),
  ),
  RectificationReported: defineEvent(
    'cultivated',
    'rectification_reported',
    1,
    z.object({ ...a, actuals: TargetsSchema }),
  ),
  RectificationFailed: defineEvent(
    'cultivated',
    'rectification_failed',
    1,
    z.object({ ...a, reason: z.string() }),
  ),
  SuspensionLifted: defineEvent(
    'cultivated',
    'suspension_lifted',
    1,
    z.object({ ...a, suspension: SuspensionSchema }),
  ),
  AccountabilityEscalated: defineEvent(
    'cultivated',
    'accountability_escalated',
    1,
    z.object({ ...a, reason: z.string() }),
  ),
  AssessmentColourChanged: defineEvent(
    'cultivated',
    'assessment_colour_changed',
    1,
    z.object({ ...a, ...colour }),
  ),
  AssessmentClosed: defineEvent('cultivated', 'assessment_closed', 1, z.object(a)),
});

declare module '../registry' {
  interface EventDomains {
    'cultivated-land': typeof CultivatedEvents;
  }
}
