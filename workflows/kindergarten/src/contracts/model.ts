// 城镇小区配套幼儿园治理 (青政办发〔2019〕31号, DESIGN §7.2): one case per kindergarten (一园一案).
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const KG_DOC_NO = '青政办发〔2019〕31号';

/**
 * A setting the gazette does not give: 31号 三(三) splits kindergartens at the day 《若干意见》
 * (国发〔2010〕41号) was issued (“发布之日为节点”) but writes no date. The date and its source are
 * kept together so that every refusal built on it can say where it comes from.
 */
export const GUOFA_2010_41_BOUNDARY = {
  key: 'kg.guofa-2010-41-issued',
  value: '2010-11-21',
  /** Whether the gazette itself gives the value. */
  fromGazette: false,
  source:
    '青政办发〔2019〕31号 三(三) 以《国务院关于当前发展学前教育的若干意见》（国发〔2010〕41号）“发布之日为节点”，未写日期；' +
    '此日期取自国发〔2010〕41号文末所署日期（2010年11月21日），非本公报所定',
} as const;

/** 国发〔2010〕41号《若干意见》 was issued on this day; 三(三) splits kindergartens by it. */
export const GUOFA_2010_41_ISSUED = GUOFA_2010_41_BOUNDARY.value;

/**
 * How a case is rectified (四(二) 全面整改): 已建成需移交 handover; 回收 recover, 置换 swap,
 * 购置 purchase; 补建/改建/新建 build; `inclusive`: planned before 国发〔2010〕41号 and decided not
 * to recover, run as inclusive (普惠) at lowered cost by 2020 (三(三)).
 */
export const Categories = {
  handover: '移交',
  recover: '回收',
  swap: '置换',
  purchase: '购置',
  build: '补建/改建/新建',
  inclusive: '不收回、降低成本普惠办园',
} as const;
export const CategorySchema = z.enum(Object.keys(Categories) as [keyof typeof Categories]);
export type Category = z.infer<typeof CategorySchema>;

/** 土地性质: 划拨 allocated or 出让 transferred. */
export const LandTenureSchema = z.enum(['allocated', 'transferred']);
export type LandTenure = z.infer<typeof LandTenureSchema>;

/** 现状: what the survey found. */
export const Conditions = {
  not_handed_over: '已建成未移交',
  high_fee_private: '违规出租、出售办成高收费民办园',
  repurposed: '挪作他用',
  missing: '未配建或配建不足',
} as const;
export const ConditionSchema = z.enum(Object.keys(Conditions) as [keyof typeof Conditions]);
export type Condition = z.infer<typeof ConditionSchema>;

/** 项目状态 of the residential project. */
export const ProjectStatuses = {
  completed: '已建成',
  under_construction: '在建',
  approved_not_started: '已批复未开工',
} as const;
export const ProjectStatusSchema = z.enum(Object.keys(ProjectStatuses) as [keyof typeof ProjectStatuses]);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** 三(四): public (公办) or entrusted inclusive private (普惠性民办); never for profit. */
export const OperationModeSchema = z.enum(['public', 'inclusive_private', 'for_profit']);
export type OperationMode = z.infer<typeof OperationModeSchema>;

/** The campaign's deadlines (四(二)); a new campaign keeps the same offsets from its start. */
export const CampaignDeadlinesSchema = z.object({
  handover: CivilDateSchema,
  recover: CivilDateSchema,
  buildPlan: CivilDateSchema,
  completion: CivilDateSchema,
  inclusive: CivilDateSchema,
});
export type CampaignDeadlines = z.infer<typeof CampaignDeadlinesSchema>;

