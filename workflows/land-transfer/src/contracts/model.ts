// 农村土地承包经营权流转风险防控 (青政发〔2019〕34号, DESIGN §7.4): one application of an operator
// (企业、大户、合作社) to lease villagers' contracted land, from the villagers' meeting to the end
// of the term.
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const LT_DOC_NO = '青政发〔2019〕34号';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const hundredths = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/** Area in 亩, to the hundredth. */
export const AreaMuSchema = z
  .number()
  .positive('must be greater than 0')
  .max(100_000)
  .refine(hundredths, 'at most 2 decimals (0.01 亩)');

/** Money in 元, to the fen. */
export const YuanSchema = z
  .number()
  .nonnegative('must not be negative')
  .max(1e10)
  .refine(hundredths, 'at most 2 decimals (0.01 元)');

/** Who reviews and decides, by the area leased at once (第三十六–三十八条). */
export const TierSchema = z.enum(['village', 'town', 'city']);
export type Tier = z.infer<typeof TierSchema>;
export const Tiers: Record<Tier, string> = {
  village: '村级审查（100亩以下，第三十六条）',
  town: '镇级审查（100亩至500亩，第三十七条）',
  city: '市级审查（500亩以上，第三十八条）',
};

/** 企业（工商资本）、经营大户（自然人）、村土地股份合作社 (第五、四十五条). */
export const OperatorKindSchema = z.enum(['enterprise', 'household', 'cooperative']);
export type OperatorKind = z.infer<typeof OperatorKindSchema>;
export const OperatorKinds: Record<OperatorKind, string> = {
  enterprise: '企业',
  household: '经营大户',
  cooperative: '村土地股份合作社',
};

export const ParcelSchema = z.object({ name: text(100), location: text(200), areaMu: AreaMuSchema }).strict();

/** 第三十五条(一): the written application to the village committee. */
export const ApplicationBodySchema = z
  .object({
    operatorCode: UnitCodeSchema,
    operatorName: text(100),
    operatorKind: OperatorKindSchema,
    /** 户籍（注册地）在本镇、本村 (第四十七、四十八条: 外地 operators always pay the deposit). */
    local: z.boolean(),
    villageCode: UnitCodeSchema,
    villageName: text(100),
    townCode: UnitCodeSchema,
    parcels: z.array(ParcelSchema).min(1).max(200),
    /** 用途 (第三条 不改变土地用途; 第二十七条 project review). */
    use: text(500),
    termStart: CivilDateSchema,
    termEnd: CivilDateSchema,
    /** 流转价格: 元 per 亩 and year. */
    rentPerMuYear: YuanSchema.refine((v) => v > 0, 'must be greater than 0'),
    filedOn: CivilDateSchema,
  })
  .strict();
export type ApplicationBody = z.output<typeof ApplicationBodySchema>;

/** The stages of an application, in order, as the console names them. */
export const Stages = {
  meeting: '待村民小组会议表决',
  review: '待审查评估',
  'city-review': '待市级审查小组决定',
  contract: '待签订流转合同',
  filing: '待备案',
  settlement: '待交清租金和风险保障金',
  'in-use': '经营中',
  risk: '风险处置中',
  expired: '合同期满，待退还保障金',
  closed: '已办结',
} as const;
export type Stage = keyof typeof Stages;
export const StageSchema = z.enum(Object.keys(Stages) as [Stage, ...Stage[]]);

