import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  AcceptCompensationSchema,
  ConfirmReclamationSchema,
  LandCaseActionNameSchema,
  OpenLandCaseSchema,
  RequestOccupationSchema,
} from '@duban/contracts';
import { LandQuerySchemas, LandViews } from './schemas';

export interface LandUseOpenApiOptions {
  /** Where the host mounts createLandUseRouter (default `/api`; paths start with /land). */
  basePath?: string;
  /** The host's problem schema, so both share one component. */
  problemSchema?: z.ZodType;
  security?: Record<string, string[]>[];
  tags?: string[];
}

const DefaultProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
});

/** Registers the land-use API, described by the same zod schemas the router validates with. */
export function registerLandUseOpenApi(registry: OpenAPIRegistry, options: LandUseOpenApiOptions = {}): void {
  const base = (options.basePath ?? '/api').replace(/\/+$/, '');
  const problem = options.problemSchema ?? DefaultProblem;
  const common = {
    tags: options.tags ?? ['land-use'],
    security: options.security ?? [{ bearerAuth: [] }],
  } satisfies Partial<RouteConfig>;
  const json = (description: string, schema: z.ZodType) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const problems = (entries: Record<number, string>) =>
    Object.fromEntries(
      Object.entries({ 401: '未登录或登录已失效', 403: '角色或单位无权执行', ...entries }).map(
        ([status, description]) => [
          status,
          { description, content: { 'application/problem+json': { schema: problem } } },
        ],
      ),
    );
  const body = (schema: z.ZodType) => ({
    body: { required: true, content: { 'application/json': { schema } } },
  });
  const id = z.object({ id: z.string() });
  const path = (p: string, config: Omit<RouteConfig, 'path' | 'tags' | 'security'>) =>
    registry.registerPath({ ...common, ...config, path: `${base}${p}` } as RouteConfig);

  path('/land/ledger', {
    method: 'get',
    operationId: 'getLandLedger',
    summary: '耕地占补平衡台账：全市及各镇结余、补充耕地地块（剩余面积）、排队的用地申请、待复垦的临时用地',
    description:
      '角色：自然资源局、督查室、领导、管理员。面积单位亩（两位小数），质量等别 1（最优）… 15（最差）。',
    responses: { 200: json('台账', LandViews.ledger), ...problems({}) },
  });
  path('/land/ledger/compensations', {
    method: 'post',
    operationId: 'acceptCompensation',
    summary: '补充耕地验收入库（先补后占）；排队的申请按重点项目优先依次获批',
    request: body(AcceptCompensationSchema),
    responses: {
      201: json('已入库', LandViews.compensationAccepted),
      ...problems({ 400: '参数不合法（errors 列出每个字段）', 409: '地块已入库、验收日期晚于今天等' }),
    },
  });
  path('/land/occupations', {
    method: 'post',
    operationId: 'requestOccupation',
    summary: '建设占用耕地申请：占一补一、先补后占、占优补优；临时用地不核销指标，复垦期限两年',
    description:
      '201 批准（consumed 列出核销的补充耕地地块）；202 排队（waitIfShort，重点项目优先）；409 不予批准（rule、shortfallMu 说明哪条规则差多少亩）或该镇因年度考核未通过暂停办理（assessmentId）。',
    request: body(RequestOccupationSchema),
    responses: {
      201: json('已批准', LandViews.occupationDecided),
      202: json('补充耕地不足，排队等待', LandViews.occupationDecided),
      ...problems({ 400: '参数不合法（errors 列出每个字段）', 409: '不予批准，或该镇土地管理业务暂停' }),
    },
  });
  path('/land/occupations', {
    method: 'get',
    operationId: 'listOccupations',
    summary: '用地申请（批准、不予批准、排队、已复垦）',
    request: { query: LandQuerySchemas.occupations },
    responses: { 200: json('用地申请', LandViews.occupations), ...problems({ 400: '查询参数不合法' }) },
  });
  path('/land/occupations/{id}', {
    method: 'get',
    operationId: 'getOccupation',
    summary: '一项用地申请',
    request: { params: id },
    responses: { 200: json('用地申请', LandViews.occupation), ...problems({ 404: '不存在' }) },
  });
  path('/land/reclamations', {
    method: 'get',
    operationId: 'listReclamations',
    summary: '待复垦的临时用地，按复垦期限（含预警颜色）',
    responses: { 200: json('临时用地', LandViews.reclamations), ...problems({}) },
  });
  path('/land/reclamations/{id}/confirm', {
    method: 'post',
    operationId: 'confirmReclamation',
    summary: '临时用地复垦验收',
    request: { params: id, ...body(ConfirmReclamationSchema) },
    responses: {
      200: json('已复垦', LandViews.occupation),
      ...problems({ 400: '参数不合法', 409: '没有待复垦的该临时用地' }),
    },
  });
  path('/land/cases', {
    method: 'post',
    operationId: 'openLandCase',
    summary: '违法占地案件立案（动态巡查或举报）；重大典型案件挂牌督办',
    description:
      '办理期限默认发现之日起 60 日（handlingDays 可另定）。永久基本农田不论面积、耕地 10 亩以上为重大典型案件。',
    request: body(OpenLandCaseSchema),
    responses: {
      201: json('已立案', LandViews.caseStarted),
      200: json('同一地块同日已立案', LandViews.caseStarted),
      ...problems({ 400: '参数不合法（errors 列出每个字段）' }),
    },
  });
  path('/land/cases', {
    method: 'get',
    operationId: 'listLandCases',
    summary: '违法占地案件（按镇、颜色、是否挂牌督办、是否办结筛选）',
    request: { query: LandQuerySchemas.cases },
    responses: { 200: json('案件', LandViews.cases), ...problems({ 400: '查询参数不合法' }) },
  });
  path('/land/cases/{id}', {
    method: 'get',
    operationId: 'getLandCase',
    summary: '一件违法占地案件及其时间线',
    request: { params: id },
    responses: { 200: json('案件', LandViews.caseDetail), ...problems({ 404: '不存在' }) },
  });
  path('/land/cases/{id}/actions/{action}', {
    method: 'post',
    operationId: 'landCaseAction',
    summary:
      '办理案件：investigate {note}、decide {decision}、rectify {note}、close {note?}、transfer {to: discipline|judiciary, reason}（自然资源局）；extend {newDeadline, reason}（督查室）',
    request: {
      params: z.object({ id: z.string(), action: LandCaseActionNameSchema }),
      ...body(z.record(z.string(), z.unknown())),
    },
    responses: {
      200: json('案件', LandViews.case),
      ...problems({ 400: '参数不合法', 404: '案件或操作不存在', 409: '步骤顺序不对、已结案、已移交等' }),
    },
  });
}
