import { ReadModels, type ItemDoc, type PendingExtensionRequest } from '@duban/contracts';
import { pendingRectificationExtensions } from '@duban/service-cultivated-land';
import { pendingCaseExtensions } from '@duban/service-kindergarten';
import { unitByCode } from '@duban/units';
import type { Db } from 'mongodb';
import type { RouteContext } from '../deps';
import { PendingExtensionsPage } from '../schemas/reviews';
import { defineRoute, type Route } from '@duban/http';

async function pendingItemExtensions(db: Db): Promise<PendingExtensionRequest[]> {
  const waiting = await db
    .collection<ItemDoc>(ReadModels.items)
    .find({ pendingExtension: { $ne: null }, state: { $ne: 'closed' } })
    .toArray();
  return waiting.flatMap((item) => {
    const p = item.pendingExtension;
    if (!p) return [];
    return [
      {
        process: 'supervision',
        itemId: item.itemId,
        href: `#/items/${encodeURIComponent(item.itemId)}`,
        title: item.title,
        docNo: item.docNo,
        ref: item.ref,
        steps: [],
        unitCode: item.leadUnits[0] ?? '',
        requestedBy: p.requestedBy,
        requestedAt: p.requestedAt,
        currentDeadline: item.deadline,
        requestedDeadline: p.requestedDeadline,
        reason: p.reason,
        colour: item.overallColour,
        decide: {
          path: `/api/items/${encodeURIComponent(item.itemId)}/actions/decide-extension`,
          body: {},
          textField: 'opinion',
        },
      },
    ];
  });
}

export function reviewRoutes(ctx: RouteContext): Route[] {
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
      access: ['inspector', 'leader', 'admin'],
      responses: { 200: { description: '待审批的延期申请', schema: PendingExtensionsPage } },
      handler: async ({ res }) => {
        const all = (
          await Promise.all([
            pendingItemExtensions(ctx.db),
            pendingCaseExtensions(ctx.db),
            pendingRectificationExtensions(ctx.db),
          ])
        ).flat();
        all.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.itemId.localeCompare(b.itemId));
        res.json({
          total: all.length,
          requests: all.map((r) => ({ ...r, unitName: unitByCode(r.unitCode)?.name ?? null })),
        });
      },
    }),
  ];
}
