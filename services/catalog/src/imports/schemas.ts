import { z } from 'zod';
import {
  DeadlineSchema,
  IndicatorSchema,
  LineRangeSchema,
  ParseWarningSchema,
  RecurringDeadlineSchema,
  TaskKindSchema,
} from '@duban/gazette';
import { UnitRefSchema } from '@duban/units';
import { MAX_NOTICE_BYTES } from '../notice-input';

/** Base64 of the largest file, with room for line breaks some encoders insert. */
export const MAX_BASE64_CHARS = Math.ceil(MAX_NOTICE_BYTES / 3) * 4 + 1024 * 1024;

/** The JSON body the route needs room for: the gateway's parser must allow this much here. */
export const IMPORT_BODY_LIMIT = '28mb';

export const NewImportBody = z
  .union([
    z
      .object({
        fileName: z.string().trim().min(1).max(255).meta({ description: '文件名（决定文件类型）' }),
        contentBase64: z.string().max(MAX_BASE64_CHARS).meta({ description: '文件内容，Base64' }),
      })
      .strict(),
    z
      .object({
        text: z.string().max(MAX_NOTICE_BYTES).meta({ description: '粘贴的通知文字' }),
        fileName: z.string().trim().min(1).max(255).optional(),
      })
      .strict(),
  ])
  .meta({ id: 'NewCatalogImport', description: '上传文件（Base64）或粘贴文字；只解析、预览，不写入目录' });

export const ImportIdParams = z.object({
  id: z
    .string()
    .regex(/^imp-[0-9a-f-]{36}$/, '不是导入编号')
    .meta({ description: '导入编号 imp-…' }),
});

export const ConfirmBody = z
  .object({
    proceed: z
      .boolean()
      .default(false)
      .meta({ description: '有未识别单位使任务缺少牵头单位时仍然导入（这些任务不启动督办）' }),
  })
  .strict();

const TaskRef = z.object({ itemId: z.string(), ref: z.string(), title: z.string() });
const Actor = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  unitCode: z.string().nullable(),
});

export const ImportDiffView = z
  .object({
    added: z.array(TaskRef).meta({ description: '新增任务：确认后启动督办' }),
    changed: z
      .array(
        TaskRef.extend({
          version: z.number().int().meta({ description: '目录中被取代的版本' }),
          fields: z.array(z.string()).meta({ description: 'title text lead cooperating deadline other' }),
          restored: z.boolean(),
        }),
      )
      .meta({ description: '变更任务：目录存新版本，运行中的事项随之修订' }),
    removed: z.array(TaskRef).meta({ description: '修订版中已删除的任务：事项保留并标记，由督查室决定' }),
    unchanged: z.number().int(),
  })
  .meta({ id: 'CatalogImportDiff' });

export const PreviewTaskView = z.object({
  itemId: z.string(),
  ref: z.string(),
  kind: TaskKindSchema,
  title: z.string(),
  text: z.string(),
  lead: z.array(UnitRefSchema),
  cooperating: z.array(UnitRefSchema),
  deadline: z.string().nullable(),
  deadlines: z.array(DeadlineSchema),
  recurringDeadlines: z.array(RecurringDeadlineSchema),
  undatedPhrases: z.array(z.string()).meta({ description: '未能定出日期、原样保留的期限说法' }),
  indicators: z.array(IndicatorSchema),
  sourceLines: LineRangeSchema,
  change: z.enum(['added', 'changed', 'unchanged']),
});

export const ImportPreviewView = z
  .object({
    id: z.string(),
    kind: z.enum(['text', 'docx', 'xlsx']),
    fileName: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: Actor,
    documents: z.array(
      z.object({
        docId: z.string(),
        key: z.string(),
        docNo: z.string().nullable(),
        title: z.string(),
        issuedOn: z.string().nullable(),
        tasks: z.array(PreviewTaskView),
      }),
    ),
    warnings: z.array(ParseWarningSchema),
    unknownUnits: z.array(
      z.object({ name: z.string().nullable(), line: z.number().int().nullable(), message: z.string() }),
    ),
    blocking: z
      .array(TaskRef.extend({ names: z.array(z.string()) }))
      .meta({ description: '因单位未识别而没有牵头单位的任务：确认前须映射单位或声明仍要导入' }),
    diff: ImportDiffView,
    confirmed: z
      .object({ at: z.iso.datetime({ offset: true }), by: Actor })
      .nullable()
      .meta({ description: '已确认导入时：何时、何人' }),
  })
  .meta({ id: 'CatalogImportPreview', description: '导入预览：解析结果与目录的差异，尚未写入' });

export const ImportResultView = z
  .object({
    id: z.string(),
    at: z.iso.datetime({ offset: true }),
    by: Actor,
    requestId: z.string(),
    proceededDespite: z.array(z.string()),
    diff: ImportDiffView,
    totals: z.object({ documents: z.number().int(), tasks: z.number().int() }),
    start: z.object({
      started: z.number().int(),
      alreadyRunning: z.number().int(),
      alreadyClosed: z.number().int(),
      skipped: z.number().int(),
    }),
    revisions: z.array(
      z.object({
        itemId: z.string(),
        change: z.enum(['revised', 'removed']),
        outcome: z.enum(['applied', 'refused', 'no-item']),
        detail: z.string().optional(),
      }),
    ),
    items: z.array(z.string()).meta({ description: '本文件全部任务对应的督办事项编号' }),
  })
  .meta({ id: 'CatalogImportResult', description: '确认导入的结果（再次确认得到同一结果）' });
