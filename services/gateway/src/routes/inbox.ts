import { civilDateOf, daysBetween } from '@duban/calendar';
import { ReadModels, type InboxDoc } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import type { RouteContext } from '../deps';
import { problems, defineRoute, type Route } from '@duban/http';
import { colourRank, compareDeadlines } from '@duban/contracts';
import { toInboxView } from '../queries/views';
import { skipOf } from '@duban/http';
import { InboxPage, InboxQuery } from '../schemas/inbox';

export function inboxRoutes(ctx: RouteContext): Route[] {
  const inbox = ctx.db.collection<InboxDoc>(ReadModels.inbox);
  return [
    defineRoute({
      method: 'get',
      path: '/inbox',
      operationId: 'inbox',
      summary: '单位待办',
      description:
        '一个单位的全部未完成步骤：牵头事项与配合子任务，按预警颜色（红、黄、蓝、绿）再按期限排序。' +
        '责任单位看本单位的；督查室、领导和管理员用 unit 指定单位。',
      tags: ['inbox'],
      access: 'user',
      // A village's or an operator's steps (土地流转), an agency's claims (引客入青): its own only.
      outside: true,
      query: InboxQuery,
      responses: { 200: { description: '一页待办', schema: InboxPage } },
      handler: async ({ query, user, res }) => {
        let unitCode: string;
        if (user.role === 'bureau') {
          if (!user.unitCode) throw problems.forbidden('此用户没有所属单位');
          if (query.unit && query.unit !== user.unitCode) throw problems.forbidden('只能查看本单位的待办');
          unitCode = user.unitCode;
        } else {
          if (!query.unit) throw problems.invalid([{ field: 'query.unit', message: '请指定单位代码' }]);
          unitCode = query.unit;
        }
        const today = civilDateOf(ctx.now());
        // One unit's open steps are few (tens): sorted here rather than by a computed rank in the store.
        const docs = await inbox.find({ unitCode }).toArray();
        // Issue 23: a handling person sees the steps given to them first (我的待办).
        const mine = (d: InboxDoc) => (d.handler?.userId === user.username ? 0 : 1);
        docs.sort(
          (a, b) =>
            mine(a) - mine(b) ||
            colourRank(a.colour) - colourRank(b.colour) ||
            compareDeadlines(a.deadline, b.deadline) ||
            a.itemId.localeCompare(b.itemId),
        );
        const skip = skipOf(query);
        res.json({
          unitCode,
          unitName: unitByCode(unitCode)?.name ?? null,
          today,
          items: docs.slice(skip, skip + query.pageSize).map((d) => ({
            ...toInboxView(d, d.deadline ? daysBetween(today, d.deadline) : null),
            ...(d.handler ? { mine: d.handler.userId === user.username } : {}),
          })),
          total: docs.length,
          page: query.page,
          pageSize: query.pageSize,
        });
      },
    }),
  ];
}
