// Trips of 引客入青 (青政办发〔2019〕34号 三): filed by the agency, claimed in their window, counts
// confirmed by the spots and the hotel, reviewed by 旅游营销中心. Each action is one Update.
import { z } from 'zod';
import { addCivilDays, civilDateOf } from '@duban/calendar';
import {
  actorOf,
  defineRoute,
  problems,
  type Principal,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { unitByCode } from '@duban/units';
import {
  TourismGrants,
  TripActionBodies,
  TripFilingSchema,
  claimDeadline,
  filingRefusal,
  tripYear,
  type TripAction,
  type TripCommand,
} from '@duban/workflow-tourism/client';
import { timeline, trips } from '../collections';
import { TourismQuerySchemas, TourismViews } from '../schemas';
import { fileTrip, sendTripAction } from '../temporal';
import { TOURISM_TAGS, visibleTo } from './common';

const tripProblems = {
  404: '行程不存在',
  409: '不在申请期内、已关闭、非本单位等（答复写明条款与日期）',
  503: '工作流引擎暂不可用',
  504: '工作流未按时答复',
};
const IdParams = z.object({ id: z.string() });

export function tripRoutes(ctx: ProcessRouteContext): Route[] {
  /** A closed trip answers from the read model: the reason kept names the rule and the dates. */
  const act = async (
    tripId: string,
    user: Principal,
    requestId: string,
    action: TripAction,
    body: unknown,
  ) => {
    const stored = await trips(ctx.db).findOne({ _id: tripId, ...visibleTo(user) });
    if (!stored) throw problems.notFound(`行程 ${tripId} 不存在`);
    if (stored.status === 'refused' || stored.status === 'unclaimable')
      throw problems.conflict(stored.closedReason ?? '行程已关闭', { rule: stored.status, tripId });
    const command = { action, actor: actorOf(user, requestId), body } as TripCommand;
    return sendTripAction(ctx, tripId, command);
  };

  return [
    defineRoute({
      access: TourismGrants['file-trip'],
      method: 'post',
      path: '/tourism/trips',
      operationId: 'fileTourismTrip',
      summary: '引客入青行程备案（旅行社、自驾车俱乐部；包机、专列、大巴提前三天，一日游、过夜游提前一天）',
      description:
        '《青铜峡市引客入青奖励政策备案登记表》（青政办发〔2019〕34号 三.1、三.3(1)、三.4(1)）。备案单位为账号所属单位。' +
        '逾期备案答复 409，写明条款、抵达日期与最迟备案日期，不建行程。',
      tags: TOURISM_TAGS,
      body: TripFilingSchema,
      responses: {
        201: { description: '已备案', schema: TourismViews.started },
        200: { description: '同一行程编号已备案', schema: TourismViews.started },
      },
      problems: { 409: '备案逾期（三.1、三.3(1)、三.4(1)）', 503: '工作流引擎暂不可用' },
      handler: async ({ body, user, requestId, res }) => {
        const today = civilDateOf(ctx.now());
        const late = filingRefusal(body.kind, body.arrival, today);
        if (late) throw problems.conflict(late, { rule: 'filing-deadline', arrival: body.arrival });
        const unitCode = user.unitCode ?? '';
        const agency = { code: unitCode, name: unitByCode(unitCode)?.name ?? user.name };
        const created = await fileTrip(
          { temporal: ctx.temporal, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) },
          { filing: body, agency, filedBy: actorOf(user, requestId) },
          tripYear(body.arrival),
        );
        res
          .status(created ? 201 : 200)
          .json({ tripId: body.tripId, created, claimDeadline: claimDeadline(body.kind, body.departure) });
      },
    }),
    defineRoute({
      access: 'user',
      outside: true,
      method: 'get',
      path: '/tourism/trips',
      operationId: 'listTourismTrips',
      summary: '引客入青行程与申请（按旅行社、月份、类别、状态；旅行社只见本社，景区、宾馆只见经停本单位的）',
      tags: TOURISM_TAGS,
      query: TourismQuerySchemas.trips,
      responses: { 200: { description: '行程', schema: TourismViews.trips } },
      handler: async ({ query, user, res }) => {
        const filter: Record<string, unknown> = { ...visibleTo(user) };
        if (query.agency) filter['agency.code'] = query.agency;
        if (query.month) filter.month = query.month;
        if (query.kind) filter.kind = query.kind;
        if (query.status) filter.status = query.status;
        const rows = await trips(ctx.db).find(filter).sort({ arrival: 1, _id: 1 }).limit(1000).toArray();
        res.json({ trips: rows });
      },
    }),
    defineRoute({
      access: 'user',
      outside: true,
      method: 'get',
      path: '/tourism/windows',
      operationId: 'tourismClosingWindows',
      summary: '即将截止的申请期（未申请的行程，期限在今后 days 天内）',
      tags: TOURISM_TAGS,
      query: TourismQuerySchemas.windows,
      responses: { 200: { description: '行程', schema: TourismViews.trips } },
      handler: async ({ query, user, res }) => {
        const today = civilDateOf(ctx.now());
        const rows = await trips(ctx.db)
          .find({
            ...visibleTo(user),
            status: 'filed',
            claimDeadline: { $gte: today, $lte: addCivilDays(today, query.days) },
          })
          .sort({ claimDeadline: 1, _id: 1 })
          .toArray();
        res.json({ trips: rows });
      },
    }),
    defineRoute({
      access: 'user',
      outside: true,
      method: 'get',
      path: '/tourism/trips/:id',
      operationId: 'getTourismTrip',
      summary: '一个行程及其时间线（旅行社只见本社的，景区、宾馆只见经停本单位的）',
      params: IdParams,
      tags: TOURISM_TAGS,
      problems: { 404: '不存在或不可见' },
      responses: { 200: { description: '行程', schema: TourismViews.tripDetail } },
      handler: async ({ params, user, res }) => {
        const trip = await trips(ctx.db).findOne({ _id: params.id, ...visibleTo(user) });
        if (!trip) throw problems.notFound(`行程 ${params.id} 不存在`);
        const events = await timeline(ctx.db).find({ thingId: params.id }).sort({ version: 1 }).toArray();
        res.json({ trip, timeline: events });
      },
    }),
    defineRoute({
      access: TourismGrants.claim,
      method: 'post',
      path: '/tourism/trips/:id/actions/claim',
      operationId: 'claimTourismTrip',
      summary:
        '申请奖励 {claimedVisitors, meal?, photos?}（备案单位；包机、专列、大巴当月30日，一日游、过夜游次季首月15日）',
      description:
        '过申报期的申请答复 409，写明条款与期限，行程不再受理（三.4(3)(4)）。大巴团须附照片（三.3(3)）。',
      tags: TOURISM_TAGS,
      params: IdParams,
      body: TripActionBodies.claim,
      responses: { 200: { description: '行程', schema: TourismViews.trip } },
      problems: tripProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        res.json(await act(params.id, user, requestId, 'claim', body));
      },
    }),
    defineRoute({
      access: TourismGrants['confirm-count'],
      method: 'post',
      path: '/tourism/trips/:id/actions/confirm-count',
      operationId: 'confirmTourismCount',
      summary: '核实接待人数 {count, ticket?}（行程中的景区、宾馆；两个景区不一致的以最少的计数，三.2）',
      tags: TOURISM_TAGS,
      params: IdParams,
      body: TripActionBodies['confirm-count'],
      responses: { 200: { description: '行程', schema: TourismViews.trip } },
      problems: tripProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        res.json(await act(params.id, user, requestId, 'confirm-count', body));
      },
    }),
    defineRoute({
      access: TourismGrants.verify,
      method: 'post',
      path: '/tourism/trips/:id/actions/:action',
      operationId: 'reviewTourismClaim',
      summary: '审核申请：verify {note?}、reject {reason}（旅游营销中心）',
      tags: TOURISM_TAGS,
      params: z.object({ id: z.string(), action: z.enum(['verify', 'reject']) }),
      bodyByParam: {
        param: 'action',
        schemas: { verify: TripActionBodies.verify, reject: TripActionBodies.reject },
      },
      emptyBodyIsObject: true,
      responses: { 200: { description: '行程', schema: TourismViews.trip } },
      problems: tripProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        res.json(await act(params.id, user, requestId, params.action, body));
      },
    }),
  ];
}
