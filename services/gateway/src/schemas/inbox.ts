import { z } from 'zod';
import { ColourSchema, ProcessNameSchema, UnitCodeSchema } from '@duban/contracts';
import { PageMeta, PagingQuery } from '@duban/http';

export const InboxEntryView = z
  .object({
    process: ProcessNameSchema.meta({
      description: '所属流程的名称（如 supervision 督办事项；全部流程见 /processes.json）',
    }),
    itemId: z.string().meta({ description: '所属对象：督办事项、幼儿园案件、镇整改 …' }),
    href: z.string().meta({ description: '控制台中该对象的页面（#/…）' }),
    stepLabel: z.string().meta({ description: '待办的一步（中文）' }),
    unitCode: z.string(),
    role: z.enum(['lead', 'cooperating']).meta({ description: 'lead：牵头；cooperating：配合（子任务）' }),
    step: z.string().meta({ description: '待办的一步：事项状态、子任务状态或流程步骤代码' }),
    docNo: z.string(),
    ref: z.string(),
    title: z.string(),
    deadline: z.string().nullable(),
    colour: ColourSchema,
    updatedAt: z.iso.datetime({ offset: true }),
    daysLeft: z
      .number()
      .int()
      .nullable()
      .meta({ description: '距期限的天数（Asia/Shanghai 今日起算），已逾期为负数；无期限为 null' }),
    openUrges: z.number().int().optional().meta({ description: '待本单位反馈的催办次数（催）' }),
    handler: z
      .object({ userId: z.string(), name: z.string().nullable() })
      .nullable()
      .optional()
      .meta({ description: '本单位指定的承办人' }),
    mine: z.boolean().optional().meta({ description: '本人是这一步的承办人（排在最前）' }),
  })
  .meta({ id: 'InboxEntry' });

export const InboxQuery = z.object({
  unit: UnitCodeSchema.optional().meta({
    description: '单位代码：责任单位用户只能是自己的单位（可省略）；督查室、领导、管理员必填',
  }),
  ...PagingQuery,
});

export const InboxPage = z.object({
  unitCode: z.string(),
  unitName: z.string().nullable(),
  today: z.string().meta({ description: 'Asia/Shanghai 今日' }),
  items: z.array(InboxEntryView),
  ...PageMeta,
});