export const CampaignSchema = z.object({
  campaignId: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  docNo: z.string(),
  startDate: CivilDateSchema,
  deadlines: CampaignDeadlinesSchema,
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** One ledger (台账) row, as facts about the kindergarten and its residential project. */
export const KindergartenFactsSchema = z.object({
  projectName: z.string().trim().min(1).max(200),
  town: z.string().trim().min(1).max(50),
  developer: z.string().trim().min(1).max(200),
  landTenure: LandTenureSchema,
  plannedOn: CivilDateSchema,
  builtOn: CivilDateSchema.nullable(),
  condition: ConditionSchema,
  proposedCategory: CategorySchema,
  projectStatus: ProjectStatusSchema,
  /**
   * 三(三): 建设用地以出让方式取得的，已签订移交协议的按协议约定移交 — the date the agreement sets,
   * where one was signed. Optional: ledgers and cases from before it lack it (no agreement).
   */
  handoverAgreedBy: CivilDateSchema.nullable().optional(),
});
export type KindergartenFacts = z.infer<typeof KindergartenFactsSchema>;

export const PhaseSchema = z.enum(['survey', 'plan', 'rectifying', 'handover', 'operation', 'closed']);
export type Phase = z.infer<typeof PhaseSchema>;

export const StepSnapshotSchema = z.object({
  key: z.string(),
  phase: PhaseSchema,
  title: z.string(),
  /** The bureau whose inbox holds the step. */
  unitCode: UnitCodeSchema,
  /** Clause of the document that assigns it. */
  ref: z.string(),
  /** Steps that must be done before this one opens. */
  after: z.array(z.string()),
  state: z.enum(['waiting', 'open', 'done']),
  deadline: CivilDateSchema.nullable(),
  originalDeadline: CivilDateSchema.nullable(),
  colour: ColourSchema,
  doneAt: z.iso.datetime({ offset: true }).nullable(),
  doneBy: z.string().nullable(),
  note: z.string().nullable(),
  // Progress reports (DESIGN §5 yellow 滞后). Optional: cases opened before reporting existed lack them.
  /** When the step's bureau began to owe monthly progress reports on it. */
  reportingSince: z.iso.datetime({ offset: true }).nullable().optional(),
  lastReportAt: z.iso.datetime({ offset: true }).nullable().optional(),
  nextReportDue: CivilDateSchema.nullable().optional(),
  reportMissing: z.boolean().optional(),
  /** A step it waits for is past its deadline (a milestone slipped). */
  milestoneSlipped: z.boolean().optional(),
});
export type StepSnapshot = z.infer<typeof StepSnapshotSchema>;

export const HoldKindSchema = z.enum(['completion_filing', 'construction_start']);
export type HoldKind = z.infer<typeof HoldKindSchema>;

export const HoldSchema = z.object({
  kind: HoldKindSchema,
  /** The bureau that enforces it: 住建局 the completion filing, 自然资源局 the construction start. */
  unitCode: UnitCodeSchema,
  reason: z.string(),
  ref: z.string(),
  /** The step of the case that rectifies it and lifts the hold. */
  liftsAtStep: z.string(),
  placedAt: z.iso.datetime({ offset: true }),
  liftedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Hold = z.infer<typeof HoldSchema>;

export const CaseDeadlineChangeSchema = z.object({
  step: z.string(),
  deadline: CivilDateSchema,
  previous: CivilDateSchema.nullable(),
  at: z.iso.datetime({ offset: true }),
  reason: z.string(),
  byUserId: z.string(),
});

/** 延期申请: asked by the bureau holding the steps, decided by the supervision office (督查室). */
export const PendingCaseExtensionSchema = z.object({
  steps: z.array(z.string()),
  unitCode: UnitCodeSchema,
  requestedDeadline: CivilDateSchema,
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime({ offset: true }),
});
export type PendingCaseExtension = z.infer<typeof PendingCaseExtensionSchema>;

export const CaseSnapshotSchema = z.object({
  caseId: z.string(),
  campaignId: z.string(),
  projectId: z.string(),
  docNo: z.string(),
  facts: KindergartenFactsSchema,
  deadlines: CampaignDeadlinesSchema,
  phase: PhaseSchema,
  category: CategorySchema.nullable(),
  operationMode: OperationModeSchema.nullable(),
  steps: z.array(StepSnapshotSchema),
  holds: z.array(HoldSchema),
  /** The child workflow running the rectification, while and after it runs. */
  rectificationWorkflowId: z.string().nullable(),
  colour: ColourSchema,
  redSince: z.iso.datetime({ offset: true }).nullable(),
  deadlineHistory: z.array(CaseDeadlineChangeSchema),
  /** Optional: cases opened before extension requests existed lack it. */
  pendingExtension: PendingCaseExtensionSchema.nullable().optional(),
  /** When this red episode was escalated to the leadership group (null: not yet). */
  escalatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  createdAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int().min(0),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshotSchema>;
