import { z } from 'zod';
import { ColourSchema } from '@duban/contracts';
import { PageMeta, PagingQuery } from './common';

export const AlertView = z
  .object({
    id: z.string(),
    audience: z.enum(['inspector', 'leader']),
    itemId: z.string(),
    docNo: z.string(),
    ref: z.string(),
    title: z.string(),
    colour: ColourSchema,
    kind: z.enum(['colour_changed', 'overdue_escalated']),
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
