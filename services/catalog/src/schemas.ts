import { z } from 'zod';
import { isCivilDate } from '@duban/calendar';
import { docSlug } from '@duban/workflow-supervision/client';
import {
  AnnualTableRowSchema,
  AttachmentSchema,
  DeadlineSchema,
  DutySchema,
  FrequencySchema,
  IndicatorSchema,
  LineRangeSchema,
  ParseWarningSchema,
  RecurringDeadlineSchema,
  ReportingSchema,
  TargetSchema,
  TaskKindSchema,
} from '@duban/gazette';
import { resolveUnit, unitByCode, UnitRefSchema } from '@duban/units';

// ---------------------------------------------------------------------------------------------
// Requests. Query strings are text: every value is parsed from a string, every refusal names its
// field (query.pageSize, query.unit …).

export const MAX_PAGE_SIZE = 200;

const positiveInt = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, '应为正整数')
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .optional()
    .transform((v) => v ?? fallback)
    .meta({ type: 'integer', minimum: 1, maximum: max, default: fallback });

const CivilDateQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(isCivilDate, 'not a calendar date')
  .meta({ format: 'date' });

const DOC_ID = /^[a-z0-9]+-\d{4}-\d+$/;

/** A 文号 (any bracket style) or a document id (`qzbf-2019-31`) → the document id. */
export const DocumentKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((value, ctx) => {
    if (DOC_ID.test(value)) return value;
    try {
      return docSlug(value);
    } catch {
      ctx.issues.push({
        code: 'custom',
        message: '不是文号（如 青政办发〔2019〕31号）或文件编号（如 qzbf-2019-31）',
        input: value,
      });
      return z.NEVER;
    }
  });

/** A unit code (`edu`) or any name the registry knows (教育局, 市教育局) → the unit code. */
export const UnitKey = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((value, ctx) => {
    if (/^[a-z][a-z0-9-]*$/.test(value)) {
      if (unitByCode(value)) return value;
    } else {
      const hit = resolveUnit(value);
      if (hit.ok) return hit.unit.code;
    }
    ctx.issues.push({ code: 'custom', message: `未知单位：${value}`, input: value });
    return z.NEVER;
  });

export const TasksQuery = z.object({
  docNo: DocumentKey.optional().meta({
    description: '文号（如 青政办发〔2019〕31号）或文件编号（如 qzbf-2019-31）',
  }),
  unit: UnitKey.optional().meta({ description: '单位代码或名称：牵头或配合该任务的单位' }),
  dueBefore: CivilDateQuery.optional().meta({ description: '期限（最晚一个期限日）不晚于此日（含）' }),
  dueAfter: CivilDateQuery.optional().meta({ description: '期限（最晚一个期限日）不早于此日（含）' }),
  hasIndicators: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ type: 'boolean', description: '是否有目标指标' }),
  kind: TaskKindSchema.optional().meta({ description: 'task 工作任务、measure 工作措施、step 实施步骤' }),
  page: positiveInt(1_000_000, 1),
  pageSize: positiveInt(MAX_PAGE_SIZE, 50),
});
export type TasksQueryInput = z.output<typeof TasksQuery>;

export const TaskIdParams = z.object({
  id: z.string().min(1).max(200).meta({ description: '事项编号 itemIdOf(文号, 条款)，如 qzbf-2019-31.3.p3' }),
});

export const DocumentIdParams = z.object({
  id: DocumentKey.meta({ description: '文件编号（如 qzbf-2019-31）或文号' }),
});

// ---------------------------------------------------------------------------------------------
// Responses.

const isoTime = z.iso.datetime({ offset: true });
const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const CountsView = z.object({
  tasks: z.number().int(),
  tasksWithDeadline: z.number().int(),
  articles: z.number().int(),
  targets: z.number().int(),
  indicators: z.number().int(),
  annualTableRows: z.number().int(),
});

export const CatalogDocumentSummaryView = z
  .object({
    id: z.string().meta({ description: '文件编号，如 qzbf-2019-31' }),
    docNo: z.string().meta({ description: '文号' }),
    title: z.string(),
    issuers: z.array(UnitRefSchema),
    issuedOn: civilDate.nullable(),
    published: z.boolean().meta({ description: '此件公开发布' }),
    lines: LineRangeSchema,
    counts: CountsView,
    reporting: ReportingSchema.nullable(),
    warnings: z.number().int().meta({ description: '解析警告条数' }),
    source: z.string(),
    importedAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CatalogDocumentSummary', description: '公报中的一份文件' });

export const CatalogDocumentView = CatalogDocumentSummaryView.extend({
  addressees: z.string().nullable(),
  targets: z.array(TargetSchema),
  annualTable: z
    .array(AnnualTableRowSchema)
    .nullable()
    .meta({ description: '年度任务一览表（互联网+教育）' }),
  attachments: z.array(AttachmentSchema),
  warnings: z.array(ParseWarningSchema),
  contentHash: z.string(),
}).meta({ id: 'CatalogDocument', description: '一份文件及其目标、年度表、附件与解析警告' });

export const CatalogDocumentsList = z.object({
  documents: z.array(CatalogDocumentSummaryView),
  total: z.number().int(),
});

export const CatalogTaskView = z
  .object({
    id: z.string().meta({ description: '事项编号（督办工作流由此得名）' }),
    docId: z.string(),
    docNo: z.string(),
    ref: z.string().meta({ description: '条款，如 二.13、三.(三)' }),
    kind: TaskKindSchema,
    title: z.string(),
    text: z.string(),
    path: z.array(z.string()),
    lead: z.array(UnitRefSchema).meta({ description: '牵头单位 / 责任单位' }),
    cooperating: z.array(UnitRefSchema).meta({ description: '配合单位' }),
    otherParties: z.array(z.string()),
    duties: z.array(DutySchema),
    deadline: civilDate.nullable().meta({ description: '最晚一个期限日（事项期限）' }),
    deadlines: z.array(DeadlineSchema),
    recurringDeadlines: z.array(RecurringDeadlineSchema),
    reportingFrequency: FrequencySchema.nullable(),
    indicators: z.array(IndicatorSchema),
    hasIndicators: z.boolean(),
    sourceLines: LineRangeSchema,
    version: z.number().int().min(1),
    contentHash: z.string(),
    importedAt: isoTime.meta({ description: '本版本导入时间' }),
    firstImportedAt: isoTime,
  })
  .meta({ id: 'CatalogTask', description: '文件交办的一项任务（督办事项的来源）' });

export const CatalogTasksPage = z.object({
  tasks: z.array(CatalogTaskView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ProvenanceView = z
  .object({
    file: z.string(),
    lines: LineRangeSchema,
    text: z.array(z.string()).meta({ description: '原文各行，一字不改' }),
  })
  .meta({ id: 'CatalogProvenance', description: '出处：公报文件中的原文行' });

export const CatalogTaskVersionView = CatalogTaskView.extend({
  supersededAt: isoTime.nullable().meta({ description: '被新版本取代的时间；当前版本为 null' }),
}).meta({ id: 'CatalogTaskVersion' });

export const CatalogTaskDetail = z.object({
  task: CatalogTaskView,
  provenance: ProvenanceView,
  history: z
    .array(CatalogTaskVersionView)
    .meta({ description: '所有版本，按版本号升序，最后一项为当前版本' }),
});
