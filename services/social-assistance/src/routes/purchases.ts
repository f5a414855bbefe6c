// 购买社会救助服务 (青政办发〔2019〕39号): 民政局 opens the year's purchase; each later step is one route
// per action, guarded by its grant, sent to the purchase's workflow as an Update.
import { z } from 'zod';
import {
  PurchaseActionBodies,
  SocialAssistanceGrants,
  purchaseActionsOpenTo,
  type PurchaseActionName,
} from '@duban/workflow-social-assistance/client';
import { ALL_ROLES, isGranted } from '@duban/contracts';
import { actorOf, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { purchases, timeline } from '../collections';
import { SaBodies, SaViews } from '../schemas';
import { openPurchase, sendPurchaseAction } from '../temporal';

export const SA_TAGS = ['social-assistance'];
export const readers = { access: { roles: ALL_ROLES } } as const;
export const IdParams = z.object({ id: z.string().max(200) });
const actionProblems = {
  404: '购买项目不存在',
  409: '环节不对、单位不符、或不符合六、七(三)（理由写明条款和数字）',
  503: '工作流引擎暂不可用',
  504: '工作流未按时答复',
};

const SUMMARIES: Record<PurchaseActionName, string> = {
  apply: '提出购买社会救助服务方案，报市政府同意（六(一)）（民政局）',
  procure: '履行政府采购程序确定承接主体（六(二)）（民政局）',
  contract: '签订购买服务合同（六(三)）（民政局）',
  pay: '拨付一笔经费：50%、40%、剩余部分（六(四)）（财政局）',
  dispatch: '入户核查员招聘、培训和派遣到岗（六(五)）（承接主体）',
  staff: '岗位缺额或递补（五(四)、五(六)）（承接主体）',
  evaluate: '半年综合评估：合格放行下一笔拨付，不合格暂停并整改（七(三)）（民政局）',
  rectify: '评估不合格后的整改（七(三)、五(六)）（承接主体）',
};

const strip = <T extends { _id: unknown; updatedAt: unknown }>({ _id: _k, updatedAt: _u, ...rest }: T) =>
  rest;

export async function timelineOf(ctx: ProcessRouteContext, itemId: string) {
  const rows = await timeline(ctx.db).find({ itemId }).sort({ version: 1 }).toArray();
  return rows.map((e) => ({ fact: e.fact, summary: e.summary, at: e.at.toISOString(), version: e.version }));
}

export function purchaseRoutes(ctx: ProcessRouteContext): Route[] {
  const deps = { temporal: ctx.temporal, db: ctx.db, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
  const actionRoute = (action: PurchaseActionName): Route =>
    defineRoute({
      method: 'post',
      path: `/social-assistance/purchases/:id/actions/${action}`,
      operationId: `socialAssistancePurchase_${action}`,
      summary: SUMMARIES[action],
      tags: SA_TAGS,
      access: SocialAssistanceGrants[action],
      params: IdParams,
      body: PurchaseActionBodies[action],
      responses: { 200: { description: '购买项目', schema: SaViews.purchase } },
      problems: actionProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        const command = { action, actor: actorOf(user, requestId), body: body as Record<string, unknown> };
        res.json(await sendPurchaseAction(ctx, params.id, command));
      },
    });
  return [
    defineRoute({
      access: SocialAssistanceGrants.open,
      method: 'post',
      path: '/social-assistance/purchases',
      operationId: 'openSocialAssistancePurchase',
      summary: '建立年度购买社会救助服务项目（2019年按公报六的进度）',
      description:
        '进度用“2019年4月下旬”这样的旬写法（上旬10日、中旬20日、下旬月末）；最低工资标准、评估和整改期限取政策参数 social-assistance.*。',
      tags: SA_TAGS,
      body: SaBodies.open,
      responses: {
        201: { description: '已建立', schema: SaViews.opened },
        200: { description: '该年度项目已存在', schema: SaViews.opened },
      },
      handler: async ({ body, user, res }) => {
        const opened = await openPurchase(deps, body.year, body.plan, user.username);
        res.status(opened.created ? 201 : 200).json(opened);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/purchases',
      operationId: 'listSocialAssistancePurchases',
      summary: '购买社会救助服务项目（进度、拨付、评估、花名册）',
      tags: SA_TAGS,
      responses: { 200: { description: '项目', schema: SaViews.purchases } },
      handler: async ({ res }) => {
        const rows = await purchases(ctx.db).find({}).sort({ _id: 1 }).limit(100).toArray();
        res.json({ purchases: rows.map(strip) });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/purchases/:id',
      operationId: 'getSocialAssistancePurchase',
      summary: '一个购买项目及其时间线，和当前用户可办理的环节',
      tags: SA_TAGS,
      params: IdParams,
      problems: { 404: '不存在' },
      responses: { 200: { description: '项目', schema: SaViews.purchaseDetail } },
      handler: async ({ params, user, requestId, res }) => {
        const stored = await purchases(ctx.db).findOne({ _id: params.id });
        if (!stored) throw problems.notFound(`购买项目 ${params.id} 不存在`);
        const p = strip(stored);
        res.json({
          purchase: p,
          actions: purchaseActionsOpenTo(p, actorOf(user, requestId)).filter((a) =>
            isGranted(SocialAssistanceGrants[a], user),
          ),
          timeline: await timelineOf(ctx, params.id),
        });
      },
    }),
    ...(Object.keys(PurchaseActionBodies) as PurchaseActionName[]).map(actionRoute),
  ];
}
