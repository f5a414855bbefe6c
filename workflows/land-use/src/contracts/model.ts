// 耕地占补平衡 and 违法占地 (青政办发〔2019〕28号 二(三)、二(七), DESIGN §7.3): the city's one
// compensation ledger and the illegal-occupation cases of 自然资源局.
import { z } from 'zod';
import { CivilDateSchema, ColourSchema } from '@duban/contracts';

export const LU_DOC_NO = '青政办发〔2019〕28号';

/** Hundredths of a mu are the smallest unit the ledger counts; more decimals are refused. */
export const AreaMuSchema = z
  .number()
  .positive('must be greater than 0')
  .max(1_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'at most 2 decimals (0.01 亩)');

/**
 * 耕地质量等别 (国家利用等别, GB/T 28407-2012): 1 is the best land, 15 the worst. So "at least
 * as good" (占优补优) means a grade number lower than or equal to the occupied land's.
 */
/** A town (镇), the farms (农林场) or the street office, by its unit code (@duban/units). */
export const TownCodeSchema = z
  .string()
  .regex(/^(town-[a-z]+|farms|street-yumin)$/, 'expected a town code such as town-xiaoba');

export const QualityGradeSchema = z.number().int().min(1).max(15);

/** 国家 / 自治区 key construction projects are served first (二(三)). */
export const KeyLevelSchema = z.enum(['national', 'region', 'none']);
export type KeyLevel = z.infer<typeof KeyLevelSchema>;
export const KeyLevels: Record<KeyLevel, string> = {
  national: '国家重点建设项目',
  region: '自治区重点建设项目',
  none: '一般建设项目',
};

export const OccupationKindSchema = z.enum(['permanent', 'temporary']);
export type OccupationKind = z.infer<typeof OccupationKindSchema>;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const instant = z.iso.datetime({ offset: true });

/** A parcel of 补充耕地 accepted (验收) into the ledger. Areas in mu. */
export const CompensationParcelSchema = z.object({
  parcelNo: z.string(),
  townCode: z.string(),
  areaMu: z.number(),
  remainingMu: z.number(),
  grade: QualityGradeSchema,
  sourceProject: z.string(),
  acceptedOn: CivilDateSchema,
  acceptedAt: instant,
  acceptedBy: z.string(),
});
export type CompensationParcel = z.infer<typeof CompensationParcelSchema>;

export const ConsumptionSchema = z.object({ parcelNo: z.string(), areaMu: z.number(), grade: z.number() });
export type Consumption = z.infer<typeof ConsumptionSchema>;

