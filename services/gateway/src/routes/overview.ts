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

interface GroupRow<K> {
  _id: K;
  count: number;
}

const OPEN = { state: { $ne: 'closed' as const } };

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
        // $match/$group/$sort/$limit only: what FerretDB 1.x runs. Grouping by the whole leadUnits
        // array (no $unwind) and splitting it here gives the per-unit counts.
        const [total, byColourRows, byLeadRows, byDocRows, overdue] = await Promise.all([
          items.countDocuments({}),
          items
            .aggregate<GroupRow<string>>([
              { $match: OPEN },
              { $group: { _id: '$overallColour', count: { $sum: 1 } } },
            ])
            .toArray(),
          items
            .aggregate<GroupRow<{ leadUnits: string[]; colour: string }>>([
              { $match: OPEN },
              { $group: { _id: { leadUnits: '$leadUnits', colour: '$overallColour' }, count: { $sum: 1 } } },
            ])
            .toArray(),
          items
            .aggregate<GroupRow<{ docNo: string; colour: string }>>([
              { $match: OPEN },
              { $group: { _id: { docNo: '$docNo', colour: '$overallColour' }, count: { $sum: 1 } } },
            ])
            .toArray(),
          // Every red item, not the ten earliest deadlines: one of several dates (31号 四(二)'s 6月底)
          // can make an item of a late deadline the longest overdue.
          items.find({ ...OPEN, overallColour: 'red', deadline: { $ne: null } }).toArray(),
        ]);
        // One row per overdue date: each milestone of a clause with several dates counts on its own.
        const longestOverdue = overdueRows(overdue, today, { byDeadlineWhenNone: true }).slice(0, 10);

        const byColour = emptyColourCounts();
        for (const row of byColourRows) add(byColour, row._id, row.count);
        const open = byColourRows.reduce((n, row) => n + row.count, 0);

        const units = new Map<string, ColourCounts>();
        for (const row of byLeadRows) {
          for (const unitCode of new Set(row._id.leadUnits ?? [])) {
            const counts = units.get(unitCode) ?? emptyColourCounts();
            add(counts, row._id.colour, row.count);
            units.set(unitCode, counts);
          }
        }
        const documents = new Map<string, ColourCounts>();
        for (const row of byDocRows) {
          const counts = documents.get(row._id.docNo) ?? emptyColourCounts();
          add(counts, row._id.colour, row.count);
          documents.set(row._id.docNo, counts);
        }

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
