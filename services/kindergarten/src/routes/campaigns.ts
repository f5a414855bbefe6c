// 教育局 opens a round of the rectification and keeps its ledger (台账, 四(一)).
import { categoryRefusal, newCampaign } from '@duban/workflow-kindergarten';
import { defineRoute, HttpProblem, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { policyDate } from '@duban/policy/store';
import { startCase } from '../cases';
import { campaigns, cases, isDuplicateKey } from '../collections';
import { campaignOverview } from '../overview';
import {
  Campaign,
  CampaignIdParams,
  CampaignOverview,
  CampaignsList,
  LedgerRow,
  OpenCampaignBody,
  StartedCase,
} from '../schemas';
import { KindergartenGrants } from '@duban/workflow-kindergarten/client';
import { KG_PROBLEMS, KG_TAGS } from './access';
import { ledgerRoutes } from './ledger';
import { clock } from '@duban/contracts';

export function campaignRoutes(ctx: ProcessRouteContext): Route[] {
  const loadCampaign = async (id: string) => {
    const campaign = await campaigns(ctx.db).findOne({ _id: id });
    if (!campaign) throw problems.notFound(`治理工作 ${id} 不存在`);
    return campaign;
  };
  const common = { tags: KG_TAGS, problems: KG_PROBLEMS };

  return [
    defineRoute({
      ...common,
      method: 'post',
      path: '/campaigns',
      operationId: 'openKgCampaign',
      summary: '开启一轮配套幼儿园治理工作',
      description: '教育局或督查室开启；各项期限与青政办发〔2019〕31号保持相同的月末间隔。',
      access: KindergartenGrants['open-campaign'],
      body: OpenCampaignBody,
      responses: { 201: { description: '新的治理工作', schema: Campaign } },
      problems: { ...KG_PROBLEMS, 409: '治理工作已存在' },
      handler: async ({ body, res }) => {
        const campaign = newCampaign(body.campaignId, body.startDate, body.title);
        try {
          await campaigns(ctx.db).insertOne({
            _id: campaign.campaignId,
            ...campaign,
            createdAt: clock.now(),
          });
        } catch (error) {
          if (isDuplicateKey(error)) throw problems.conflict(`治理工作 ${campaign.campaignId} 已存在`);
          throw error;
        }
        res.status(201).json(campaign);
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/campaigns',
      operationId: 'listKgCampaigns',
      summary: '治理工作列表',
      access: 'user',
      responses: { 200: { description: '全部治理工作', schema: CampaignsList } },
      handler: async ({ res }) => {
        res.json({ campaigns: await campaigns(ctx.db).find({}).sort({ startDate: 1 }).toArray() });
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/campaigns/:id',
      operationId: 'getKgCampaign',
      summary: '一轮治理工作及其期限',
      access: 'user',
      params: CampaignIdParams,
      responses: { 200: { description: '治理工作', schema: Campaign } },
      handler: async ({ params, res }) => {
        res.json(await loadCampaign(params.id));
      },
    }),
    // One case through the API (a ledger row as JSON).
    defineRoute({
      ...common,
      method: 'post',
      path: '/campaigns/:id/cases',
      operationId: 'createKgCase',
      summary: '台账登记一所幼儿园（一园一案）',
      description: '教育局以一行台账登记个案；同一小区项目再次登记返回已有个案（200）。',
      access: KindergartenGrants['register-case'],
      params: CampaignIdParams,
      body: LedgerRow,
      responses: {
        201: { description: '新个案', schema: StartedCase },
        200: { description: '已有个案', schema: StartedCase },
      },
      handler: async ({ params, body, res }) => {
        const campaign = await loadCampaign(params.id);
        const boundary = await policyDate(ctx.db, 'kindergarten.guofa-2010-41-date');
        const refusal = categoryRefusal(body, body.proposedCategory, 'gazette', boundary);
        if (refusal) {
          throw new HttpProblem(400, refusal, {
            errors: [{ field: 'body.proposedCategory', message: refusal }],
          });
        }
        const started = await startCase(ctx, campaign, body);
        res.status(started.created ? 201 : 200).json(started);
      },
    }),
    ...ledgerRoutes(ctx, loadCampaign),
    defineRoute({
      ...common,
      method: 'get',
      path: '/campaigns/:id/overview',
      operationId: 'getKgOverview',
      summary: '治理工作总览（领导小组）',
      description: '按类别、阶段、预警颜色、责任单位统计，列出有风险（红、黄、蓝）的个案与各项暂停事项。',
      access: 'user',
      params: CampaignIdParams,
      responses: { 200: { description: '总览', schema: CampaignOverview } },
      handler: async ({ params, res }) => {
        const campaign = await loadCampaign(params.id);
        const all = await cases(ctx.db).find({ campaignId: campaign.campaignId }).toArray();
        res.json(campaignOverview(campaign, all));
      },
    }),
  ];
}
