import { UnitRefSchema } from '@duban/units';
import { z } from 'zod';
import { ComparisonSchema } from '@duban/contracts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** 1-based, inclusive line numbers in the gazette file. */
export const LineRangeSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
});
export type LineRange = z.infer<typeof LineRangeSchema>;

/**
 * How a deadline phrase became a date (DESIGN §5). All dates are civil dates in Asia/Shanghai; the
 * end of that day is implied.
 */
export const DeadlineRuleSchema = z.enum([
  'explicit-date', // 2019年6月30日前
  'month-end', // 2019年6月底前 → 2019-06-30
  'year-end', // 2018年底前 → 2018-12-31
  'by-year', // 到2020年 → 2020-12-31
  'in-year', // "2019年，完成…" (a milestone for that year) → 2019-12-31
  'half-year-end', // 2019年上半年 → 2019-06-30
  'early-month', // 2019年5月上旬 → 2019-05-10
  'mid-month', // 2019年5月中旬 → 2019-05-20
  'late-month', // 2019年4月下旬 → 2019-04-30
  'within-year', // 年内 (a notice's own year) → YYYY-12-31
]);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

/**
 * Where the year of a phrase that names none ("6月底前", "年底前") came from: a year the notice
 * states (its title, its opening lines) or the year of the notice's date.
 */
export const YearSourceSchema = z.enum(['text', 'document-date']);
export type YearSource = z.infer<typeof YearSourceSchema>;

