import { CITY_READERS } from './grants';
import { civilDateOf, daysBetween } from '@duban/calendar';
import { ReadModels, type Colour, emptyColourCounts, type ColourCounts } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import { unitByCode } from '@duban/units';
import { overdueRows } from '@duban/service-supervision';
import type { RouteContext } from '../deps';
import { OverviewView } from '../schemas/overview';
import { defineRoute, type Route } from '@duban/http';
import type { ProcessModule } from '@duban/process';

function add(counts: ColourCounts, colour: string, n: number): void {
  if (colour in counts) counts[colour as Colour] += n;
}

function sum(counts: ColourCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Most red first, then most yellow, then most open. */
function byUrgency(a: { colours: ColourCounts; open: number }, b: { colours: ColourCounts; open: number }) {
  return b.colours.red - a.colours.red || b.colours.yellow - a.colours.yellow || b.open - a.open;
}

export function overviewRoutes(ctx: RouteContext, processes: readonly ProcessModule[]): Route[] {
  const items = ctx.db.collection<ItemDoc>(ReadModels.items);
  return [
    defineRoute({
      method: 'get',
      path: '/overview',
      operationId: 'overview',
      summary: '总览',
      description:
        '未销号事项按颜色、按牵头单位、按文件计数，以及逾期最久的 10 条（一条有多个时间节点的，每个未完成且已过期的节点各占一条，从该节点起算，如31号 四(二)的6月底、9月底）。一项有多个牵头单位时计入每个单位。' +
        'byProcess 给出每个流程（督办事项、幼儿园治理、耕地保护……）未办结对象的颜色计数。',
      tags: ['overview'],
      access: CITY_READERS,
      responses: { 200: { description: '总览', schema: OverviewView } },
      handler: async ({ res }) => {
        const today = civilDateOf(ctx.now());
        // One read of every item, the fields the overview counts by: FerretDB 1.x on SQLite pushes no
        // filter but `{_id}` down (bench/README.md), so each count or $group was a full read of
        // its own (five per overview); the counts are made here instead.
        const all = await items
          .find(
            {},
            {
              projection: {
                itemId: 1,
                docNo: 1,
                ref: 1,
                title: 1,
                leadUnits: 1,
                state: 1,
                overallColour: 1,
                deadline: 1,
                milestones: 1,
              },
            },
          )
          .toArray();
        const total = all.length;
        const openItems = all.filter((item) => item.state !== 'closed');
        // Every red item, not the ten earliest deadlines: one of several dates (31号 四(二)'s 6月底)
        // can make an item of a late deadline the longest overdue.
        const overdue = openItems.filter((item) => item.overallColour === 'red' && item.deadline != null);
        // One row per overdue date: each milestone of a clause with several dates counts on its own.
        const longestOverdue = overdueRows(overdue, today, { byDeadlineWhenNone: true }).slice(0, 10);

        const byColour = emptyColourCounts();
        const units = new Map<string, ColourCounts>();
        const documents = new Map<string, ColourCounts>();
        for (const item of openItems) {
          add(byColour, item.overallColour, 1);
          for (const unitCode of new Set(item.leadUnits ?? [])) {
            const counts = units.get(unitCode) ?? emptyColourCounts();
            add(counts, item.overallColour, 1);
            units.set(unitCode, counts);
          }
          const counts = documents.get(item.docNo) ?? emptyColourCounts();
          add(counts, item.overallColour, 1);
          documents.set(item.docNo, counts);
        }
        const open = openItems.length;

        // Every process's own open things (幼儿园个案, 整改与考核, 违法占地案件 …), in list order.
        const byProcess = await Promise.all(
          processes.flatMap((p) =>
            p.overview ? [p.overview(ctx.db).then((o) => ({ process: p.name, label: p.label, ...o }))] : [],
          ),
        );

        res.json({
          today,
          total,
          open,
          closed: total - open,
          byColour,
          byUnit: [...units]
            .map(([unitCode, colours]) => ({
              unitCode,
              unitName: unitByCode(unitCode)?.name ?? null,
              open: sum(colours),
              colours,
            }))
            .sort((a, b) => byUrgency(a, b) || a.unitCode.localeCompare(b.unitCode)),
          byDocument: [...documents]
            .map(([docNo, colours]) => ({ docNo, open: sum(colours), colours }))
            .sort((a, b) => byUrgency(a, b) || a.docNo.localeCompare(b.docNo)),
          byProcess,
          longestOverdue: longestOverdue.map(({ item, overdue: { since, milestone } }) => ({
            itemId: item.itemId ?? item._id,
            docNo: item.docNo,
            ref: item.ref,
            title: item.title,
            leadUnits: item.leadUnits,
            state: item.state,
            colour: item.overallColour,
            deadline: item.deadline!,
            overdueSince: since,
            milestone,
            daysOverdue: Math.max(0, daysBetween(since, today)),
          })),
        });
      },
    }),
  ];
}
