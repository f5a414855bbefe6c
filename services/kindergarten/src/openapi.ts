// The kindergarten API in the gateway's OpenAPI document, from the schemas the router validates with.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { CaseActionBodies, type CaseActionName } from '@duban/contracts';
import {
  BureauCases,
  Campaign,
  Case,
  CampaignIdParams,
  CampaignOverview,
  CampaignsList,
  CaseDetail,
  CaseIdParams,
  CasesQuery,
  LedgerReport,
  LedgerRow,
  OpenCampaignBody,
  PermitGranted,
  ProjectIdParams,
  ProjectPermits,
  StartedCase,
} from './schemas';

export interface KindergartenOpenApiOptions {
  /** Where the host mounts the router (default `/api`). */
  basePath?: string;
  /** The host's problem schema, so both share one component (default: a plain RFC 9457 object). */
  problemSchema?: z.ZodType;
  tags?: string[];
}

const DefaultProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/** Registers every kindergarten path (Chinese summaries, bearer token, problem responses). */
export function registerKindergartenOpenApi(
  registry: OpenAPIRegistry,
  options: KindergartenOpenApiOptions = {},
): void {
  const base = (options.basePath ?? '/api').replace(/\/+$/, '');
  const problem = options.problemSchema ?? DefaultProblem;
  const tags = options.tags ?? ['kindergarten'];
  const security = [{ bearerAuth: [] }];
  const problems = (extra: Record<number, string> = {}) => {
    const all: Record<number, string> = {
      400: '请求参数不合法（errors 列出每个字段）',
      401: '未登录或登录已失效',
      403: '角色或单位无权执行',
      404: '资源不存在',
      409: '操作被拒绝（detail 写明原因）',
      ...extra,
    };
    return Object.fromEntries(
      Object.entries(all).map(([status, description]) => [
        status,
        { description, content: { 'application/problem+json': { schema: problem } } },
      ]),
    );
  };
  const json = (description: string, schema: z.ZodType) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const path = (config: Omit<RouteConfig, 'tags' | 'security'>) =>
    registry.registerPath({ tags, security, ...config, path: base + config.path });

  path({
    method: 'post',
    path: '/campaigns',
    operationId: 'openKgCampaign',
    summary: '开启一轮配套幼儿园治理工作',
    description: '教育局、督查室或管理员开启；各项期限与青政办发〔2019〕31号保持相同的月末间隔。',
    request: { body: { required: true, content: { 'application/json': { schema: OpenCampaignBody } } } },
    responses: { 201: json('新的治理工作', Campaign), ...problems({ 409: '治理工作已存在' }) },
  });
  path({
    method: 'get',
    path: '/campaigns',
    operationId: 'listKgCampaigns',
    summary: '治理工作列表',
    responses: { 200: json('全部治理工作', CampaignsList), ...problems() },
  });
  path({
    method: 'get',
    path: '/campaigns/{id}',
    operationId: 'getKgCampaign',
    summary: '一轮治理工作及其期限',
    request: { params: CampaignIdParams },
    responses: { 200: json('治理工作', Campaign), ...problems() },
  });
  path({
    method: 'post',
    path: '/campaigns/{id}/cases',
    operationId: 'createKgCase',
    summary: '台账登记一所幼儿园（一园一案）',
    description: '教育局以一行台账登记个案；同一小区项目再次登记返回已有个案（200）。',
    request: {
      params: CampaignIdParams,
      body: { required: true, content: { 'application/json': { schema: LedgerRow } } },
    },
    responses: {
      201: json('新个案', StartedCase),
      200: json('已有个案', StartedCase),
      ...problems(),
    },
  });
  path({
    method: 'post',
    path: '/campaigns/{id}/ledger',
    operationId: 'importKgLedger',
    summary: '批量导入台账（csv 或 xlsx）',
    description: '逐行校验：合格行登记个案，不合格行返回行号与原因；重复导入不新增个案。',
    request: {
      params: CampaignIdParams,
      body: {
        required: true,
        content: {
          'text/csv': { schema: z.string() },
          [XLSX]: { schema: z.string().meta({ format: 'binary' }) },
        },
      },
    },
    responses: {
      200: json('逐行导入结果', LedgerReport),
      ...problems({ 415: '请以 text/csv 或 xlsx 格式上传台账' }),
    },
  });
  path({
    method: 'get',
    path: '/campaigns/{id}/ledger.xlsx',
    operationId: 'exportKgLedger',
    summary: '导出台账（xlsx）',
    request: { params: CampaignIdParams },
    responses: {
      200: {
        description: '台账工作簿',
        content: { [XLSX]: { schema: z.string().meta({ format: 'binary' }) } },
      },
      ...problems(),
    },
  });
  path({
    method: 'get',
    path: '/campaigns/{id}/overview',
    operationId: 'getKgOverview',
    summary: '治理工作总览（领导小组）',
    description: '按类别、阶段、预警颜色、责任单位统计，列出有风险（红、黄、蓝）的个案与各项暂停事项。',
    request: { params: CampaignIdParams },
    responses: { 200: json('总览', CampaignOverview), ...problems() },
  });
  path({
    method: 'get',
    path: '/cases',
    operationId: 'listKgCases',
    summary: '个案及本单位的待办步骤',
    request: { query: CasesQuery },
    responses: { 200: json('个案', BureauCases), ...problems() },
  });
  path({
    method: 'get',
    path: '/cases/{id}',
    operationId: 'getKgCase',
    summary: '个案详情与办理记录',
    request: { params: CaseIdParams },
    responses: { 200: json('个案与时间线', CaseDetail), ...problems() },
  });
  for (const action of Object.keys(CaseActionBodies) as CaseActionName[]) {
    path({
      method: 'post',
      path: `/cases/{id}/actions/${action}`,
      operationId: `kgCase${action.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}`,
      summary: actionDocs[action].summary,
      description: actionDocs[action].description,
      request: {
        params: CaseIdParams,
        body: { required: true, content: { 'application/json': { schema: CaseActionBodies[action] } } },
      },
      responses: { 200: json('操作后的个案', Case), ...problems() },
    });
  }
  path({
    method: 'get',
    path: '/projects/{id}/permits',
    operationId: 'getKgProjectPermits',
    summary: '小区项目的竣工验收备案与开工是否暂停',
    description: '住建局、自然资源局各自掌握的暂停事项、原因与对应个案（三(一)）。',
    request: { params: ProjectIdParams },
    responses: { 200: json('许可状态', ProjectPermits), ...problems() },
  });
  path({
    method: 'post',
    path: '/projects/{id}/completion-filing',
    operationId: 'kgCompletionFiling',
    summary: '办理竣工验收备案（住建局）',
    description: '个案整改到位前暂停办理，409 写明个案。',
    request: { params: ProjectIdParams },
    responses: { 200: json('已办理', PermitGranted), ...problems() },
  });
  path({
    method: 'post',
    path: '/projects/{id}/construction-start',
    operationId: 'kgConstructionStart',
    summary: '准予开工（自然资源局）',
    description: '重新审核配套幼儿园建设规划前不得开工，409 写明个案。',
    request: { params: ProjectIdParams },
    responses: { 200: json('已准予', PermitGranted), ...problems() },
  });
}
