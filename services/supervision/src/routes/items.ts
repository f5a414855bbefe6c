import { ReadModels, type TimelineDoc } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import { defineRoute, problems, skipOf, type ProcessRouteContext, type Route } from '@duban/http';
import { findByUrgency, itemsFilter, mayRead } from './queries';
import { toItemView, toTimelineView } from './views';
import { ItemDetail, ItemIdParams, ItemsPage, ItemsQuery } from './schemas';

export function itemRoutes(ctx: ProcessRouteContext): Route[] {
  const items = ctx.db.collection<ItemDoc>(ReadModels.items);
  const timeline = ctx.db.collection<TimelineDoc>(ReadModels.timeline);
  return [
    defineRoute({
      method: 'get',
      path: '/items',
      operationId: 'listItems',
      summary: '督办事项列表',
      description:
        '按紧急程度排序：逾期（红）在前，其次滞后（黄）、临期（蓝）、正常（绿）；同色按期限先后，无期限在后。' +
        '责任单位只能看到本单位牵头或配合的事项。',
      tags: ['items'],
      access: 'user',
      query: ItemsQuery,
      responses: { 200: { description: '一页事项', schema: ItemsPage } },
      handler: async ({ query, user, res }) => {
        const { page, pageSize, ...filters } = query;
        const found = await findByUrgency(items, itemsFilter(filters, user), {
          skip: skipOf(query),
          limit: pageSize,
        });
        res.json({ items: found.items.map(toItemView), total: found.total, page, pageSize });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/items/:id',
      operationId: 'getItem',
      summary: '督办事项及其完整时间线',
      tags: ['items'],
      access: 'user',
      params: ItemIdParams,
      responses: { 200: { description: '事项与时间线（按版本排序）', schema: ItemDetail } },
      problems: { 404: '没有这个事项' },
      handler: async ({ params, user, res }) => {
        const item = await items.findOne({ _id: params.id });
        if (!item) throw problems.notFound(`没有事项 ${params.id}`);
        if (!mayRead(user, item)) throw problems.forbidden(`事项 ${params.id} 不是本单位牵头或配合的事项`);
        const steps = await timeline
          .find({ itemId: params.id })
          .sort({ version: 1, at: 1, _id: 1 })
          .toArray();
        res.json({ item: toItemView(item), timeline: steps.map(toTimelineView) });
      },
    }),
  ];
}
