// 违法占地案件 (青政办发〔2019〕28号 二(七)): opened by 自然资源局, each step one Update to the
// case's workflow; 督查室 alone extends the handling deadline.
import { z } from 'zod';
import {
  LandCaseActionBodies,
  LandCaseActionNameSchema,
  LandUseGrants,
  OpenLandCaseSchema,
  type LandCaseCommand,
} from '@duban/workflow-land-use/client';
import { civilDateOf } from '@duban/calendar';
import { actorOf, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { cases, timeline } from '../collections';
import { LandQuerySchemas, LandViews } from '../schemas';
import { landCasePolicy } from '../policy';
import { liveCase, sendCaseAction, startLandCase } from '../temporal';
import { townName } from '../towns';
import { checkTown, LU_TAGS, readers } from './common';

const ACTIONS_SUMMARY =
  '办理案件：investigate {note}、decide {decision}、rectify {note}、close {note?}、transfer {to: discipline|judiciary, reason}、expose {channel, summary}（重大典型案件作出处罚决定后曝光，结案前须曝光，二(七)）（自然资源局）';
const caseProblems = {
  404: '案件或操作不存在',
  409: '步骤顺序不对、已结案、已移交等',
  503: '工作流引擎暂不可用',
  504: '工作流未按时答复',
};

export function caseRoutes(ctx: ProcessRouteContext): Route[] {
  const withTown = <T extends { facts: { townCode: string } }>(c: T) => ({
    ...c,
    townName: townName(c.facts.townCode),
  });
  const bodies = { ...LandCaseActionBodies } as Record<string, z.ZodType>;
  const { extend, ...natresBodies } = bodies;
  const act = async (caseId: string, command: LandCaseCommand) => sendCaseAction(ctx, caseId, command);
  const IdParams = z.object({ id: z.string() });

  return [
    defineRoute({
      access: LandUseGrants['open-case'],
      method: 'post',
      path: '/land/cases',
      operationId: 'openLandCase',
      summary: '违法占地案件立案（动态巡查或举报）；重大典型案件挂牌督办',
      description:
        '办理期限自发现之日起，未写 handlingDays 时取政策参数 land.case-handling-days（默认 60 日，本系统设定，见 GET /api/policy）。永久基本农田不论面积、耕地达到政策参数 land.major-case-cultivated-mu（默认 10 亩）的为重大典型案件，须在处罚决定后曝光方能结案（二(七)）；临期预警天数取 alerts.warning-window-days。新值只用于之后立案的案件。',
      tags: LU_TAGS,
      body: OpenLandCaseSchema,
      emptyBodyIsObject: true,
      responses: {
        201: { description: '已立案', schema: LandViews.caseStarted },
        200: { description: '同一地块同日已立案', schema: LandViews.caseStarted },
      },
      handler: async ({ body, res }) => {
        checkTown(body.townCode);
        if (body.foundOn > civilDateOf(ctx.now())) {
          throw problems.invalid([{ field: 'body.foundOn', message: `${body.foundOn} is after today` }]);
        }
        const { handlingDays, ...facts } = body;
        // 政策参数: a case opened now takes the current settings; running cases keep theirs.
        const started = await startLandCase(ctx, facts, await landCasePolicy(ctx.db, handlingDays));
        res.status(started.created ? 201 : 200).json(started);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/cases',
      operationId: 'listLandCases',
      summary: '违法占地案件（按镇、颜色、是否挂牌督办、是否办结筛选）',
      tags: LU_TAGS,
      query: LandQuerySchemas.cases,
      responses: { 200: { description: '案件', schema: LandViews.cases } },
      handler: async ({ query, res }) => {
        const filter: Record<string, unknown> = {};
        if (query.townCode) filter['facts.townCode'] = query.townCode;
        if (query.colour) filter.colour = query.colour;
        if (query.major !== undefined) filter.major = query.major === 'true';
        if (query.open === 'true') filter.step = { $ne: 'closed' };
        if (query.open === 'false') filter.step = 'closed';
        const rows = await cases(ctx.db).find(filter).sort({ _id: 1 }).limit(500).toArray();
        res.json({ cases: rows.map(withTown) });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/cases/:id',
      operationId: 'getLandCase',
      summary: '一件违法占地案件及其时间线',
      tags: LU_TAGS,
      params: IdParams,
      responses: { 200: { description: '案件', schema: LandViews.caseDetail } },
      problems: { 404: '不存在' },
      handler: async ({ params, res }) => {
        const stored = (await liveCase(ctx, params.id)) ?? (await cases(ctx.db).findOne({ _id: params.id }));
        if (!stored) throw problems.notFound(`违法占地案件 ${params.id} 不存在`);
        const events = await timeline(ctx.db).find({ thingId: params.id }).sort({ version: 1 }).toArray();
        res.json({ case: withTown(stored), timeline: events });
      },
    }),
    // 督查室 alone extends; matched before the general action path below.
    defineRoute({
      method: 'post',
      path: '/land/cases/:id/actions/extend',
      operationId: 'extendLandCase',
      summary: '延长案件办理期限 {newDeadline, reason}（督查室）',
      tags: LU_TAGS,
      access: LandUseGrants.extend,
      params: IdParams,
      body: extend!,
      emptyBodyIsObject: true,
      responses: { 200: { description: '案件', schema: LandViews.case } },
      problems: caseProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        const command = { action: 'extend', actor: actorOf(user, requestId), body } as LandCaseCommand;
        res.json(await act(params.id, command));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/land/cases/:id/actions/:action',
      operationId: 'landCaseAction',
      summary: ACTIONS_SUMMARY,
      tags: LU_TAGS,
      access: LandUseGrants['case-step'],
      params: z.object({ id: z.string(), action: z.string() }),
      bodyByParam: { param: 'action', schemas: natresBodies },
      emptyBodyIsObject: true,
      responses: { 200: { description: '案件', schema: LandViews.case } },
      problems: caseProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        const action = LandCaseActionNameSchema.parse(params.action);
        const command = { action, actor: actorOf(user, requestId), body: body as unknown } as LandCaseCommand;
        res.json(await act(params.id, command));
      },
    }),
  ];
}
