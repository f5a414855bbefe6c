// 耕地保护 (青政办发〔2019〕28号, DESIGN §7.3): a town's rectification of its permanent basic
// farmland designation (二(二)) and the yearly responsibility assessment (三(八)–(十)).
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const CL_DOC_NO = '青政办发〔2019〕28号';

const iso = z.iso.datetime({ offset: true });
const mu = z.number().finite().min(0).max(10_000_000);

/** Problems the verification finds (二(二) 找准划定不实、违法占用等问题; 错划入永久基本农田). */
export const ProblemCategories = {
  designation_untrue: '划定不实',
  illegal_occupation: '违法占用',
  wrongly_designated: '错划（不符合要求的耕地或其他土地错划入永久基本农田）',
  other: '其他问题',
} as const;
export const ProblemCategorySchema = z.enum(
  Object.keys(ProblemCategories) as [keyof typeof ProblemCategories],
);
export type ProblemCategory = z.infer<typeof ProblemCategorySchema>;

export const ParcelSchema = z.object({
  /** 图斑编号 as the survey names it. */
  parcelNo: z.string().trim().min(1).max(60),
  areaMu: mu.positive(),
});
export type Parcel = z.infer<typeof ParcelSchema>;

export const ProblemSchema = z.object({
  category: ProblemCategorySchema,
  parcels: z.array(ParcelSchema).min(1).max(500),
  /** 分类处置意见. */
  disposal: z.string().trim().min(1).max(2000),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The steps of a town's rectification, in order (二(二)). */
export const RECTIFICATION_STEP_KEYS = [
  'verify',
  'problems',
  'plan',
  'review',
  'zones',
  'amend',
  'accept',
] as const;
export const RectificationStepKeySchema = z.enum(RECTIFICATION_STEP_KEYS);
export type RectificationStepKey = z.infer<typeof RectificationStepKeySchema>;

/** One deadline per step, set when the campaign is opened (the document gives none). */
export const RectificationDeadlinesSchema = z.object({
  verify: CivilDateSchema,
  problems: CivilDateSchema,
  plan: CivilDateSchema,
  review: CivilDateSchema,
  zones: CivilDateSchema,
  amend: CivilDateSchema,
  accept: CivilDateSchema,
});
export type RectificationDeadlines = z.infer<typeof RectificationDeadlinesSchema>;

export const RectificationCampaignSchema = z.object({
  campaignId: z.string().regex(/^[a-z0-9-]{3,40}$/),
  title: z.string(),
  docNo: z.string(),
  startDate: CivilDateSchema,
  deadlines: RectificationDeadlinesSchema,
  townCodes: z.array(UnitCodeSchema),
});
export type RectificationCampaign = z.infer<typeof RectificationCampaignSchema>;

export const ExtensionRequestSchema = z.object({
  newDeadline: CivilDateSchema,
  reason: z.string(),
  requestedAt: iso,
  requestedBy: z.string(),
});

export const RectificationStepSchema = z.object({
  key: RectificationStepKeySchema,
  title: z.string(),
  /** The unit whose inbox holds the step. */
  unitCode: UnitCodeSchema,
  /** Units that take part (会同), shown with the step. */
  withUnits: z.array(UnitCodeSchema),
  ref: z.string(),
  state: z.enum(['waiting', 'open', 'done']),
  deadline: CivilDateSchema,
  originalDeadline: CivilDateSchema,
  colour: ColourSchema,
  doneAt: iso.nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  extensionRequest: ExtensionRequestSchema.nullable(),
});
export type RectificationStep = z.infer<typeof RectificationStepSchema>;

export const PlanSchema = z.object({
  summary: z.string(),
  /** 补划 area in mu (总体稳定、局部微调、量质并重). */
  supplementaryMu: z.number(),
  round: z.number().int().min(1),
  submittedAt: iso,
  submittedBy: z.string(),
});
export type RectificationPlan = z.infer<typeof PlanSchema>;

export const PlanReviewSchema = z.object({
  round: z.number().int().min(1),
  decision: z.enum(['approved', 'returned']),
  reason: z.string(),
  at: iso,
  by: z.string(),
});

export const RectificationDeadlineChangeSchema = z.object({
  step: z.string(),
  deadline: CivilDateSchema,
  previous: CivilDateSchema,
  at: iso,
  reason: z.string(),
  byUserId: z.string(),
});

export const RectificationPhaseSchema = z.enum([...RECTIFICATION_STEP_KEYS, 'closed']);
export type RectificationPhase = z.infer<typeof RectificationPhaseSchema>;

export const RectificationSnapshotSchema = z.object({
  rectificationId: z.string(),
  campaignId: z.string(),
  townCode: UnitCodeSchema,
  townName: z.string(),
  docNo: z.string(),
  ref: z.string(),
  phase: RectificationPhaseSchema,
  steps: z.array(RectificationStepSchema),
  problems: z.array(ProblemSchema.extend({ areaMu: z.number() })),
  problemAreaMu: z.number(),
  plan: PlanSchema.nullable(),
  reviews: z.array(PlanReviewSchema),
  colour: ColourSchema,
  redSince: iso.nullable(),
  deadlineHistory: z.array(RectificationDeadlineChangeSchema),
  createdAt: iso,
  closedAt: iso.nullable(),
  version: z.number().int().min(0),
});
export type RectificationSnapshot = z.infer<typeof RectificationSnapshotSchema>;

/** 耕地保护责任目标 (三(十)): what the city sets each town for a year, in mu. */
export const TargetKeys = {
  cultivatedLandMu: '耕地保有量',
  basicFarmlandMu: '永久基本农田保护面积',
  highStandardMu: '高标准农田建设面积',
} as const;
export type TargetKey = keyof typeof TargetKeys;
export const TargetsSchema = z.object({
  cultivatedLandMu: mu,
  basicFarmlandMu: mu,
  highStandardMu: mu,
});
export type Targets = z.infer<typeof TargetsSchema>;

export const ShortfallSchema = z.object({
  target: z.enum(Object.keys(TargetKeys) as [TargetKey]),
  label: z.string(),
  targetMu: z.number(),
  actualMu: z.number(),
  shortfallMu: z.number(),
});
export type Shortfall = z.infer<typeof ShortfallSchema>;

export const AssessmentOutcomeSchema = z.enum(['commended', 'criticised']);
export type AssessmentOutcome = z.infer<typeof AssessmentOutcomeSchema>;

export const AssessmentResultSchema = z.object({
  outcome: AssessmentOutcomeSchema,
  shortfalls: z.array(ShortfallSchema),
  /** Chinese one-liner: 通报表彰 / 通报批评 with the failed targets. */
  summary: z.string(),
  assessedAt: iso,
  assessedBy: z.string(),
  /** Units that took part (三(九): 农业农村局、统计局 参与考核). */
  assessors: z.array(UnitCodeSchema),
});
export type AssessmentResult = z.infer<typeof AssessmentResultSchema>;

/** 整改期间暂停办理涉及土地管理的有关业务 (三(十)). */
export const SuspensionSchema = z.object({
  townCode: UnitCodeSchema,
  assessmentId: z.string(),
  year: z.number().int(),
  reason: z.string(),
  since: iso,
  rectificationDeadline: CivilDateSchema,
  liftedAt: iso.nullable(),
});
export type Suspension = z.infer<typeof SuspensionSchema>;

export const RectificationReportSchema = z.object({
  actuals: TargetsSchema,
  note: z.string(),
  at: iso,
  by: z.string(),
  verdict: z.enum(['pending', 'passed', 'failed']),
  verdictNote: z.string().nullable(),
});

export const AssessmentPhaseSchema = z.enum([
  'reporting', // the town reports its actuals
  'assessing', // 自然资源局 with 农业农村局、统计局
  'rectifying', // criticised: rectification under a deadline, land business suspended
  'verifying', // the town reported its rectification
  'closed',
]);
export type AssessmentPhase = z.infer<typeof AssessmentPhaseSchema>;

export const AssessmentSnapshotSchema = z.object({
  assessmentId: z.string(),
  year: z.number().int(),
  townCode: UnitCodeSchema,
  townName: z.string(),
  docNo: z.string(),
  ref: z.string(),
  phase: AssessmentPhaseSchema,
  targets: TargetsSchema,
  reportDeadline: CivilDateSchema,
  actuals: TargetsSchema.nullable(),
  reportedAt: iso.nullable(),
  result: AssessmentResultSchema.nullable(),
  rectificationDeadline: CivilDateSchema.nullable(),
  rectificationReports: z.array(RectificationReportSchema),
  suspension: SuspensionSchema.nullable(),
  /** 问责: the rectification deadline passed without a passing rectification. */
  escalatedAt: iso.nullable(),
  /** The unit that must act now and on what, for inboxes. */
  openStep: z
    .object({
      key: z.string(),
      title: z.string(),
      unitCode: UnitCodeSchema,
      deadline: CivilDateSchema.nullable(),
    })
    .nullable(),
  colour: ColourSchema,
  createdAt: iso,
  setBy: z.string(),
  closedAt: iso.nullable(),
  version: z.number().int().min(0),
});
export type AssessmentSnapshot = z.infer<typeof AssessmentSnapshotSchema>;