export const DeadlineSchema = z.object({
  date: IsoDate,
  /** The phrase as it stands in the text. */
  phrase: z.string().min(1),
  rule: DeadlineRuleSchema,
  /** Absent when the phrase states its own year. */
  yearFrom: YearSourceSchema.optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const FrequencySchema = z.enum(['weekly', 'monthly', 'quarterly', 'semiannual', 'yearly']);
export type Frequency = z.infer<typeof FrequencySchema>;

/** A deadline that comes back every period: "每月25日前", "每一季度第一个月的15日之前". */
export const RecurringDeadlineSchema = z.object({
  frequency: FrequencySchema,
  /** Day of the month the deadline falls on. */
  day: z.number().int().min(1).max(31),
  /** For quarterly/yearly deadlines: which month of the period (1 = first). */
  monthOfPeriod: z.number().int().min(1).max(12).optional(),
  phrase: z.string().min(1),
});
export type RecurringDeadline = z.infer<typeof RecurringDeadlineSchema>;

// A target indicator's comparison is the shared one of @duban/contracts (project quality tracks it too).
export { ComparisonSchema, type Comparison } from '@duban/contracts';

export const IndicatorSchema = z.object({
  name: z.string().min(1),
  comparison: ComparisonSchema,
  target: z.number(),
  /** '%', '亩', '万亩', '亿元', '个' …; '' for a plain coefficient. */
  unit: z.string(),
  year: z.number().int().optional(),
  baselineYear: z.number().int().optional(),
  /** A change stated with 左右 ("增长8%左右"): the comparison stays the change, the size is approximate. */
  approximate: z.literal(true).optional(),
  phrase: z.string().min(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** One unit's own paragraph of duties (耕地保护 (九): "自然资源局：要…"). */
export const DutySchema = z.object({ units: z.array(UnitRefSchema), text: z.string() });
export type Duty = z.infer<typeof DutySchema>;

export const TaskKindSchema = z.enum(['task', 'measure', 'step']);

/** A supervision item (督办事项, DESIGN §6) as the document assigns it. */
export const TaskSchema = z.object({
  /** Stable clause reference: '二.13', '三.(一)', '六.(二)', '三'. */
  ref: z.string().min(1),
  /** 'task' (工作任务), 'measure' (工作措施), 'step' (实施步骤). */
  kind: TaskKindSchema,
  title: z.string().min(1),
  text: z.string().min(1),
  /** Headings above the item, outermost first. */
  path: z.array(z.string()),
  sourceLines: LineRangeSchema,
  lead: z.array(UnitRefSchema),
  cooperating: z.array(UnitRefSchema),
  /** Parties that are no registry unit: 各项目单位, 各相关部门 … */
  otherParties: z.array(z.string()),
  duties: z.array(DutySchema),
  deadlines: z.array(DeadlineSchema),
  recurringDeadlines: z.array(RecurringDeadlineSchema),
  indicators: z.array(IndicatorSchema),
  reportingFrequency: FrequencySchema.optional(),
  /** The leader answering for the item (牵头负责领导 / 责任领导), as written. */
  responsibleLeader: z.string().min(1).optional(),
  /**
   * Time phrases kept verbatim with no date: standing duties (长期坚持, 持续推进), spans with no start
   * (5个工作日内), schedules with no day (每季度), and phrases the parser could not date (each of
   * these also raises an 'unparsed-deadline' warning). Absent when there are none.
   */
  deadlinePhrases: z.array(z.string().min(1)).optional(),
});
export type Task = z.infer<typeof TaskSchema>;

/** A goal clause (主要目标 / 总体目标): indicators and horizons, no owner. */
export const TargetSchema = z.object({
  ref: z.string().min(1),
  title: z.string(),
  text: z.string().min(1),
  sourceLines: LineRangeSchema,
  deadlines: z.array(DeadlineSchema),
  indicators: z.array(IndicatorSchema),
});
export type Target = z.infer<typeof TargetSchema>;

/** Every other clause: 第三十六条 of a rules document, or '序言', '二.3', '五.(三)' of a plan. */
export const ArticleSchema = z.object({
  ref: z.string().min(1),
  /** '第四章 风险防控' for documents organised in chapters. */
  chapter: z.string().optional(),
  /** A bold caption such as 资质审查 where the article has one. */
  title: z.string().optional(),
  text: z.string().min(1),
  sourceLines: LineRangeSchema,
  deadlines: z.array(DeadlineSchema),
  recurringDeadlines: z.array(RecurringDeadlineSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

export const YearTargetSchema = z.object({
  year: z.number().int(),
  /** The leading quantity of the cell (the first percentage, else the first number), if any. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  quantities: z.array(z.object({ value: z.number(), unit: z.string() })),
  text: z.string(),
});

/** A row of the 互联网+教育 年度任务一览表 (2018–2022). */
export const AnnualTableRowSchema = z.object({
  categoryRef: z.string().optional(),
  category: z.string(),
  name: z.string().min(1),
  targets: z.array(YearTargetSchema),
  line: z.number().int().positive(),
});
export type AnnualTableRow = z.infer<typeof AnnualTableRowSchema>;

export const AttachmentSchema = z.object({
  title: z.string().min(1),
  /** Absent when the gazette prints only the reference ("附件：…") and not the attachment. */
  sourceLines: LineRangeSchema.optional(),
  text: z.string().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A standing reporting duty of the whole document ("每月25日前…报发展和改革局汇总"). */
export const ReportingSchema = z.object({
  frequency: FrequencySchema,
  day: z.number().int().min(1).max(31).optional(),
  to: z.array(UnitRefSchema),
  phrase: z.string().min(1),
  line: z.number().int().positive(),
});
export type Reporting = z.infer<typeof ReportingSchema>;

export const GazetteDocumentSchema = z.object({
  /** The document's identity in an import: its 文号, else '无文号:' and its normalised title. */
  key: z.string().min(1),
  /** Normalised to 〔〕: 青政办发〔2019〕31号. Absent for a notice that prints none. */
  docNo: z
    .string()
    .regex(/^\S+〔\d{4}〕\d+号$/)
    .optional(),
  title: z.string().min(1),
  issuers: z.array(UnitRefSchema),
  /** Absent only when the document prints no date (a warning says so). */
  issuedOn: IsoDate.optional(),
  /** 此件公开发布 */
  published: z.boolean(),
  addressees: z.string().optional(),
  startLine: z.number().int().positive(),
  endLine: z.number().int().positive(),
  targets: z.array(TargetSchema),
  tasks: z.array(TaskSchema),
  articles: z.array(ArticleSchema),
  annualTable: z.array(AnnualTableRowSchema).optional(),
  reporting: ReportingSchema.optional(),
  attachments: z.array(AttachmentSchema),
});
export type GazetteDocument = z.infer<typeof GazetteDocumentSchema>;

export const TocEntrySchema = z.object({
  title: z.string().min(1),
  docNo: z.string().min(1),
  page: z.number().int().optional(),
  line: z.number().int().positive(),
});
export type TocEntry = z.infer<typeof TocEntrySchema>;

export const WarningKindSchema = z.enum([
  'unknown-unit',
  'toc-mismatch',
  'toc-missing',
  'unplaced-text',
  'unparsed-deadline',
  'no-lead-unit',
  'missing-field',
]);
export type WarningKind = z.infer<typeof WarningKindSchema>;

export const ParseWarningSchema = z.object({
  kind: WarningKindSchema,
  message: z.string().min(1),
  line: z.number().int().positive().optional(),
  docNo: z.string().optional(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export const UnitUsageSchema = UnitRefSchema.extend({
  /** Times the unit is named in the documents' text. */
  mentions: z.number().int().nonnegative(),
  /** Keys (文号, else 无文号:title) of the documents that name or assign it. */
  documents: z.array(z.string()),
});
export type UnitUsage = z.infer<typeof UnitUsageSchema>;

export const ParsedGazetteSchema = z.object({
  issue: z
    .object({ year: z.number().int(), number: z.number().int(), total: z.number().int().optional() })
    .optional(),
  toc: z.array(TocEntrySchema),
  documents: z.array(GazetteDocumentSchema),
  units: z.array(UnitUsageSchema),
  warnings: z.array(ParseWarningSchema),
});
export type ParsedGazette = z.infer<typeof ParsedGazetteSchema>;
