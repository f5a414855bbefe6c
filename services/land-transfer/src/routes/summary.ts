// The 土地流转 board: applications by stage and tier, deposits held and refunded, operators'
// area against the cap (第二十三条), and the six-monthly reports due (第三十二条).
import { ALL_ROLES } from '@duban/contracts';
import { OPERATOR_CAP_MU } from '@duban/workflow-land-transfer/client';
import { defineRoute, type ProcessRouteContext, type Route } from '@duban/http';
import { HOLDING_STAGES, applications } from '../collections';
import { LtViews } from '../schemas';
import { LT_TAGS } from './applications';
import { visibleTo } from './visibility';

const centi = (v: number) => Math.round(v * 100);

export function summaryRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      access: { roles: ALL_ROLES, outside: true },
      method: 'get',
      path: '/land-transfer/summary',
      operationId: 'landTransferSummary',
      summary: '土地流转总览：各环节各层级件数、风险保障金、经营主体面积与上限、应报半年报告',
      tags: LT_TAGS,
      responses: { 200: { description: '总览', schema: LtViews.summary } },
      handler: async ({ user, res }) => {
        const rows = await applications(ctx.db).find(visibleTo(user)).limit(5000).toArray();
        const byStage: Record<string, Record<string, number>> = {};
        const deposits = { held: 0, heldYuan: 0, refunded: 0, drawn: 0, drawnYuan: 0 };
        const operators = new Map<string, { operatorCode: string; operatorName: string; centi: number }>();
        const reportsDue = [];
        for (const r of rows) {
          const tiers = (byStage[r.stage] ??= {});
          tiers[r.tier] = (tiers[r.tier] ?? 0) + 1;
          if (r.deposit.held) {
            deposits.held += 1;
            deposits.heldYuan += centi(r.deposit.cashYuan);
          }
          if (r.deposit.refundedOn) deposits.refunded += 1;
          if (r.deposit.drawn) {
            deposits.drawn += 1;
            deposits.drawnYuan += centi(r.deposit.drawn.amountYuan);
          }
          const a = r.application;
          if (HOLDING_STAGES.includes(r.stage)) {
            const o = operators.get(a.operatorCode) ?? {
              operatorCode: a.operatorCode,
              operatorName: a.operatorName,
              centi: 0,
            };
            o.centi += centi(r.areaMu);
            operators.set(a.operatorCode, o);
          }
          if (r.stage === 'in-use' && r.reports.period && r.reports.due)
            reportsDue.push({
              applicationId: r.applicationId,
              operatorName: a.operatorName,
              period: r.reports.period,
              due: r.reports.due,
              colour: r.colour,
            });
        }
        res.json({
          byStage,
          deposits: { ...deposits, heldYuan: deposits.heldYuan / 100, drawnYuan: deposits.drawnYuan / 100 },
          operators: [...operators.values()]
            .map((o) => ({
              operatorCode: o.operatorCode,
              operatorName: o.operatorName,
              totalMu: o.centi / 100,
              capMu: OPERATOR_CAP_MU,
            }))
            .sort((x, y) => y.totalMu - x.totalMu),
          reportsDue: reportsDue.sort((x, y) => x.due.localeCompare(y.due)),
        });
      },
    }),
  ];
}
