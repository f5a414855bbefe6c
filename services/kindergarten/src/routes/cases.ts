// A bureau's cases and the actions on them: each action one Update to the workflow that owns the
// step; the answer is what the workflow answered.
import {
  CaseActionBodies,
  CaseActionNameSchema,
  KindergartenGrants,
  type CaseActionName,
  type CaseCommand,
} from '@duban/workflow-kindergarten/client';
import { z } from 'zod';
import { actorOf, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { caseSnapshot, sendCaseAction } from '../cases';
import { cases, timeline } from '../collections';
import { BureauCases, Case, CaseDetail, CaseIdParams, CasesQuery } from '../schemas';
import { KG_PROBLEMS, KG_TAGS } from './access';

const actionDocs: Record<CaseActionName, { summary: string; description: string }> = {
  'complete-step': {
    summary: '办结本单位的步骤',
    description:
      '责任单位办结本单位在当前阶段的一个步骤；不是本单位的、已办结的、前置步骤未办结的，409 说明原因。',
  },
  plan: {
    summary: '确定整改类别（一事一议、一园一案）',
    description: '教育局确定整改类别（四(二)）；违反三(一)、三(三)规则的类别 409 说明原因。',
  },
  operate: {
    summary: '确定办园方式',
    description: '教育局确定办成公办园或委托办成普惠性民办园（三(四)）；不得办成营利性幼儿园。',
  },
  'report-progress': {
    summary: '报送整改进展',
    description:
      '持有整改步骤的责任单位每月 25 日前（遇节假日顺延至下一工作日）报送进展；逾期未报，步骤与个案转为黄色（滞后），报送后恢复。',
  },
  'request-extension': {
    summary: '申请延期',
    description:
      '持有步骤的责任单位申请将本单位的步骤延至新期限；新期限须晚于现期限，同一时间只能有一项待审批的申请。',
  },
  'decide-extension': {
    summary: '审批延期申请',
    description:
      '督查室批准（可另定期限）或驳回待审批的延期申请；批准后原期限与新期限记入期限变更记录，计时按新期限。',
  },
};

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

export function caseRoutes(ctx: ProcessRouteContext): Route[] {
  const common = { tags: KG_TAGS, problems: KG_PROBLEMS };
  const actions = CaseActionNameSchema.options.map((action) =>
    defineRoute({
      ...common,
      method: 'post',
      path: `/cases/:id/actions/${action}`,
      operationId: `kgCase${pascal(action)}`,
      summary: actionDocs[action].summary,
      description: `${actionDocs[action].description}以 Temporal Update 发给个案的工作流；同一请求编号（x-request-id）重发只办理一次。`,
      // The workflow checks again, and which unit holds each step.
      access: KindergartenGrants[action],
      params: CaseIdParams,
      body: CaseActionBodies[action],
      emptyBodyIsObject: true,
      responses: { 200: { description: '操作后的个案', schema: Case } },
      problems: { ...KG_PROBLEMS, 503: '工作流引擎暂不可用', 504: '工作流未按时答复' },
      handler: async ({ params, body, user, requestId, res }) => {
        const command = { action, actor: actorOf(user, requestId), body } as CaseCommand;
        res.json(await sendCaseAction(ctx, params.id, command));
      },
    }),
  );
  // Any other action name (the retired `extend` among them): 404, before anything is sent.
  const unknownAction = defineRoute({
    method: 'post',
    path: '/cases/:id/actions/:action',
    operationId: 'unknownKgCaseAction',
    summary: '未知操作',
    hidden: true,
    tags: KG_TAGS,
    access: 'user',
    params: z.object({ id: z.string(), action: z.string() }),
    responses: {},
    handler: ({ params }) => {
      throw problems.notFound(`没有操作 ${params.action}`);
    },
  });

  return [
    // A bureau's inbox for this process: the open steps of its unit.
    defineRoute({
      ...common,
      method: 'get',
      path: '/cases',
      operationId: 'listKgCases',
      summary: '个案及本单位的待办步骤',
      access: 'user',
      query: CasesQuery,
      responses: { 200: { description: '个案', schema: BureauCases } },
      handler: async ({ query, user, res }) => {
        const unit = user.role === 'bureau' ? user.unitCode : (query.unit ?? null);
        const filter: Record<string, unknown> = {};
        if (query.campaignId) filter.campaignId = query.campaignId;
        const all = await cases(ctx.db).find(filter).sort({ _id: 1 }).toArray();
        const rows = all
          .map((c) => ({
            case: c,
            steps: c.steps.filter((s) => s.state === 'open' && (unit === null || s.unitCode === unit)),
          }))
          .filter((r) => unit === null || r.steps.length > 0);
        res.json({ unit, cases: rows });
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/cases/:id',
      operationId: 'getKgCase',
      summary: '个案详情与办理记录',
      access: 'user',
      params: CaseIdParams,
      responses: { 200: { description: '个案与时间线', schema: CaseDetail } },
      handler: async ({ params, res }) => {
        const live = await caseSnapshot(ctx, params.id);
        const stored = live ?? (await cases(ctx.db).findOne({ _id: params.id }));
        if (!stored) throw problems.notFound(`个案 ${params.id} 不存在`);
        const events = await timeline(ctx.db).find({ caseId: params.id }).sort({ version: 1 }).toArray();
        res.json({ case: stored, timeline: events });
      },
    }),
    ...actions,
    unknownAction,
  ];
}
