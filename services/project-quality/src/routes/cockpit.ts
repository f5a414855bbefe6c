// 领导驾驶舱's part of this process: units ranked on 二(三)'s rates, projects at risk, indicators missed.
import { civilDateOf } from '@duban/calendar';
import { defineRoute, type ProcessRouteContext, type Route } from '@duban/http';
import { stripDoc, unitYears } from '../collections';
import { projectQualityCockpit } from '../cockpit/cockpit';
import { PQ_TAGS, PqViews } from '../schemas';
import { indicatorStandings } from './indicators';
import { ledgerOf, readers } from './ledger';

export function cockpitRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/cockpit',
      operationId: 'pqCockpit',
      summary:
        '领导驾驶舱：各单位投资完成率、开工率排名（二(三)），滞后于序时进度或到期未开工的项目，未达标或逾期未报的指标',
      tags: PQ_TAGS,
      responses: { 200: { description: '驾驶舱', schema: PqViews.cockpit } },
      handler: async ({ res }) => {
        const today = civilDateOf(ctx.now());
        const year = Number(today.slice(0, 4));
        const docs = await unitYears(ctx.db).find({ year }).limit(2000).toArray();
        const years = docs.map(({ updatedAt: _u, ...y }) => stripDoc(y));
        res.json(projectQualityCockpit(await ledgerOf(ctx), years, await indicatorStandings(ctx), today));
      },
    }),
  ];
}
