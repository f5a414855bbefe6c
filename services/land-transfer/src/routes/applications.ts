// 土地流转 (青政发〔2019〕34号): an operator files an application; each later step is one route
// per action, guarded by its grant, sent to the application's workflow as an Update.
import { z } from 'zod';
import {
  FileApplicationSchema,
  actionsOpenTo,
  LandTransferGrants,
  TransferActionBodies,
  areaOf,
  capRefusal,
  landTransferApplicationId,
  OPERATOR_CAP_MU,
  termRefusal,
  tierOf,
  type ApplicationSnapshot,
  type TransferActionName,
  type TransferCommand,
} from '@duban/workflow-land-transfer/client';
import { ALL_ROLES, isGranted } from '@duban/contracts';
import { actorOf, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { releaseArea, reserveArea } from '../area-ledger';
import { applications, timeline, type ApplicationDoc } from '../collections';
import { LtQuery, LtViews } from '../schemas';
import { liveApplication, sendTransferAction, startApplication } from '../temporal';
import { canSee, visibleTo } from './visibility';

const withoutKeys = ({ _id: _key, updatedAt: _at, ...app }: ApplicationDoc): ApplicationSnapshot => app;

export const LT_TAGS = ['land-transfer'];
const readers = { access: { roles: ALL_ROLES, outside: true } } as const;
const IdParams = z.object({ id: z.string().max(200) });
const actionProblems = {
  404: '申请不存在',
  409: '环节不对、单位不符、或不符合第二十–四十九条（理由写明条款和数字）',
  503: '工作流引擎暂不可用',
  504: '工作流未按时答复',
};

const ACTION_SUMMARIES: Record<TransferActionName, string> = {
  meeting: '村民小组会议表决（80%以上成员通过，第三十五条(二)）（村委会）',
  'town-review': '镇政府先行审查（500亩以上，第三十八条）',
  decide: '审查决定 实施/不实施（第二十五–三十条；村、镇或市级审查小组，按面积分级）',
  contract: '签订流转合同一式四份（第二十条）（村委会）',
  file: '备案（村级决定报镇，镇级、市级报市农经站）',
  settle: '交清当年租金和风险保障金或其替代方式（第四十三–四十八条）',
  report: '经营主体半年情况报告（第三十二条）',
  supervise: '年度监督检查（第三十九条）',
  'risk-event': '发生第四十九条情形：风险立案并启用风险保障金',
  'close-risk': '风险处置办结',
  refund: '合同期满无违约，退还风险保障金（第四十三条）',
};

export function applicationRoutes(ctx: ProcessRouteContext): Route[] {
  const deps = { temporal: ctx.temporal, db: ctx.db, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
  const visible = async (id: string, user: Parameters<typeof visibleTo>[0]) =>
    applications(ctx.db).findOne({ _id: id, ...visibleTo(user) });

  const actionRoute = (action: TransferActionName): Route =>
    defineRoute({
      method: 'post',
      path: `/land-transfer/applications/:id/actions/${action}`,
      operationId: `landTransfer_${action.replace('-', '_')}`,
      summary: ACTION_SUMMARIES[action],
      tags: LT_TAGS,
      access: LandTransferGrants[action],
      params: IdParams,
      body: TransferActionBodies[action],
      responses: { 200: { description: '申请', schema: LtViews.application } },
      problems: actionProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        const command: TransferCommand = {
          action,
          actor: actorOf(user, requestId),
          body: body as Record<string, unknown>,
        };
        const implementing = (body as { decision?: string }).decision === 'implement';
        if ((action === 'decide' || action === 'town-review') && implementing) {
          // 第二十三条 again at the decision: the operator's area in its other applications now, from
          // the ledger (held since the filing; reserved here for one filed before the ledger).
          const stored = await applications(ctx.db).findOne({ _id: params.id });
          if (stored) {
            const held = await reserveArea(ctx.db, stored.application.operatorCode, params.id, stored.areaMu);
            command.context = { operatorOtherMu: held.otherMu };
          }
        }
        res.json(await sendTransferAction(ctx, params.id, command));
      },
    });

  return [
    defineRoute({
      access: LandTransferGrants.apply,
      method: 'post',
      path: '/land-transfer/applications',
      operationId: 'fileLandTransferApplication',
      summary: '经营主体向村委会提出土地流转申请（第三十五条(一)）',
      description:
        '面积为各地块之和，按第三十六–三十八条分级（恰为100亩由镇级、恰为500亩由市级审查，政策参数 land-transfer.tier-boundary）。租赁期限不得超过2028年12月31日（第二十二条）；同一经营主体租赁面积（含在办）不得超过5000亩（第二十三条）。不符合的答 409，写明条款和数字，不建立申请。',
      tags: LT_TAGS,
      body: FileApplicationSchema,
      responses: {
        201: { description: '已受理', schema: LtViews.started },
        200: { description: '同一经营主体同日在同村已申请', schema: LtViews.started },
      },
      problems: { 409: '不符合第二十二条或第二十三条' },
      handler: async ({ body, user, res }) => {
        const unit = user.unitCode ?? '';
        if (unit !== body.operatorCode && unit !== body.villageCode)
          throw problems.forbidden('流转申请由经营主体本人提出，或由所在村村委会代为登记（第三十五条(一)）');
        const areaMu = areaOf(body.parcels);
        const term = termRefusal(body.termStart, body.termEnd);
        if (term)
          throw problems.conflict(term, {
            article: '第二十二条',
            termEnd: body.termEnd,
            latest: '2028-12-31',
          });
        // 第二十三条: reserved in the operator's area ledger before anything starts, so two filings
        // at once cannot both pass the cap; a retried filing finds its reservation.
        const applicationId = landTransferApplicationId(body);
        const held = await reserveArea(ctx.db, body.operatorCode, applicationId, areaMu);
        const currentMu = held.otherMu;
        const cap = capRefusal(currentMu, areaMu);
        if (!held.reserved || cap)
          throw problems.conflict(cap ?? '第二十三条：超过经营主体租赁面积上限', {
            article: '第二十三条',
            currentMu,
            areaMu,
            resultingMu: Math.round((currentMu + areaMu) * 100) / 100,
            capMu: OPERATOR_CAP_MU,
          });
        let started: Awaited<ReturnType<typeof startApplication>>;
        try {
          started = await startApplication(deps, body, currentMu, user.username);
        } catch (error) {
          if (held.fresh) await releaseArea(ctx.db, body.operatorCode, applicationId);
          throw error;
        }
        // Filed before and since closed (a new reservation for an ended application): give it back.
        if (!started.created && held.fresh) await releaseArea(ctx.db, body.operatorCode, applicationId);
        res.status(started.created ? 201 : 200).json({ ...started, tier: tierOf(areaMu), areaMu });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land-transfer/applications',
      operationId: 'listLandTransferApplications',
      summary: '土地流转申请（按环节、层级、颜色、经营主体筛选；经营主体只看到自己的）',
      tags: LT_TAGS,
      query: LtQuery.applications,
      responses: { 200: { description: '申请', schema: LtViews.applications } },
      handler: async ({ query, user, res }) => {
        const filter: Record<string, unknown> = { ...visibleTo(user) };
        if (query.stage) filter.stage = query.stage;
        if (query.tier) filter.tier = query.tier;
        if (query.colour) filter.colour = query.colour;
        if (query.operatorCode) filter['application.operatorCode'] = query.operatorCode;
        const rows = await applications(ctx.db).find(filter).sort({ _id: 1 }).limit(500).toArray();
        res.json({ applications: rows.map(({ _id: _key, updatedAt: _at, ...a }) => a) });
      },
    }),
    defineRoute({
      path: '/land-transfer/applications/:id',
      summary: '一件土地流转申请及其时间线',
      method: 'get',
      ...readers,
      params: IdParams,
      problems: { 404: '不存在（或不属于本单位）' },
      operationId: 'getLandTransferApplication',
      responses: { 200: { description: '申请', schema: LtViews.detail } },
      tags: LT_TAGS,
      handler: async ({ params, user, requestId, res }) => {
        const stored = await visible(params.id, user);
        // Just filed, before the read model has it: the live workflow answers its own parties.
        const running = await liveApplication(ctx, params.id);
        const fromStore = stored ? withoutKeys(stored) : null;
        const live = running && (stored || canSee(user, running)) ? running : fromStore;
        if (!live) throw problems.notFound(`土地流转申请 ${params.id} 不存在`);
        const events = await timeline(ctx.db)
          .find({ applicationId: params.id })
          .sort({ version: 1 })
          .toArray();
        res.json({
          application: live,
          actions: actionsOpenTo(live, actorOf(user, requestId)).filter((action) =>
            isGranted(LandTransferGrants[action], user),
          ),
          timeline: events.map((e) => ({
            fact: e.fact,
            summary: e.summary,
            at: e.at.toISOString(),
            version: e.version,
          })),
        });
      },
    }),
    ...(Object.keys(TransferActionBodies) as TransferActionName[]).map(actionRoute),
  ];
}
