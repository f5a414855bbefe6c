import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  AssessmentActionBodies,
  AssessmentSnapshotSchema,
  OpenRectificationCampaignSchema,
  RectificationActionBodies,
  RectificationSnapshotSchema,
  SetAssessmentTargetsSchema,
} from '@duban/contracts';
import {
  AssessmentDetail,
  AssessmentListQuery,
  AssessmentListResponse,
  CampaignView,
  IdParams,
  OpenCampaignResponse,
  RectificationDetail,
  RectificationListQuery,
  RectificationListResponse,
  SetTargetsResponse,
  SuspensionView,
  TownParams,
  TownsResponse,
} from './schemas';

export interface CultivatedLandOpenApiOptions {
  /** Where the host mounts the router's /land paths (default `/api/land`). */
  basePath?: string;
  /** The host's problem schema, so both share one component. */
  problemSchema?: z.ZodType;
  security?: Record<string, string[]>[];
  tags?: string[];
}

const DefaultProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Registers the /api/land routes, described by the same zod schemas the router validates with. */
export function registerCultivatedLandOpenApi(
  registry: OpenAPIRegistry,
  options: CultivatedLandOpenApiOptions = {},
): void {
  const base = (options.basePath ?? '/api/land').replace(/\/+$/, '');
  const problemSchema = options.problemSchema ?? DefaultProblem;
  const common = {
    tags: options.tags ?? ['land'],
    security: options.security ?? [{ bearerAuth: [] }],
  } satisfies Partial<RouteConfig>;
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: problemSchema } },
  });
  const json = (description: string, schema: z.ZodType) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const body = (schema: z.ZodType) => ({
    body: { required: true, content: { 'application/json': { schema } } },
  });
  const actionParams = (names: string[]) =>
    z.object({ id: z.string(), action: z.enum(names as [string, ...string[]]) });

  registry.registerPath({
    ...common,
    method: 'post',
    path: `${base}/rectification-campaigns`,
    operationId: 'openLandRectificationCampaign',
    summary: '开启永久基本农田划定成果核实整改（每个镇(场)一个整改）',
    description:
      '自然资源局、督查室或管理员。每一步一个期限（核实、问题清单、整改补划方案、审查、“两区”调整、修改规划、验收），须晚于开始日期且按步骤先后不倒挂（二(二)）。默认各镇(场)。',
    request: body(OpenRectificationCampaignSchema),
    responses: {
      201: json('已开启，列出每个镇(场)的整改', OpenCampaignResponse),
      400: problem('参数不合法，errors 指出字段（如 body.deadlines.review）'),
      403: problem('无权开启'),
      409: problem('整改工作已存在'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/rectification-campaigns`,
    operationId: 'listLandRectificationCampaigns',
    summary: '整改工作列表',
    responses: { 200: json('全部整改工作', z.object({ campaigns: z.array(CampaignView) })) },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/rectification-campaigns/{id}`,
    operationId: 'getLandRectificationCampaign',
    summary: '一项整改工作及各镇(场)整改',
    request: { params: IdParams },
    responses: {
      200: json(
        '整改工作',
        z.object({ campaign: CampaignView, rectifications: z.array(RectificationSnapshotSchema) }),
      ),
      404: problem('不存在'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/rectifications`,
    operationId: 'listLandRectifications',
    summary: '各镇(场)整改（步骤、期限、预警颜色）',
    description: '责任单位只看到有本单位待办步骤的整改（镇(场)看到自己的整改）。',
    request: { query: RectificationListQuery },
    responses: { 200: json('整改列表', RectificationListResponse), 400: problem('查询参数不合法') },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/rectifications/{id}`,
    operationId: 'getLandRectification',
    summary: '一个镇(场)的整改及其时间线',
    request: { params: IdParams },
    responses: { 200: json('整改', RectificationDetail), 404: problem('不存在') },
  });
  registry.registerPath({
    ...common,
    method: 'post',
    path: `${base}/rectifications/{id}/actions/{action}`,
    operationId: 'actOnLandRectification',
    summary: '办理整改步骤',
    description: [
      'complete-step（核实 verify、“两区”调整 zones、修改规划 amend、验收 accept，各由本单位办理）',
      'list-problems（自然资源局：问题清单，类别 划定不实/违法占用/错划，地块与亩数）',
      'submit-plan（镇(场)：整改补划方案）',
      'review-plan（自然资源局：approve 通过或 return 退回并说明理由）',
      'request-extension（本步骤单位申请延期）',
      'decide-extension（督查室批准或不批准）',
    ].join('；'),
    request: {
      params: actionParams(Object.keys(RectificationActionBodies)),
      ...body(z.union(Object.values(RectificationActionBodies) as unknown as [z.ZodType, z.ZodType])),
    },
    responses: {
      200: json('办理后的整改', RectificationSnapshotSchema),
      400: problem('请求体不合法，errors 指出字段'),
      404: problem('整改或操作不存在'),
      409: problem('操作被拒绝，detail 说明理由（如“由小坝镇办理”）'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'post',
    path: `${base}/assessments`,
    operationId: 'setLandAssessmentTargets',
    summary: '下达年度耕地保护责任目标（各镇(场)或指定镇(场)）',
    description:
      '自然资源局、督查室或管理员。目标：耕地保有量、永久基本农田保护面积、高标准农田建设面积（亩），不低于即达标（三(十)）。',
    request: body(SetAssessmentTargetsSchema),
    responses: {
      201: json('已下达（每镇(场)一项考核）', SetTargetsResponse),
      200: json('均已下达过，未重复创建', SetTargetsResponse),
      400: problem('参数不合法'),
      403: problem('无权下达'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/assessments`,
    operationId: 'listLandAssessments',
    summary: '年度考核结果（表彰、批评、暂停、问责）',
    request: { query: AssessmentListQuery },
    responses: { 200: json('考核列表与统计', AssessmentListResponse), 400: problem('查询参数不合法') },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/assessments/{id}`,
    operationId: 'getLandAssessment',
    summary: '一个镇(场)的年度考核及其时间线',
    request: { params: IdParams },
    responses: { 200: json('考核', AssessmentDetail), 404: problem('不存在') },
  });
  registry.registerPath({
    ...common,
    method: 'post',
    path: `${base}/assessments/{id}/actions/{action}`,
    operationId: 'actOnLandAssessment',
    summary: '年度考核的办理',
    description: [
      'report（镇(场)：报告完成情况）',
      'assess（自然资源局会同农业农村局、统计局：未完成目标须给 rectificationDeadline，随即通报批评并暂停该镇土地管理业务）',
      'report-rectification（镇(场)：报告整改情况）',
      'verify-rectification（自然资源局：pass 通过则恢复业务，fail 退回整改）',
    ].join('；'),
    request: {
      params: actionParams(Object.keys(AssessmentActionBodies)),
      ...body(z.union(Object.values(AssessmentActionBodies) as unknown as [z.ZodType, z.ZodType])),
    },
    responses: {
      200: json('办理后的考核', AssessmentSnapshotSchema),
      400: problem('请求体不合法'),
      404: problem('考核或操作不存在'),
      409: problem('操作被拒绝，detail 说明理由'),
    },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/towns`,
    operationId: 'listLandTowns',
    summary: '各镇(场)：整改进度、考核结果、土地业务是否暂停',
    responses: { 200: json('各镇(场)', TownsResponse) },
  });
  registry.registerPath({
    ...common,
    method: 'get',
    path: `${base}/towns/{townCode}/suspension`,
    operationId: 'getLandTownSuspension',
    summary: '一个镇(场)的土地管理业务是否暂停（三(十)）',
    request: { params: TownParams },
    responses: { 200: json('暂停状态；暂停时 reason 写明考核', SuspensionView), 404: problem('不是镇(场)') },
  });
}
