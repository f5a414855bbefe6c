import { ReadModels, type AlertDoc } from '@duban/contracts';
import type { Filter } from 'mongodb';
import { z } from 'zod';
import { alertScope, scopeFilter } from '../alerts/scope';
import { streamAlerts } from '../alerts/stream';
import type { RouteContext } from '../deps';
import { problems, defineRoute, type Route } from '@duban/http';
import { toAlertView } from '../queries/views';
import { skipOf } from '@duban/http';
import { AlertsPage, AlertsQuery, AlertStreamQuery } from '../schemas/alerts';

export function alertRoutes(ctx: RouteContext): Route[] {
  const alerts = ctx.db.collection<AlertDoc>(ReadModels.alerts);
  return [
    defineRoute({
      method: 'get',
      path: '/alerts',
      operationId: 'listAlerts',
      summary: '预警列表（最新在前）',
      description:
        '督查室收到全部颜色变化的预警，领导收到逾期与久未整改的预警，管理员两者都可查看；' +
        '责任单位看到本单位牵头事项的预警。',
      tags: ['alerts'],
      access: 'user',
      query: AlertsQuery,
      responses: { 200: { description: '一页预警', schema: AlertsPage } },
      handler: async ({ query, user, res }) => {
        const scope = alertScope(user);
        if (query.audience) {
          if (!scope.audiences.includes(query.audience) || user.role === 'bureau') {
            throw problems.forbidden(`不能查看发给 ${query.audience} 的预警`);
          }
          scope.audiences = [query.audience];
        }
        const filter: Filter<AlertDoc> = {
          ...scopeFilter(scope),
          ...(query.itemId ? { itemId: query.itemId } : {}),
          ...(query.colour ? { colour: query.colour } : {}),
        };
        const [docs, total] = await Promise.all([
          alerts
            .find(filter)
            .sort({ createdAt: -1, _id: -1 })
            .skip(skipOf(query))
            .limit(query.pageSize)
            .toArray(),
          alerts.countDocuments(filter),
        ]);
        res.json({ alerts: docs.map(toAlertView), total, page: query.page, pageSize: query.pageSize });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/alerts/stream',
      operationId: 'alertStream',
      summary: '实时预警（server-sent events）',
      description:
        '每条预警为一个 `event: alert`，data 为 alert_raised 事件的 JSON，id 为预警编号；' +
        '每 15 秒一行注释作为心跳。断线重连时浏览器带上 Last-Event-ID，期间错过的预警会补发。' +
        'EventSource 不能设置请求头，令牌可放在 access_token 查询参数中。',
      tags: ['alerts'],
      access: 'user',
      queryToken: true,
      query: AlertStreamQuery,
      responses: {
        200: {
          description: '事件流',
          contentType: 'text/event-stream',
          schema: z.string().meta({ description: 'text/event-stream' }),
        },
      },
      handler: async ({ req, res, user }) => {
        await streamAlerts({
          req,
          res,
          nc: ctx.nc,
          alerts,
          scope: alertScope(user),
          heartbeatMs: ctx.sseHeartbeatMs,
          logger: req.log ?? ctx.logger,
        });
      },
    }),
  ];
}
