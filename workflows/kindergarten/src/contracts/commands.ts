import { z } from 'zod';
import type { ActorSchema } from '@duban/contracts';
import { CivilDateSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import { CategorySchema, KindergartenFactsSchema, OperationModeSchema, StepSnapshotSchema } from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Bodies of POST /api/cases/:id/actions/:action; the same schemas validate the Updates. */
export const CaseActionBodies = {
  /** A bureau finishes its step (its own unit only). */
  'complete-step': z.object({ step: text(60), note: z.string().max(2000).optional() }).strict(),
  /** 教育局 decides the category (一事一议, 四(二)). */
  plan: z.object({ category: CategorySchema, note: text(2000) }).strict(),
  /** 教育局 decides how the kindergarten is run (三(四)). */
  operate: z.object({ mode: OperationModeSchema, note: z.string().max(2000).optional() }).strict(),
  /** The bureau holding the steps reports its progress (monthly, by the 25th; DESIGN §5). */
  'report-progress': z
    .object({ text: text(5000), steps: z.array(text(60)).min(1).max(20).optional() })
    .strict(),
  /** The bureau holding the steps asks for a later deadline (延期申请, DESIGN §5). */
  'request-extension': z
    .object({ steps: z.array(text(60)).min(1).max(20), newDeadline: CivilDateSchema, reason: text(2000) })
    .strict(),
  /** The supervision office (督查室) approves (optionally another date) or refuses the request. */
  'decide-extension': z
    .object({ approve: z.boolean(), newDeadline: CivilDateSchema.optional(), note: text(2000) })
    .strict(),
} as const;

export type CaseActionName = keyof typeof CaseActionBodies;
export const CaseActionNameSchema = z.enum(Object.keys(CaseActionBodies) as [CaseActionName]);
export type CaseActionBody<A extends CaseActionName> = z.output<(typeof CaseActionBodies)[A]>;

export type CaseCommand<A extends CaseActionName = CaseActionName> = {
  action: A;
  actor: z.infer<typeof ActorSchema>;
  body: CaseActionBody<A>;
};

/** The whole Update: a known action, its actor and its body (the validator's first check). */
export const CaseCommandSchema = actionCommandSchema(CaseActionBodies);

export const StartCaseSchema = z.object({
  caseId: z.string().min(1),
  campaignId: z.string().min(1),
  projectId: z.string().min(1),
  facts: KindergartenFactsSchema,
  deadlines: z.object({
    handover: CivilDateSchema,
    recover: CivilDateSchema,
    buildPlan: CivilDateSchema,
    completion: CivilDateSchema,
    inclusive: CivilDateSchema,
  }),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  /** Days a case may stay red before the leadership group is alerted (ALERT_RED_ESCALATION_DAYS). */
  escalateAfterRedDays: z.number().int().min(1).max(365).default(30),
  /**
   * Day of the month progress reports are due (policy setting kindergarten.progress-report-day);
   * cases started without it report by the 25th (PROGRESS_REPORTS).
   */
  progressReportDay: z.number().int().min(1).max(28).optional(),
  /**
   * The day 国发〔2010〕41号 was issued, as 三(三) splits on it (policy setting
   * kindergarten.guofa-2010-41-date); cases started without it take GUOFA_2010_41_ISSUED.
   */
  guofa41Date: CivilDateSchema.optional(),
});
export type StartCase = z.input<typeof StartCaseSchema>;

/** The rectification child's start: its case, and the case's rectification steps. */
export const RectificationInputSchema = z.object({
  caseId: z.string().min(1),
  parentWorkflowId: z.string().min(1),
  steps: z.array(StepSnapshotSchema),
});

/** The child's signal to its case that a rectification step was done. */
export const StepDoneSchema = z.object({
  step: z.string().min(1),
  unitCode: z.string().min(1),
  at: z.string().min(1),
  by: z.string().min(1),
  requestId: z.string().nullable(),
  note: z.string().nullable(),
});