export const OutcomeSchema = z.enum(['meeting-failed', 'not-implemented', 'completed', 'terminated']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const MeetingSchema = z.object({
  heldOn: CivilDateSchema,
  members: z.number().int(),
  present: z.number().int(),
  inFavour: z.number().int(),
  passed: z.boolean(),
});

/** The five review items of 第二十五–二十九条, each passed or not with a note. */
export const REVIEW_ITEMS = {
  qualification: '资质审查（第二十五条）',
  capability: '农业经营管理水平和履约能力审查（第二十六条）',
  project: '项目审查（第二十七条）',
  credit: '诚信情况审查（第二十八条）',
  contract: '流转合同的审查（第二十九条）',
} as const;
export type ReviewItem = keyof typeof REVIEW_ITEMS;
const check = z.object({ passed: z.boolean(), note: text(1000) }).strict();
export const ReviewChecksSchema = z
  .object({
    qualification: check,
    capability: check,
    project: check,
    credit: check,
    contract: check,
  })
  .strict();
export type ReviewChecks = z.infer<typeof ReviewChecksSchema>;

export const DecisionSchema = z.enum(['implement', 'reject']);
export const Decisions = { implement: '实施', reject: '不实施' } as const;

export const ReviewRecordSchema = z.object({
  checks: ReviewChecksSchema,
  on: CivilDateSchema,
  by: z.string(),
  unitCode: z.string().nullable(),
});

export const DecisionRecordSchema = ReviewRecordSchema.extend({
  decision: DecisionSchema,
  reasons: z.string(),
  requirements: z.string().nullable(),
});

/** 第二十条: 流转双方各执一份，发包方和镇土地流转服务中心各备案一份. */
export const CONTRACT_COPIES = ['承包方', '受让方', '发包方', '镇土地流转服务中心'] as const;

export const DepositArrangementSchema = z.enum([
  'cash',
  'asset-pledge',
  'collective-assets',
  'waived',
  'not-required',
]);
export type DepositArrangement = z.infer<typeof DepositArrangementSchema>;
export const DepositArrangements: Record<DepositArrangement, string> = {
  cash: '缴纳风险保障金（下一年度租金的30%，第四十三、四十八条）',
  'asset-pledge': '以固定资产评估价值抵押（第四十六条）',
  'collective-assets': '以村集体“三资”作为保证金（第四十五条）',
  waived: '镇政府决定不收取（第四十七条）',
  'not-required': '不满100亩的本地经营主体，原则上不缴纳（第四十六条）',
};

/** 第四十九条 (一)–(六): the events on which the deposit is drawn. */
export const RISK_CLAUSES = {
  1: '经营主体依法宣告破产、撤销或解散，终止法人资格，无法履行合同',
  2: '经营主体死亡、宣告失踪或丧失劳动能力，无其他承担者，合同无法继续履行',
  3: '遭受重大自然灾害或意外事故，损失巨大且不能获得保险赔偿或赔偿后仍无力支付租金',
  4: '虽未宣告破产、关闭、撤销、解散，但已完全停止经营活动或下落不明',
  5: '经营主体犯罪被追究刑事责任，无其他承担者，原合同无法履行',
  6: '其他事宜造成土地流转合同无法履行',
} as const;
export const RiskClauseSchema = z.number().int().min(1).max(6);

export const DepositSchema = z.object({
  required: z.boolean(),
  /** Why it is (or is not) required, with the article. */
  basis: z.string(),
  /** 30% of the next year's rent. */
  cashYuan: z.number(),
  yearRentYuan: z.number(),
  arrangement: DepositArrangementSchema.nullable(),
  rentPaidOn: CivilDateSchema.nullable(),
  settledOn: CivilDateSchema.nullable(),
  /** Cash, a pledge or collective assets stand as the deposit. */
  held: z.boolean(),
  refundedOn: CivilDateSchema.nullable(),
  drawn: z
    .object({ clause: RiskClauseSchema, clauseText: z.string(), on: CivilDateSchema, amountYuan: z.number() })
    .nullable(),
});
export type Deposit = z.infer<typeof DepositSchema>;

/** 第三十二条: the operator's six-monthly report; `period` is `2019H2`. */
export const ReportsSchema = z.object({
  /** The half-year whose report is awaited, and its due date (null: none, the term ended). */
  period: z.string().nullable(),
  due: CivilDateSchema.nullable(),
  colour: ColourSchema,
  submitted: z.array(z.object({ period: z.string(), on: CivilDateSchema, late: z.boolean() })),
});

export const RiskCaseSchema = z.object({
  clause: RiskClauseSchema,
  clauseText: z.string(),
  note: z.string(),
  openedOn: CivilDateSchema,
  closedOn: CivilDateSchema.nullable(),
  resolution: z.string().nullable(),
});

export const StepRecordSchema = z.object({
  step: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const ApplicationSnapshotSchema = z.object({
  applicationId: z.string(),
  version: z.number().int(),
  stage: StageSchema,
  outcome: OutcomeSchema.nullable(),
  application: ApplicationBodySchema,
  areaMu: z.number(),
  tier: TierSchema,
  meeting: MeetingSchema.nullable(),
  townReview: ReviewRecordSchema.nullable(),
  decision: DecisionRecordSchema.nullable(),
  contract: z.object({ signedOn: CivilDateSchema, copies: z.array(z.string()) }).nullable(),
  filing: z.object({ on: CivilDateSchema, unitCode: z.string() }).nullable(),
  deposit: DepositSchema,
  reports: ReportsSchema,
  supervisions: z.array(z.object({ year: z.number().int(), on: CivilDateSchema, findings: z.string() })),
  /**
   * 第三十九条: the yearly supervision awaited while the land is in use, due by the year's end,
   * with its own colour (the application's colour stays its report's). Absent in applications
   * started before the yearly deadline was kept.
   */
  supervision: z
    .object({ year: z.number().int(), due: CivilDateSchema, colour: ColourSchema })
    .nullable()
    .optional(),
  riskCase: RiskCaseSchema.nullable(),
  /** The warning colour of the application as a whole (its report, while in use). */
  colour: ColourSchema,
  history: z.array(StepRecordSchema),
});
export type ApplicationSnapshot = z.infer<typeof ApplicationSnapshotSchema>;