/** Which rule refused an occupation, and by how much. */
export const BalanceRuleSchema = z.enum(['prior_compensation', 'quantity', 'quality', 'priority']);
export type BalanceRule = z.infer<typeof BalanceRuleSchema>;
export const BalanceRules: Record<BalanceRule, string> = {
  prior_compensation: '先补后占',
  quantity: '占一补一',
  quality: '占优补优',
  priority: '优先保障重点建设项目',
};
export const RefusalSchema = z.object({
  rule: BalanceRuleSchema,
  reason: z.string(),
  /** Mu missing for the rule to pass. */
  shortfallMu: z.number(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

export const OccupationStateSchema = z.enum(['approved', 'refused', 'queued', 'reclaimed']);

export const ReclamationSchema = z.object({
  deadline: CivilDateSchema,
  colour: ColourSchema,
  reclaimedAt: instant.nullable(),
  reclaimedBy: z.string().nullable(),
  note: z.string().nullable(),
});

export const OccupationSchema = z.object({
  occupationId: z.string(),
  project: z.string(),
  townCode: z.string(),
  areaMu: z.number(),
  grade: QualityGradeSchema,
  keyLevel: KeyLevelSchema,
  kind: OccupationKindSchema,
  state: OccupationStateSchema,
  filedAt: instant,
  filedBy: z.string(),
  decidedAt: instant.nullable(),
  consumed: z.array(ConsumptionSchema),
  refusal: RefusalSchema.nullable(),
  /** Temporary use only (《土地管理法》第57条). */
  reclamation: ReclamationSchema.nullable(),
});
export type Occupation = z.infer<typeof OccupationSchema>;

export const TownBalanceSchema = z.object({
  townCode: z.string(),
  acceptedMu: z.number(),
  consumedMu: z.number(),
  remainingMu: z.number(),
  /** Permanent occupations approved in the town. */
  occupiedMu: z.number(),
  /** Temporary occupations in the town not yet reclaimed. */
  temporaryMu: z.number(),
});
export const LedgerBalanceSchema = z.object({
  acceptedMu: z.number(),
  consumedMu: z.number(),
  remainingMu: z.number(),
  occupiedMu: z.number(),
  temporaryMu: z.number(),
  queued: z.number().int(),
  byTown: z.array(TownBalanceSchema),
});
export type LedgerBalance = z.infer<typeof LedgerBalanceSchema>;

export const LedgerSnapshotSchema = z.object({
  ledgerId: z.string(),
  docNo: z.string(),
  balance: LedgerBalanceSchema,
  parcels: z.array(CompensationParcelSchema),
  /** Waiting requests in the order they will be served. */
  queue: z.array(OccupationSchema),
  /** Temporary occupations not yet reclaimed. */
  temporary: z.array(OccupationSchema),
  version: z.number().int().min(0),
});
export type LedgerSnapshot = z.infer<typeof LedgerSnapshotSchema>;

/** 违法占地: where the land is and what kind. */
export const LandKindSchema = z.enum(['cultivated', 'basic_farmland', 'other']);
export type LandKind = z.infer<typeof LandKindSchema>;
export const LandKinds: Record<LandKind, string> = {
  cultivated: '耕地',
  basic_farmland: '永久基本农田',
  other: '其他土地',
};
export const CaseSourceSchema = z.enum(['patrol', 'report']);
export const CaseSources = { patrol: '动态巡查', report: '举报' } as const;

export const CaseStepSchema = z.enum(['registered', 'investigated', 'decided', 'rectified', 'closed']);
export type CaseStep = z.infer<typeof CaseStepSchema>;
export const CaseSteps: Record<CaseStep, string> = {
  registered: '立案',
  investigated: '调查取证',
  decided: '处罚决定',
  rectified: '整改复耕',
  closed: '结案',
};

export const TransferBodySchema = z.enum(['discipline', 'judiciary']);
export type TransferBody = z.infer<typeof TransferBodySchema>;
export const TransferBodies: Record<TransferBody, string> = {
  discipline: '纪委监委',
  judiciary: '司法机关',
};

export const LandCaseFactsSchema = z
  .object({
    source: CaseSourceSchema,
    parcelNo: text(60),
    townCode: TownCodeSchema,
    areaMu: AreaMuSchema,
    landKind: LandKindSchema,
    party: text(200),
    description: z.string().trim().max(2000).default(''),
    foundOn: CivilDateSchema,
  })
  .strict();
export type LandCaseFacts = z.output<typeof LandCaseFactsSchema>;

/** 曝光 of a major typical case (二(七)): where it was made public and what was said. */
export const ExposureSchema = z.object({
  channel: z.string(),
  summary: z.string(),
  at: instant,
  by: z.string(),
});
export type Exposure = z.infer<typeof ExposureSchema>;

export const LandCaseSnapshotSchema = z.object({
  caseId: z.string(),
  docNo: z.string(),
  facts: LandCaseFactsSchema,
  /** The last step done; the next one is open. */
  step: CaseStepSchema,
  deadline: CivilDateSchema,
  colour: ColourSchema,
  redSince: instant.nullable(),
  major: z.boolean(),
  majorReason: z.string().nullable(),
  history: z.array(
    z.object({ step: CaseStepSchema, at: instant, by: z.string(), note: z.string().nullable() }),
  ),
  decision: z.string().nullable(),
  /** Moved only by an extension the supervision office approved (DESIGN §5); old and new kept. */
  deadlineHistory: z.array(
    z.object({
      deadline: CivilDateSchema,
      previous: CivilDateSchema,
      at: instant,
      reason: z.string(),
      by: z.string(),
    }),
  ),
  transfers: z.array(
    z.object({
      body: TransferBodySchema,
      bodyName: z.string(),
      reason: z.string(),
      at: instant,
      by: z.string(),
    }),
  ),
  /**
   * 二(七) 严肃查处……重大典型案件，并予以曝光: true when this case must be exposed before it closes
   * (a major case opened under patch `cl-28-2-7-exposure`); absent in cases opened before it.
   */
  exposureRequired: z.boolean().optional(),
  /** The exposure once done (null while due); absent in cases opened before the patch. */
  exposure: ExposureSchema.nullable().optional(),
  createdAt: instant,
  closedAt: instant.nullable(),
  version: z.number().int().min(0),
});
export type LandCaseSnapshot = z.infer<typeof LandCaseSnapshotSchema>;
