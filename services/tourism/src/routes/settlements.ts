// Each agency's year (三.4 年底结算): the standing, the ranking of 二.7, voiding (四(一)), the
// settlement, the totals for the leadership group and the sheet for 财政局.
import { z } from 'zod';
import { civilDateOf, civilDateParts } from '@duban/calendar';
import {
  actorOf,
  defineRoute,
  problems,
  type ProcessRouteContext,
  type Route,
  XLSX,
  sendXlsx,
} from '@duban/http';
import {
  SettlementActionBodies,
  TourismGrants,
  type SettlementAction,
  type SettlementCommand,
  type TripKind,
} from '@duban/workflow-tourism/client';
import { settlements, trips } from '../collections';
import { placeOf, standingOf } from '../ranking';
import { TourismQuerySchemas, TourismViews } from '../schemas';
import { sendSettlementAction } from '../temporal';
import { settlementSheet } from './sheet';
import { TOURISM_TAGS, seesAll, settlementsVisibleTo } from './common';

const KINDS: TripKind[] = ['charter', 'train', 'coach', 'day', 'overnight'];

export function settlementRoutes(ctx: ProcessRouteContext): Route[] {
  const thisYear = () => civilDateParts(civilDateOf(ctx.now())).year;
  return [
    defineRoute({
      access: 'user',
      outside: true,
      method: 'get',
      path: '/tourism/settlements',
      operationId: 'listTourismSettlements',
      summary: '各旅行社年度结算（旅行社只见本社）',
      tags: TOURISM_TAGS,
      query: TourismQuerySchemas.year,
      responses: { 200: { description: '年度结算', schema: TourismViews.settlements } },
      handler: async ({ query, user, res }) => {
        const rows = await settlements(ctx.db)
          .find({ year: query.year, ...settlementsVisibleTo(user) })
          .sort({ _id: 1 })
          .toArray();
        res.json({ settlements: rows });
      },
    }),
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/tourism/ranking',
      operationId: 'tourismRanking',
      summary:
        '最佳送团社排名（截至目前；超过7000人次，前五名按过夜游人数取前三，二.7；不予奖励的不排名，四(一)）',
      tags: TOURISM_TAGS,
      query: TourismQuerySchemas.year,
      responses: { 200: { description: '排名', schema: TourismViews.ranking } },
      handler: async ({ query, res }) => {
        res.json({ year: query.year, ranked: (await standingOf(ctx.db, query.year)).ranked });
      },
    }),
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/tourism/totals',
      operationId: 'tourismTotals',
      summary: '引客入青年度汇总（领导小组）：各类行程、审核通过、人次、奖励金额',
      tags: TOURISM_TAGS,
      query: TourismQuerySchemas.year,
      responses: { 200: { description: '汇总', schema: TourismViews.totals } },
      problems: { 403: '旅行社、景区不看全市汇总' },
      handler: async ({ query, user, res }) => {
        if (!seesAll(user))
          throw problems.forbidden('全市汇总供旅游营销中心、文旅广电局、财政局、督查室和领导查阅');
        const rows = await trips(ctx.db).find({ year: query.year }).toArray();
        const years = await settlements(ctx.db).find({ year: query.year }).toArray();
        res.json({
          year: query.year,
          byKind: KINDS.map((kind) => {
            const mine = rows.filter((t) => t.kind === kind);
            const verified = mine.filter((t) => t.status === 'verified');
            return {
              kind,
              trips: mine.length,
              verified: verified.length,
              visitors: verified.reduce((sum, t) => sum + (t.counted ?? 0), 0),
            };
          }),
          unclaimable: rows.filter((t) => t.status === 'unclaimable').length,
          agencies: years.length,
          amount: years.reduce((sum, s) => sum + s.amount, 0),
        });
      },
    }),
    defineRoute({
      access: TourismGrants.settle,
      method: 'post',
      path: '/tourism/settlements/:agency/:year/actions/:action',
      operationId: 'tourismSettlementAction',
      summary:
        '年度结算操作（旅游营销中心）：record-line {lineId, route, coaches, branded, destinationGrade, monthsOnSchedule, majorAccident}、void {ground: harm|accident|fraud, reason}、settle {}',
      description:
        'settle 时按当时的排名给出最佳送团社名次（二.7）；被认定不予奖励的旅行社不排名，其后者递补（四(一)）。',
      tags: TOURISM_TAGS,
      params: z.object({
        agency: z.string(),
        year: z.coerce.number().int().min(2019).max(2100),
        action: z.enum(['record-line', 'void', 'settle']),
      }),
      bodyByParam: {
        param: 'action',
        schemas: {
          'record-line': SettlementActionBodies['record-line'],
          void: SettlementActionBodies.void,
          settle: z.object({}).strict(),
        },
      },
      emptyBodyIsObject: true,
      responses: { 200: { description: '年度结算', schema: TourismViews.settlement } },
      problems: {
        404: '年度结算不存在',
        409: '已结算、未到结算日、已认定不予奖励等',
        503: '工作流引擎暂不可用',
      },
      handler: async ({ params, body, user, requestId, res }) => {
        const action = params.action as SettlementAction;
        const stored = await settlements(ctx.db).findOne({ 'agency.code': params.agency, year: params.year });
        if (!stored) throw problems.notFound(`${params.agency} ${params.year} 年度结算不存在`);
        const payload =
          action === 'settle'
            ? { bestAgency: placeOf(await standingOf(ctx.db, params.year), params.agency) }
            : body;
        const command = { action, actor: actorOf(user, requestId), body: payload } as SettlementCommand;
        res.json(await sendSettlementAction(ctx, params.agency, params.year, command));
      },
    }),
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/tourism/sheet.xlsx',
      operationId: 'tourismSettlementSheet',
      summary: '引客入青奖励结算表（xlsx，每个旅行社每类奖励一行，供财政局拨付）',
      tags: TOURISM_TAGS,
      query: z.object({ year: z.coerce.number().int().min(2019).max(2100).optional() }),
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: z.string() } },
      problems: { 403: '旅行社、景区不看全市结算表' },
      handler: async ({ query, user, res }) => {
        if (!seesAll(user))
          throw problems.forbidden('结算表供旅游营销中心、文旅广电局、财政局、督查室和领导查阅');
        const year = query.year ?? thisYear() - 1;
        const buffer = await settlementSheet(await standingOf(ctx.db, year), year, ctx.now());
        sendXlsx(res, buffer, `tourism-${year}.xlsx`, `引客入青奖励结算表-${year}.xlsx`);
      },
    }),
  ];
}
