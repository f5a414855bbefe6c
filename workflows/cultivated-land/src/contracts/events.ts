import { z } from 'zod';
import { defineEvent, registerEvents, ColourSchema } from '@duban/contracts';
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
 * A fact of this process, version 1. Its token is the process name; these facts were published
 * as `cultivated` before, and events stored under that name are read as these types.
 */
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('cultivated_land', name, 1, schema, { formerlyOf: ['cultivated'] });

/**
 * Facts of 耕地保护 (青政办发〔2019〕28号, DESIGN §7.3). Each carries the town's rectification or
 * assessment after the fact, so a projection is an upsert by version.
 */
export const CultivatedEvents = registerEvents({
  // 二(二) 永久基本农田划定成果核实与整改补划, one town per workflow.
  RectificationOpened: fact('rectification_opened', z.object(r)),
  RectificationStepCompleted: fact(
    'rectification_step_completed',
    z.object({ ...r, step: z.string(), unitCode: z.string(), note: z.string().nullable() }),
  ),
  ProblemsListed: fact(
    'problems_listed',
    z.object({ ...r, problems: z.array(ProblemSchema), areaMu: z.number() }),
  ),
  PlanSubmitted: fact('plan_submitted', z.object({ ...r, round: z.number().int() })),
  PlanApproved: fact('plan_approved', z.object({ ...r, round: z.number().int(), reason: z.string() })),
  PlanReturned: fact('plan_returned', z.object({ ...r, round: z.number().int(), reason: z.string() })),
  ExtensionRequested: fact(
    'extension_requested',
    z.object({ ...r, step: z.string(), newDeadline: z.string(), reason: z.string() }),
  ),
  DeadlineExtended: fact(
    'deadline_extended',
    z.object({ ...r, steps: z.array(z.string()), newDeadline: z.string(), reason: z.string() }),
  ),
  ExtensionRefused: fact('extension_refused', z.object({ ...r, step: z.string(), reason: z.string() })),
  RectificationColourChanged: fact('rectification_colour_changed', z.object({ ...r, ...colour })),
  RectificationClosed: fact('rectification_closed', z.object(r)),

  // 三(十) 耕地保护年度责任目标考核, one town and year per workflow.
  TargetsSet: fact('targets_set', z.object({ ...a, targets: TargetsSchema })),
  ReportSubmitted: fact('report_submitted', z.object({ ...a, actuals: TargetsSchema })),
  TownCommended: fact('town_commended', z.object(a)),
  /** Every target met, no commendation decided: the city's assessment passes the town (三(十)). */
  AssessmentPassed: fact('assessment_passed', z.object(a)),
  TownCriticised: fact(
    'town_criticised',
    z.object({ ...a, shortfalls: z.array(ShortfallSchema), rectificationDeadline: z.string() }),
  ),
  LandBusinessSuspended: fact('land_business_suspended', z.object({ ...a, suspension: SuspensionSchema })),
  RectificationReported: fact('rectification_reported', z.object({ ...a, actuals: TargetsSchema })),
  RectificationFailed: fact('rectification_failed', z.object({ ...a, reason: z.string() })),
  SuspensionLifted: fact('suspension_lifted', z.object({ ...a, suspension: SuspensionSchema })),
  AccountabilityEscalated: fact('accountability_escalated', z.object({ ...a, reason: z.string() })),
  AssessmentColourChanged: fact('assessment_colour_changed', z.object({ ...a, ...colour })),
  AssessmentClosed: fact('assessment_closed', z.object(a)),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'cultivated-land': typeof CultivatedEvents;
  }
}
