// Rectification campaigns and the towns' rectifications (青政办发〔2019〕28号 二(二)).
import { z } from 'zod';
import {
  CL_DOC_NO,
  CultivatedLandGrants,
  OpenRectificationCampaignSchema,
  RectificationActionBodies,
  RectificationGrants,
  RectificationStepGrant,
  RectificationSnapshotSchema,
  rectificationIdOf,
  type RectificationActionName,
  type RectificationCampaign,
  type RectificationCommand,
} from '@duban/workflow-cultivated-land/client';
import { deadlineRefusals } from '@duban/workflow-cultivated-land';
import { defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { campaigns, isDuplicateKeyError, rectifications, timeline } from '../collections';
import {
  CampaignView,
  IdParams,
  OpenCampaignResponse,
  RectificationDetail,
  RectificationListQuery,
  RectificationListResponse,
} from '../schemas';
import { rectificationSnapshot, sendRectificationAction, startRectification } from '../temporal';
import { landTown, landTowns } from '../towns';
import { actionRoutes } from './actions';
import { CL_TAGS, engineProblems, strip, timelineView } from './views';
import { clock } from '@duban/contracts';

const ACTIONS: Record<RectificationActionName, string> = {
  'complete-step':
    '办结步骤：核实 verify、镇(场)整改补划 rectify、“两区”调整 zones、修改规划 amend（此前开始的整改还有验收 accept），各由本单位办理',
  'list-problems': '问题清单（自然资源局会同农业农村局）：类别 划定不实/违法占用/错划，地块与亩数',
  'submit-plan':
    '以镇行政区划为单元编制整改补划方案（自然资源局会同农业农村局，二(二)；此前开始的整改由镇(场)报送）',
  'review-plan':
    '审查整改补划方案（仅此前开始的整改：二(二) 无此步骤）：approve 通过或 return 退回并说明理由',
  'request-extension': '申请延期（本步骤的单位）',
  'decide-extension': '审批延期（督查室批准或不批准）',
};

export function rectificationRoutes(ctx: ProcessRouteContext): Route[] {
  const tags = CL_TAGS;
  return [
    // 自然资源局 (or the supervision office) opens a round for the towns, one deadline per step
    // (the document gives none: 二(二)).
    defineRoute({
      access: CultivatedLandGrants['open-rectification-campaign'],
      method: 'post',
      path: '/land/rectification-campaigns',
      operationId: 'openLandRectificationCampaign',
      summary: '开启永久基本农田划定成果核实整改（每个镇(场)一个整改）',
      description:
        '按二(二)的步骤每步一个期限：核实 verify、问题清单 problems、编制整改补划方案 plan（自然资源局会同农业农村局）、' +
        '镇(场)整改补划 rectify、“两区”调整 zones、修改土地利用总体规划 amend；须晚于开始日期且按步骤先后不倒挂。默认各镇(场)。',
      tags,
      body: OpenRectificationCampaignSchema,
      emptyBodyIsObject: true,
      responses: { 201: { description: '已开启，列出每个镇(场)的整改', schema: OpenCampaignResponse } },
      problems: { 409: '整改工作已存在' },
      handler: async ({ body, user, res }) => {
        const { campaignId, startDate, deadlines } = body;
        const refusals = deadlineRefusals(startDate, deadlines);
        if (refusals.length) throw problems.invalid(refusals);
        const townCodes = body.townCodes ?? landTowns().map((t) => t.code);
        const unknown = townCodes.filter((c) => !landTown(c));
        if (unknown.length) {
          throw problems.invalid([{ field: 'body.townCodes', message: `不是镇(场)：${unknown.join('、')}` }]);
        }
        const campaign: RectificationCampaign = {
          campaignId,
          title: body.title ?? `永久基本农田划定成果核实整改（${startDate.slice(0, 4)}）`,
          docNo: CL_DOC_NO,
          startDate,
          deadlines,
          townCodes,
        };
        try {
          await campaigns(ctx.db).insertOne({
            _id: campaignId,
            ...campaign,
            createdAt: clock.now(),
            createdBy: user.username,
          });
        } catch (error) {
          if (isDuplicateKeyError(error)) throw problems.conflict(`整改工作 ${campaignId} 已存在`);
          throw error;
        }
        const started = [];
        for (const townCode of townCodes) {
          const rectificationId = rectificationIdOf(campaignId, townCode);
          const created = await startRectification(ctx, {
            rectificationId,
            campaignId,
            townCode,
            townName: landTown(townCode)!.shortName,
            deadlines,
          });
          started.push({ rectificationId, townCode, created });
        }
        res.status(201).json({ campaign, rectifications: started });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/rectification-campaigns',
      operationId: 'listLandRectificationCampaigns',
      summary: '整改工作列表',
      tags,
      access: 'user',
      responses: {
        200: { description: '全部整改工作', schema: z.object({ campaigns: z.array(CampaignView) }) },
      },
      handler: async ({ res }) => {
        const all = await campaigns(ctx.db).find({}).sort({ startDate: 1 }).toArray();
        res.json({ campaigns: all.map(({ _id, ...c }) => ({ ...c, createdAt: c.createdAt.toISOString() })) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/rectification-campaigns/:id',
      operationId: 'getLandRectificationCampaign',
      summary: '一项整改工作及各镇(场)整改',
      tags,
      access: 'user',
      params: IdParams,
      responses: {
        200: {
          description: '整改工作',
          schema: z.object({ campaign: CampaignView, rectifications: z.array(RectificationSnapshotSchema) }),
        },
      },
      problems: { 404: '不存在' },
      handler: async ({ params, res }) => {
        const c = await campaigns(ctx.db).findOne({ _id: params.id });
        if (!c) throw problems.notFound(`整改工作 ${params.id} 不存在`);
        const { _id, ...campaign } = c;
        const towns = await rectifications(ctx.db)
          .find({ campaignId: c.campaignId })
          .sort({ townCode: 1 })
          .toArray();
        res.json({
          campaign: { ...campaign, createdAt: c.createdAt.toISOString() },
          rectifications: towns.map(strip),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/rectifications',
      operationId: 'listLandRectifications',
      summary: '各镇(场)整改（步骤、期限、预警颜色）',
      description: '责任单位只看到有本单位待办步骤的整改（镇(场)看到自己的整改）。',
      tags,
      access: 'user',
      query: RectificationListQuery,
      responses: { 200: { description: '整改列表', schema: RectificationListResponse } },
      handler: async ({ query, user, res }) => {
        const unit = user.role === 'bureau' ? user.unitCode : (query.unit ?? null);
        const filter: Record<string, unknown> = {};
        if (query.campaignId) filter.campaignId = query.campaignId;
        if (query.townCode) filter.townCode = query.townCode;
        if (query.colour) filter.colour = query.colour;
        const all = await rectifications(ctx.db).find(filter).sort({ _id: 1 }).toArray();
        const mine = all.filter(
          (r) =>
            unit === null ||
            r.townCode === unit ||
            r.steps.some((s) => s.state === 'open' && (s.unitCode === unit || s.withUnits.includes(unit))),
        );
        res.json({ unit, rectifications: mine.map(strip) });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/land/rectifications/:id',
      operationId: 'getLandRectification',
      summary: '一个镇(场)的整改及其时间线',
      tags,
      access: 'user',
      params: IdParams,
      responses: { 200: { description: '整改', schema: RectificationDetail } },
      problems: { 404: '不存在' },
      handler: async ({ params, res }) => {
        const id = params.id;
        const r =
          (await rectificationSnapshot(ctx, id)) ?? (await rectifications(ctx.db).findOne({ _id: id }));
        if (!r) throw problems.notFound(`整改 ${id} 不存在`);
        const events = await timeline(ctx.db).find({ itemId: id }).sort({ version: 1 }).toArray();
        res.json({ rectification: strip(r), timeline: events.map(timelineView) });
      },
    }),
    ...actionRoutes({
      path: '/land/rectifications/:id/actions',
      operationId: 'landRectification',
      what: '整改',
      summaries: ACTIONS,
      grants: RectificationGrants,
      bodies: RectificationActionBodies,
      shared: {
        grant: RectificationStepGrant,
        operationId: 'actOnLandRectification',
        summary: '办理整改步骤',
      },
      response: { description: '办理后的整改', schema: RectificationSnapshotSchema },
      problems: {
        404: '整改或操作不存在',
        409: '操作被拒绝，detail 说明理由（如“由小坝镇办理”）',
        ...engineProblems,
      },
      act: async (id, command) => sendRectificationAction(ctx, id, command as RectificationCommand),
    }),
  ];
}
