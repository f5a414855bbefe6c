// 五(五)2: an officer takes a household's application and carries it through investigation and
// appraisal; 民政局 spot-checks; the town (street) decides. Officers see their own cases, towns
// theirs, 民政局, 审计局, 督查室 and the leaders all.
import {
  CIVIL,
  AUDIT,
  CaseActionBodies,
  SocialAssistanceGrants,
  TakeCaseSchema,
  caseActionsOpenTo,
  householdCaseId,
  type CaseActionName,
} from '@duban/workflow-social-assistance/client';
import { isGranted } from '@duban/contracts';
import {
  actorOf,
  defineRoute,
  problems,
  type Principal,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { cases, seatOf } from '../collections';
import { SaQuery, SaViews } from '../schemas';
import { sendCaseAction, takeCase } from '../temporal';
import { IdParams, SA_TAGS, readers, timelineOf } from './purchases';

function visibleTo(user: Principal): Record<string, unknown> {
  if (user.role !== 'bureau') return {};
  const unit = user.unitCode ?? '';
  if (unit === CIVIL || unit === AUDIT) return {};
  return { $or: [{ 'officer.code': unit }, { 'household.townCode': unit }] };
}

const strip = <T extends { _id: unknown; updatedAt: unknown }>({ _id: _k, updatedAt: _u, ...rest }: T) =>
  rest;

export function caseRoutes(ctx: ProcessRouteContext): Route[] {
  const deps = { temporal: ctx.temporal, db: ctx.db, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
  const actionRoute = (action: CaseActionName): Route =>
    defineRoute({
      method: 'post',
      path: `/social-assistance/cases/:id/actions/${action}`,
      operationId: `socialAssistanceCase_${action.replace('-', '_')}`,
      summary: `救助申请：${action}（五(五)2）`,
      tags: SA_TAGS,
      access: SocialAssistanceGrants[action],
      params: IdParams,
      body: CaseActionBodies[action],
      responses: { 200: { description: '救助申请', schema: SaViews.case } },
      problems: {
        404: '申请不存在',
        409: '环节不对或单位不符（写明条款）',
        503: '工作流引擎暂不可用',
        504: '工作流未按时答复',
      },
      handler: async ({ params, body, user, requestId, res }) => {
        const command = { action, actor: actorOf(user, requestId), body: body as Record<string, unknown> };
        res.json(await sendCaseAction(ctx, params.id, command));
      },
    });
  return [
    defineRoute({
      access: SocialAssistanceGrants.take,
      method: 'post',
      path: '/social-assistance/cases',
      operationId: 'takeSocialAssistanceCase',
      summary: '入户核查员受困难家庭委托，代其提出救助申请（五(五)2(1)）',
      description:
        '只有在岗的入户核查员（花名册上有岗位）可代为申请；派驻镇(街道)的核查员只受理本镇(街道)的家庭。',
      tags: SA_TAGS,
      body: TakeCaseSchema,
      responses: {
        201: { description: '已受理', schema: SaViews.taken },
        200: { description: '同一申请已受理', schema: SaViews.taken },
      },
      problems: { 403: '不是在岗的入户核查员，或不是派驻的镇(街道)' },
      handler: async ({ body, user, res }) => {
        const officerCode = user.unitCode ?? '';
        const seat = await seatOf(ctx.db, officerCode);
        if (!seat)
          throw problems.forbidden('只有花名册上在岗的入户核查员可以代为提出救助申请（五(一)、五(五)2(1)）');
        if (seat.unitCode !== CIVIL && seat.unitCode !== body.household.townCode)
          throw problems.forbidden(`该核查员派驻 ${seat.unitCode}，只受理本镇(街道)的申请（五(一)）`);
        const caseId = householdCaseId({
          officerCode,
          takenOn: body.takenOn,
          applicant: body.household.applicant,
        });
        const created = await takeCase(deps, {
          caseId,
          household: body.household,
          officer: { code: officerCode, name: user.name },
          takenOn: body.takenOn,
          openedBy: user.username,
        });
        res.status(created ? 201 : 200).json({ caseId, created });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/cases',
      operationId: 'listSocialAssistanceCases',
      summary: '救助申请（按镇、环节、颜色筛选；核查员和镇只看到自己的）',
      tags: SA_TAGS,
      query: SaQuery.cases,
      responses: { 200: { description: '申请', schema: SaViews.cases } },
      handler: async ({ query, user, res }) => {
        const filter: Record<string, unknown> = { ...visibleTo(user) };
        if (query.townCode) filter['household.townCode'] = query.townCode;
        if (query.step) filter.step = query.step;
        if (query.colour) filter.colour = query.colour;
        const rows = await cases(ctx.db).find(filter).sort({ _id: 1 }).limit(500).toArray();
        res.json({ cases: rows.map(strip) });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/cases/:id',
      operationId: 'getSocialAssistanceCase',
      summary: '一件救助申请及其时间线',
      tags: SA_TAGS,
      params: IdParams,
      problems: { 404: '不存在（或不属于本单位）' },
      responses: { 200: { description: '申请', schema: SaViews.caseDetail } },
      handler: async ({ params, user, requestId, res }) => {
        const stored = await cases(ctx.db).findOne({ _id: params.id, ...visibleTo(user) });
        if (!stored) throw problems.notFound(`救助申请 ${params.id} 不存在`);
        const c = strip(stored);
        res.json({
          case: c,
          actions: caseActionsOpenTo(c, actorOf(user, requestId)).filter((a) =>
            isGranted(SocialAssistanceGrants[a], user),
          ),
          timeline: await timelineOf(ctx, params.id),
        });
      },
    }),
    ...(Object.keys(CaseActionBodies) as CaseActionName[]).map(actionRoute),
  ];
}
