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

/**
 * The steps of a town's rectification as 二(二) writes them, in order: 自然资源局 会同农业农村局
 * verifies, lists the problems and drafts the town's 整改补划方案 (以镇行政区划为单元编制); the town
 * carries out the 整改补划; then “两区” are adjusted and the land-use plan amended by law.
 */
export const RECTIFICATION_STEP_KEYS = ['verify', 'problems', 'plan', 'rectify', 'zones', 'amend'] as const;
/**
 * The first version's steps (before patch `cl-28-2-2-steps-as-written`): the town drafted the
 * plan, 自然资源局 reviewed it and accepted the work. 二(二) has no review and no acceptance; only
 * rectifications started before the patch keep them.
 */
export const FIRST_VERSION_STEP_KEYS = [
  'verify',
  'problems',
  'plan',
  'review',
  'zones',
  'amend',
  'accept',
] as const;
export const RectificationStepKeySchema = z.enum([...RECTIFICATION_STEP_KEYS, 'review', 'accept']);
export type RectificationStepKey = z.infer<typeof RectificationStepKeySchema>;

/** One deadline per step as written, set when the campaign is opened (the document gives none). */
export const RectificationDeadlinesSchema = z.object({
  verify: CivilDateSchema,
  problems: CivilDateSchema,
  plan: CivilDateSchema,
  rectify: CivilDateSchema,
  zones: CivilDateSchema,
  amend: CivilDateSchema,
});
/** The first version's deadlines: campaigns and workflows started before the patch carry these. */
export const FirstVersionDeadlinesSchema = z.object({
  verify: CivilDateSchema,
  problems: CivilDateSchema,
  plan: CivilDateSchema,
  review: CivilDateSchema,
  zones: CivilDateSchema,
  amend: CivilDateSchema,
  accept: CivilDateSchema,
});
/** Either shape; the as-written one first (a first-version object lacks `rectify`). */
export const AnyRectificationDeadlinesSchema = z.union([
  RectificationDeadlinesSchema,
  FirstVersionDeadlinesSchema,
]);
export type RectificationDeadlines = z.infer<typeof RectificationDeadlinesSchema>;
export type FirstVersionDeadlines = z.infer<typeof FirstVersionDeadlinesSchema>;
export type AnyRectificationDeadlines = z.infer<typeof AnyRectificationDeadlinesSchema>;
export const isAsWrittenDeadlines = (d: AnyRectificationDeadlines): d is RectificationDeadlines =>
  'rectify' in d;

export const RectificationCampaignSchema = z.object({
  campaignId: z.string().regex(/^[a-z0-9-]{3,40}$/),
  title: z.string(),
  docNo: z.string(),
  startDate: CivilDateSchema,
  deadlines: AnyRectificationDeadlinesSchema,
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

export const RectificationPhaseSchema = z.enum([...RectificationStepKeySchema.options, 'closed']);
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

/**
 * 通报表彰 (the city's decision, 三(十)), 通报批评 (a target missed), or `passed`: every target met
 * and no commendation decided (only assessments decided by the city, patch `cl-28-3-10-city-assesses`).
 */
export const AssessmentOutcomeSchema = z.enum(['commended', 'criticised', 'passed']);
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
  /**
   * Who decided: `gov-inspection` (政府督查室 for the 市政府, 三(十)) since patch
   * `cl-28-3-10-city-assesses`; absent in assessments decided by 自然资源局 before it.
   */
  leadUnit: UnitCodeSchema.optional(),
  /** Why the city commended the town (措施得力、成效突出), when it did. */
  commendation: z.string().nullable().optional(),
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
  'assessing', // the city (督查室) with 农业农村局、统计局 (before the patch: 自然资源局)
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
