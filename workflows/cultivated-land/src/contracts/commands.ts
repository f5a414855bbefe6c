import { z } from 'zod';
import type { ActorSchema } from '@duban/contracts';
import { CivilDateSchema, UnitCodeSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import {
  AnyRectificationDeadlinesSchema,
  ProblemSchema,
  RectificationDeadlinesSchema,
  RectificationStepKeySchema,
  TargetsSchema,
} from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const note = z.string().max(2000).optional();

/** Bodies of POST /api/land/rectifications/:id/actions/:action; the same schemas validate the Updates. */
export const RectificationActionBodies = {
  /**
   * 自然资源局 会同农业农村局 核实永久基本农田划定成果; the town's 整改补划; 两区调整 (农业农村局);
   * 修改规划; 验收 (first-version rectifications only).
   */
  'complete-step': z
    .object({ step: z.enum(['verify', 'rectify', 'zones', 'amend', 'accept']), note })
    .strict(),
  /** 梳理问题清单，提出分类处置意见 (自然资源局). */
  'list-problems': z.object({ problems: z.array(ProblemSchema).max(200), note }).strict(),
  /** 以镇行政区划为单元编制整改补划方案 (自然资源局 会同农业农村局; the town in the first version). */
  'submit-plan': z
    .object({ summary: text(4000), supplementaryMu: z.number().finite().min(0).max(1_000_000), note })
    .strict(),
  /** First version only: 自然资源局 reviewed the town's plan: approve, or return it with the reason. */
  'review-plan': z.object({ decision: z.enum(['approve', 'return']), reason: text(2000) }).strict(),
  /** The step's unit asks for more time (延期). */
  'request-extension': z
    .object({ step: RectificationStepKeySchema, newDeadline: CivilDateSchema, reason: text(2000) })
    .strict(),
  /** The supervision office (督查室) decides on the request. */
  'decide-extension': z
    .object({ step: RectificationStepKeySchema, approve: z.boolean(), reason: text(2000) })
    .strict(),
} as const;

export type RectificationActionName = keyof typeof RectificationActionBodies;
export const RectificationActionNameSchema = z.enum(
  Object.keys(RectificationActionBodies) as [RectificationActionName],
);
export type RectificationActionBody<A extends RectificationActionName> = z.output<
  (typeof RectificationActionBodies)[A]
>;
export type RectificationCommand<A extends RectificationActionName = RectificationActionName> = {
  action: A;
  actor: z.infer<typeof ActorSchema>;
  body: RectificationActionBody<A>;
};

/** The whole Update: a known action, its actor and its body (the validator's first check). */
export const RectificationCommandSchema = actionCommandSchema(RectificationActionBodies);

export const StartRectificationSchema = z.object({
  rectificationId: z.string().min(1),
  campaignId: z.string().min(1),
  townCode: UnitCodeSchema,
  townName: z.string().min(1),
  deadlines: AnyRectificationDeadlinesSchema,
  warningWindowDays: z.number().int().min(0).max(60).default(7),
});
export type StartRectification = z.input<typeof StartRectificationSchema>;

/** POST /api/land/rectification-campaigns. */
export const OpenRectificationCampaignSchema = z
  .object({
    campaignId: z.string().regex(/^[a-z0-9-]{3,40}$/, 'lower-case letters, digits and -, 3–40 long'),
    startDate: CivilDateSchema,
    title: z.string().trim().min(1).max(100).optional(),
    deadlines: RectificationDeadlinesSchema,
    /** Default: every town and the farms (各镇(场)). */
    townCodes: z.array(UnitCodeSchema).min(1).max(20).optional(),
  })
  .strict();
export type OpenRectificationCampaign = z.infer<typeof OpenRectificationCampaignSchema>;

const actuals = TargetsSchema;

/** Bodies of POST /api/land/assessments/:id/actions/:action. */
export const AssessmentActionBodies = {
  /** The town reports what it achieved in the year. */
  report: z.object({ actuals, note }).strict(),
  /**
   * The 市政府 (督查室 for it) assesses, 农业农村局、统计局 taking part (三(十)、三(九)); before patch
   * `cl-28-3-10-city-assesses`, 自然资源局. On failure it sets the rectification deadline.
   */
  assess: z
    .object({
      assessors: z.array(UnitCodeSchema).max(5).optional(),
      rectificationDeadline: CivilDateSchema.optional(),
      note,
    })
    .strict(),
  /**
   * 通报表彰 (三(十)): the city decides to commend a town that met every target for 措施得力、成效突出,
   * saying why. Not automatic on meeting the targets.
   */
  commend: z
    .object({ reason: text(2000), assessors: z.array(UnitCodeSchema).max(5).optional(), note })
    .strict(),
  /** The town reports its rectification with the figures after it. */
  'report-rectification': z.object({ actuals, note: text(2000) }).strict(),
  /** 自然资源局 verifies the rectification: pass lifts the suspension. */
  'verify-rectification': z.object({ decision: z.enum(['pass', 'fail']), note: text(2000) }).strict(),
} as const;

export type AssessmentActionName = keyof typeof AssessmentActionBodies;
export const AssessmentActionNameSchema = z.enum(
  Object.keys(AssessmentActionBodies) as [AssessmentActionName],
);
export type AssessmentActionBody<A extends AssessmentActionName> = z.output<
  (typeof AssessmentActionBodies)[A]
>;
export type AssessmentCommand<A extends AssessmentActionName = AssessmentActionName> = {
  action: A;
  actor: z.infer<typeof ActorSchema>;
  body: AssessmentActionBody<A>;
};

/** The whole Update: a known action, its actor and its body (the validator's first check). */
export const AssessmentCommandSchema = actionCommandSchema(AssessmentActionBodies);

export const StartAssessmentSchema = z.object({
  assessmentId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  townCode: UnitCodeSchema,
  townName: z.string().min(1),
  targets: TargetsSchema,
  reportDeadline: CivilDateSchema,
  setBy: z.string().min(1),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
});
export type StartAssessment = z.input<typeof StartAssessmentSchema>;

/** POST /api/land/assessments: targets for a year, for every town (and farm) or some. */
export const SetAssessmentTargetsSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    reportDeadline: CivilDateSchema,
    /** The same targets for every town named (or, without `towns`, for all of 各镇(场)). */
    targets: TargetsSchema.optional(),
    towns: z
      .array(z.object({ townCode: UnitCodeSchema, targets: TargetsSchema.optional() }).strict())
      .min(1)
      .max(20)
      .optional(),
  })
  .strict();
export type SetAssessmentTargets = z.infer<typeof SetAssessmentTargetsSchema>;
