import { z } from 'zod';
import { ColourSchema, UnitCodeSchema } from '@duban/contracts';
import { ItemSnapshotSchema, ItemStateSchema } from '@duban/workflow-supervision/client';
import { CivilDateQuery, PageMeta, PagingQuery } from '@duban/http';

const isoTime = z.iso.datetime({ offset: true });

export const ItemSnapshotView = ItemSnapshotSchema.meta({
  id: 'ItemSnapshot',
  description: '工作流中事项的当前状态',
});

export const ItemView = ItemSnapshotSchema.extend({
  updatedAt: isoTime,
  latestProgress: z.object({ text: z.string(), at: isoTime, unitCode: z.string() }).nullable(),
}).meta({ id: 'Item', description: '督办事项（读模型）' });

export const TimelineEntryView = z
  .object({
    id: z.string().meta({ description: '事件编号' }),
    itemId: z.string(),
    version: z.number().int(),
    type: z.string(),
    fact: z.string(),
    summary: z.string(),
    at: isoTime,
    actor: z.object({
      userId: z.string().nullable(),
      unitCode: z.string().nullable(),
      requestId: z.string().nullable(),
    }),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry', description: '事项时间线上的一步：谁、何时、从哪个请求做了什么' });

export const ItemIdParams = z.object({
  id: z.string().min(1).max(200).meta({ description: '事项编号，如 qzbf-2019-31.p1' }),
});

export const ItemsQuery = z.object({
  docNo: z.string().min(1).max(100).optional().meta({ description: '文号，如 青政办发〔2019〕31号' }),
  unit: UnitCodeSchema.optional().meta({ description: '单位代码：牵头或配合' }),
  colour: ColourSchema.optional().meta({ description: '总体预警颜色' }),
  state: ItemStateSchema.optional(),
  dueBefore: CivilDateQuery.optional().meta({ description: '期限不晚于此日（含）' }),
  dueAfter: CivilDateQuery.optional().meta({ description: '期限不早于此日（含）' }),
  q: z.string().trim().min(1).max(100).optional().meta({ description: '标题包含的文字' }),
  archived: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: '已归档（true）或未归档（false）的事项；不给则都列出' }),
  ...PagingQuery,
});

export const ItemsPage = z.object({ items: z.array(ItemView), ...PageMeta });

export const ItemDetail = z.object({ item: ItemView, timeline: z.array(TimelineEntryView) });
