// 购买社会救助服务 (青政办发〔2019〕39号, DESIGN §7.6): 民政局 buys 12 household-check officers from a
// provider (承接主体) for three years; 财政局 pays in three parts a year on the half-yearly
// evaluations; the officers take households' assistance applications through their checks.
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const SA_DOC_NO = '青政办发〔2019〕39号';

/** 市民政局 (buyer and lead, 三), 市财政局 (pays, 七(一)), 审计局 (audits, 七(一)). */
export const CIVIL = 'civil';
export const FINANCE = 'fin';
export const AUDIT = 'audit';

/** 五(二): 民政局 3 officers, each town and 裕民街道 one: the twelve seats of the roster. */
export const SEAT_UNITS = [
  CIVIL,
  CIVIL,
  CIVIL,
  'town-xiaoba',
  'town-daba',
  'town-qingtongxia',
  'town-yesheng',
  'town-qujing',
  'town-xiakou',
  'town-shaogang',
  'town-chenyuantan',
  'street-yumin',
] as const;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
export const NameSchema = text(100);

/** 六(一)–(五): the plan's steps in order, each with its month part. */
export const PLAN_STEPS = {
  application: { label: '项目申请（提出购买方案报市政府）', ref: '六(一)' },
  procurement: { label: '组织实施（政府采购确定承接主体）', ref: '六(二)' },
  contract: { label: '签订购买服务合同', ref: '六(三)' },
  funds: { label: '资金拨付（合同生效后15个工作日内拨付50%）', ref: '六(四)' },
  dispatch: { label: '人员招聘、培训和派遣（合同签订后15个工作日内）', ref: '六(五)' },
} as const;
export type PlanStepKey = keyof typeof PLAN_STEPS;
export const PlanStepKeySchema = z.enum(Object.keys(PLAN_STEPS) as [PlanStepKey, ...PlanStepKey[]]);

/** The plan as the gazette writes it: one month-part phrase per step (六). */
export const PlanSchema = z
  .object({
    application: text(20),
    procurement: text(20),
    contract: text(20),
    funds: text(20),
    dispatch: text(20),
  })
  .strict();
/** 六: the 2019 purchase's plan, as written. */
export const PLAN_2019 = {
  application: '2019年4月下旬',
  procurement: '2019年5月上旬',
  contract: '2019年5月中旬',
  funds: '2019年5月下旬',
  dispatch: '2019年6月上旬',
} as const;

