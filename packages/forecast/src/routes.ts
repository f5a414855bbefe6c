import { z } from 'zod';
import { civilDateOf } from '@duban/calendar';
import { ReadModels } from '@duban/contracts';
import { CivilDateQuery, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { policyNumber } from '@duban/policy/store';
import { forecastItemOf } from './items';
import { forecastDocument, type ForecastItem } from './plan';

const Query = z.object({
  docNo: z.string().min(1).max(100),
  /** Default: today. */
  startOn: CivilDateQuery.optional(),
  /** Working days per milestone for every unit; default: policy forecast.step-working-days. */
  days: z.coerce.number().int().min(1).max(250).optional(),
  /** What-if: this unit `slowerDays` working days slower per milestone (negative: faster). */
  unit: z.string().min(1).max(60).optional(),
  slowerDays: z.coerce.number().int().min(-250).max(250).optional(),
});

const Milestone = z.object({
  key: z.string(),
  date: z.string(),
  doneOn: z.string(),
  blueFrom: z.string().nullable(),
  redFrom: z.string().nullable(),
  lateDays: z.number(),
});
const ForecastView = z.object({
  docNo: z.string(),
  startOn: z.string(),
  days: z.number(),
  items: z.array(
    z.object({
      itemId: z.string(),
      ref: z.string(),
      title: z.string(),
      units: z.array(z.string()),
      milestones: z.array(Milestone),
      late: z.boolean(),
    }),
  ),
  lateItems: z.array(z.string()),
  lateUnits: z.array(z.object({ unit: z.string(), lateMilestones: z.number() })),
  load: z.array(z.object({ unit: z.string(), week: z.string(), steps: z.number() })),
});

interface ItemRow {
  itemId: string;
  ref: string;
  title: string;
  leadUnits: string[];
  deadline: string | null;
  milestones?: { key: string; date: string; doneAt: string | null }[];
}

/** GET /api/forecast: computed from the read model, written nowhere. */
export function forecastRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/forecast',
      operationId: 'forecastDocument',
      summary: '预测：按各单位办理步速，一份文件的哪些节点会临期、逾期，何时；各单位每周的工作量',
      description:
        '未办结事项从 startOn（默认今日）起依次办理各节点，每个节点用 days 个工作日（默认政策参数 forecast.step-working-days）；' +
        'unit 与 slowerDays 试算某单位慢（正数）或快（负数）多少个工作日。只计算，不写入任何数据。',
      tags: ['forecast'],
      query: Query,
      responses: { 200: { description: '预测', schema: ForecastView } },
      problems: { 404: '没有这份文件的在办事项' },
      handler: async ({ query, res }) => {
        const rows = await ctx.db
          .collection<ItemRow>(ReadModels.items)
          .find(
            { docNo: query.docNo, state: { $ne: 'closed' } },
            { projection: { itemId: 1, ref: 1, title: 1, leadUnits: 1, deadline: 1, milestones: 1 } },
          )
          .sort({ ref: 1 })
          .toArray();
        if (rows.length === 0) throw problems.notFound(`没有 ${query.docNo} 的在办事项`);
        const items = rows
          .map((r) => forecastItemOf({ ...r, milestones: r.milestones?.filter((m) => m.doneAt === null) }))
          .filter((i): i is ForecastItem => i !== null);
        const days = query.days ?? (await policyNumber(ctx.db, 'forecast.step-working-days'));
        const startOn = query.startOn ?? civilDateOf(ctx.now());
        const forecast = forecastDocument(items, {
          startOn,
          durations: { defaultDays: days },
          ...(query.unit && query.slowerDays
            ? { whatIf: { slower: { unit: query.unit, days: query.slowerDays } } }
            : {}),
        });
        res.json({ docNo: query.docNo, days, ...forecast });
      },
    }),
  ];
}
