import { z } from 'zod';
import { ALERT_KINDS, ColourSchema, ProcessNameSchema } from '@duban/contracts';
import { PageMeta, PagingQuery } from '@duban/http';

export const AlertView = z
  .object({
    id: z.string(),
    audience: z.enum(['inspector', 'leader']),
    process: ProcessNameSchema.meta({ description: '所属流程（同待办）' }),
    itemId: z.string(),
    href: z.string().meta({ description: '控制台中该对象的页面（#/…）' }),
    docNo: z.string(),
    ref: z.string(),
    title: z.string(),
    colour: ColourSchema,
    kind: z.enum(Object.keys(ALERT_KINDS) as [keyof typeof ALERT_KINDS]).meta({
      description: Object.entries(ALERT_KINDS)
        .map(([k, v]) => `${k}：${v}`)
        .join('；'),
    }),
    message: z.string(),
    leadUnits: z.array(z.string()),
    eventId: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Alert' });

export const AlertsQuery = z.object({
  audience: z
    .enum(['inspector', 'leader'])
    .optional()
    .meta({ description: '仅管理员可选；其他角色只看到发给自己角色的预警' }),
  itemId: z.string().min(1).max(200).optional(),
  colour: ColourSchema.optional(),
  ...PagingQuery,
});

export const AlertsPage = z.object({ alerts: z.array(AlertView), ...PageMeta });

export const AlertStreamQuery = z.object({
  access_token: z.string().optional().meta({ description: 'EventSource 无法设置请求头时的令牌' }),
});
