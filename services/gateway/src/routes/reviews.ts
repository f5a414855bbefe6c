import { CITY_READERS } from './grants';
import type { ProcessModule } from '@duban/process';
import { unitByCode } from '@duban/units';
import type { RouteContext } from '../deps';
import { PendingExtensionsPage } from '../schemas/reviews';
import { defineRoute, type Route } from '@duban/http';

export function reviewRoutes(ctx: RouteContext, processes: readonly ProcessModule[]): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/reviews/extensions',
      operationId: 'pendingExtensions',
      summary: '待审批的延期申请',
      description:
        '各流程（督办事项、幼儿园治理、耕地保护整改）中责任单位已申请、督查室尚未审批的延期，最早申请的在前。' +
        '每条给出审批接口与请求体字段。',
      tags: ['alerts'],
      access: CITY_READERS,
      responses: { 200: { description: '待审批的延期申请', schema: PendingExtensionsPage } },
      handler: async ({ res }) => {
        const all = (await Promise.all(processes.map((p) => p.pendingExtensions?.(ctx.db) ?? []))).flat();
        all.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.itemId.localeCompare(b.itemId));
        res.json({
          total: all.length,
          requests: all.map((r) => ({ ...r, unitName: unitByCode(r.unitCode)?.name ?? null })),
        });
      },
    }),
  ];
}