export const PlanStepSchema = z.object({
  key: PlanStepKeySchema,
  label: z.string(),
  ref: z.string(),
  /** The month part of the plan, as a date (上旬 10th, 中旬 20th, 下旬 the last day). */
  planned: CivilDateSchema,
  /** The deadline the ladder runs on: the plan's, or the working-day rule once its trigger is known. */
  due: CivilDateSchema,
  doneOn: CivilDateSchema.nullable(),
  late: z.boolean(),
  colour: ColourSchema,
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const PaymentPartSchema = z.enum(['first', 'mid', 'final']);
export const PAYMENT_PARTS = {
  first: { share: '50%', label: '年度经费的50%（合同生效或服务年度开始后15个工作日内）' },
  mid: { share: '40%', label: '年度经费的40%（中期评估合格后15个工作日内）' },
  final: { share: '剩余部分', label: '年度剩余经费（末期评估合格后10个工作日内）' },
} as const;

export const PaymentSchema = z.object({
  key: z.string(),
  serviceYear: z.number().int(),
  part: PaymentPartSchema,
  amountYuan: z.number(),
  /** The day its clock started (contract in effect, evaluation passed); null while awaited. */
  trigger: CivilDateSchema.nullable(),
  due: CivilDateSchema.nullable(),
  /** Why it is held (a failed evaluation, 七(三)); null when not held. */
  held: z.string().nullable(),
  paidOn: CivilDateSchema.nullable(),
  paidYuan: z.number().nullable(),
  late: z.boolean(),
  colour: ColourSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

/** 七(三): 服务成效、日常管理、社会影响, scored by the panel. */
export const ScoresSchema = z
  .object({
    serviceResults: z.number().min(0).max(100),
    dailyManagement: z.number().min(0).max(100),
    socialEffect: z.number().min(0).max(100),
  })
  .strict();

export const EvaluationAttemptSchema = z.object({
  on: CivilDateSchema,
  scores: ScoresSchema,
  passed: z.boolean(),
  panel: z.array(z.string()),
  note: z.string(),
});

export const EvaluationSchema = z.object({
  key: z.string(),
  serviceYear: z.number().int(),
  half: z.union([z.literal(1), z.literal(2)]),
  periodEnd: CivilDateSchema,
  due: CivilDateSchema,
  attempts: z.array(EvaluationAttemptSchema),
  passedOn: CivilDateSchema.nullable(),
  colour: ColourSchema,
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const RectificationSchema = z.object({
  evaluationKey: z.string(),
  openedOn: CivilDateSchema,
  due: CivilDateSchema,
  doneOn: CivilDateSchema.nullable(),
  note: z.string().nullable(),
  colour: ColourSchema,
});
export type Rectification = z.infer<typeof RectificationSchema>;

export const SeatSchema = z.object({
  seat: z.number().int(),
  unitCode: z.string(),
  officerCode: z.string().nullable(),
  officerName: z.string().nullable(),
  since: CivilDateSchema.nullable(),
});
export type Seat = z.infer<typeof SeatSchema>;

export const CostLineSchema = z.object({
  key: z.string(),
  label: z.string(),
  clause: z.string(),
  basis: z.string(),
  yuan: z.number(),
});
export const BudgetSchema = z.object({
  serviceYear: z.number().int(),
  start: CivilDateSchema,
  end: CivilDateSchema,
  lines: z.array(CostLineSchema),
  totalYuan: z.number(),
});
export type Budget = z.infer<typeof BudgetSchema>;

export const PurchaseStageSchema = z.enum(['planning', 'in-service', 'ended']);
export type PurchaseStage = z.infer<typeof PurchaseStageSchema>;
export const PurchaseStages: Record<PurchaseStage, string> = {
  planning: '购买准备中',
  'in-service': '服务期内',
  ended: '服务期满',
};

export const StepRecordSchema = z.object({
  step: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const PurchaseSnapshotSchema = z.object({
  purchaseId: z.string(),
  version: z.number().int(),
  year: z.number().int(),
  stage: PurchaseStageSchema,
  provider: z.object({ code: UnitCodeSchema, name: z.string() }).nullable(),
  contract: z
    .object({ signedOn: CivilDateSchema, effectiveOn: CivilDateSchema, serviceEnd: CivilDateSchema })
    .nullable(),
  minimumWage: z.object({ effectiveFrom: z.string(), monthlyYuan: z.number() }),
  steps: z.array(PlanStepSchema),
  budgets: z.array(BudgetSchema),
  payments: z.array(PaymentSchema),
  evaluations: z.array(EvaluationSchema),
  rectifications: z.array(RectificationSchema),
  roster: z.array(SeatSchema),
  /** The worst colour of what is open (a step, a payment, an evaluation, a rectification). */
  colour: ColourSchema,
  history: z.array(StepRecordSchema),
});
export type PurchaseSnapshot = z.infer<typeof PurchaseSnapshotSchema>;

/** 五(五)2(1): the kinds of assistance an officer takes applications for. */
export const ASSISTANCE_KINDS = {
  subsistence: '最低生活保障',
  destitute: '特困人员供养',
  medical: '医疗救助',
  education: '教育救助',
  housing: '住房救助',
  temporary: '临时救助',
} as const;
export const AssistanceKindSchema = z.enum(
  Object.keys(ASSISTANCE_KINDS) as [keyof typeof ASSISTANCE_KINDS, ...(keyof typeof ASSISTANCE_KINDS)[]],
);

export const HouseholdSchema = z
  .object({
    applicant: NameSchema,
    members: z.number().int().min(1).max(30),
    townCode: UnitCodeSchema,
    village: NameSchema,
    kind: AssistanceKindSchema,
    statement: text(2000),
  })
  .strict();
export type Household = z.output<typeof HouseholdSchema>;

/** 五(五)2: the steps of one application after the officer takes it, in order. */
export const CASE_STEPS = {
  investigation: { label: '入户调查（调查人员和申请人签字确认）', ref: '五(五)2(2)', owner: 'officer' },
  appraisal: { label: '协助村(居)委会组织群众评议', ref: '五(五)2(3)', owner: 'officer' },
  'spot-check': { label: '市民政局抽查复核', ref: '五(五)2(4)', owner: 'civil' },
  decision: { label: '镇(街道)审核决定', ref: '五(五)2', owner: 'town' },
} as const;
export type CaseStep = keyof typeof CASE_STEPS;
export const CaseStepSchema = z.enum(Object.keys(CASE_STEPS) as [CaseStep, ...CaseStep[]]);

export const CaseSnapshotSchema = z.object({
  caseId: z.string(),
  version: z.number().int(),
  household: HouseholdSchema,
  officer: z.object({ code: z.string(), name: z.string() }),
  takenOn: CivilDateSchema,
  /** The step awaited; null once decided. */
  step: CaseStepSchema.nullable(),
  due: CivilDateSchema.nullable(),
  colour: ColourSchema,
  done: z.array(
    z.object({
      step: CaseStepSchema,
      on: CivilDateSchema,
      by: z.string(),
      note: z.string(),
      late: z.boolean(),
    }),
  ),
  decision: z.enum(['approved', 'rejected']).nullable(),
  history: z.array(StepRecordSchema),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshotSchema>;
