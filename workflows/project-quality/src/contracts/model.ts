// 项目提质增效年 (青政办发〔2019〕40号, DESIGN §7.7): every construction project on a ledger line (销号台账,
// 四(三)); each unit reports its work and its projects' progress to 发改局 by the 25th of every month;
// 发改局 publishes each key project's investment-completion and start rates monthly (二(三), 四(五)).
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const PQ_DOC_NO = '青政办发〔2019〕40号';
/** 发改局 collects the reports (四(三)) and issues the monthly notice (二(三)). */
export const NDRC = 'ndrc';
/** 统计局 gives the fixed-asset investment growth of 一(一) (a statistic, not a ledger sum). */
export const STATS = 'stats';
/** 政府督查室 leads the 约谈 of 二(三). */
export const GOV_INSPECTION = 'gov-inspection';

/**
 * 一(二): 2 自治区级重点建设项目, 13 吴忠市重点建设项目, 145 基本建设项目. The first two are the
 * 重点项目 whose rates 二(三) publishes and ranks.
 */
export const PROJECT_LEVELS = {
  region: '自治区级重点项目',
  wuzhong: '吴忠市级重点项目',
  basic: '基本建设项目',
} as const;
export type ProjectLevel = keyof typeof PROJECT_LEVELS;
export const ProjectLevelSchema = z.enum(['region', 'wuzhong', 'basic']);
export const isKeyProject = (p: { level: ProjectLevel }): boolean => p.level !== 'basic';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max);
/** 万元, two decimals at most. */
export const WanSchema = z
  .number()
  .nonnegative('不能为负数')
  .max(1e8)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, '最多两位小数');

/** A ledger line: 二(一)'s 一个项目、一位责任领导、一个工作专班、一名具体责任人、一套推进方案. */
export const ProjectSchema = z
  .object({
    projectId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '项目编号只能含字母、数字和-'),
    name: text(200),
    level: ProjectLevelSchema,
    unitCode: UnitCodeSchema,
    leader: text(50),
    workingGroup: text(100),
    personInCharge: text(50),
    plannedInvestmentWan: WanSchema,
    yearTargetWan: WanSchema,
    plannedStart: CivilDateSchema,
    plannedCompletion: CivilDateSchema,
    /** 一(三): 储备项目 (reserve, not yet built) and whether it is 产业转型升级. */
    reserve: z.boolean().default(false),
    industrialUpgrade: z.boolean().default(false),
    /** 一(四): built in 2017–2018; the date it reached its design output (达产达效), if it has. */
    builtIn: z.number().int().min(2000).max(2100).optional(),
    designOutputOn: CivilDateSchema.optional(),
    /** 四(三): 完成一项，销号一项. */
    closedOn: CivilDateSchema.optional(),
  })
  .refine((p) => p.plannedCompletion >= p.plannedStart, {
    path: ['plannedCompletion'],
    message: '计划竣工日期不能早于计划开工日期',
  });
export type Project = z.infer<typeof ProjectSchema>;

/** One project's line in a monthly report (四(三)): investment done this year so far, started, problems. */
export const ProjectProgressSchema = z
  .object({
    projectId: z.string().min(1),
    /** Cumulative investment done in the report's year, 万元. */
    investmentDoneWan: WanSchema,
    started: z.boolean(),
    startedOn: CivilDateSchema.optional(),
    problems: z.string().trim().max(2000).default(''),
  })
  .strict();
export type ProjectProgress = z.infer<typeof ProjectProgressSchema>;

/** One month of a unit's reporting year: when it is due, when it came, its colour. */
export const MonthSlotSchema = z.object({
  month: z.number().int().min(1).max(12),
  due: CivilDateSchema,
  colour: ColourSchema,
  reportedOn: CivilDateSchema.nullable(),
  late: z.boolean(),
  work: z.string(),
  progress: z.array(ProjectProgressSchema),
});
export type MonthSlot = z.infer<typeof MonthSlotSchema>;

/** 二(三) 约谈: the unit listed after a quarter, with the figures of the two quarters. */
export const TalkSchema = z.object({
  quarter: z.string().regex(/^\d{4}Q[1-4]$/),
  previous: z.string().regex(/^\d{4}Q[1-4]$/),
  measures: z.array(z.enum(['completion', 'start'])).min(1),
  figures: z.string().min(1),
  listedOn: CivilDateSchema,
});
export type Talk = z.infer<typeof TalkSchema>;

export const UnitYearSnapshotSchema = z.object({
  unitCode: UnitCodeSchema,
  year: z.number().int(),
  projectIds: z.array(z.string()),
  months: z.array(MonthSlotSchema),
  /** The worst colour among the months. */
  colour: ColourSchema,
  closed: z.boolean(),
  /** The last day a report is taken (the end of next January, or a month after a late opening). */
  closesAfter: CivilDateSchema.optional(),
  /** 约谈 listings of the year's quarters (absent in years recorded before they existed). */
  talks: z.array(TalkSchema).optional(),
  version: z.number().int(),
});
export type UnitYearSnapshot = z.infer<typeof UnitYearSnapshotSchema>;
