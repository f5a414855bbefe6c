// The kindergarten API under /api (mounted after authentication): campaigns, the ledger, cases,
// actions, and the permits that 住建局 and 自然资源局 answer for.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import {
  CaseActionBodies,
  CaseActionNameSchema,
  KindergartenFactsSchema,
  type Actor,
  type CaseCommand,
} from '@duban/contracts';
import { categoryRefusal, newCampaign } from '@duban/workflow-kindergarten';
import { caseSnapshot, sendCaseAction, startCase, type CasesDeps } from './cases';
import { campaigns, cases, housPermits, isDuplicateKey, natresPermits, timeline } from './collections';
import { ledgerWorkbook, parseCsv, parseXlsx, rowsOf, validateRow } from './ledger';
import { campaignOverview } from './overview';
import { CampaignIdParams, CaseIdParams, CasesQuery, OpenCampaignBody, ProjectIdParams } from './schemas';

/** The signed-in caller, as the gateway's authentication found it. */
export interface KgPrincipal {
  username: string;
  name: string;
  role: 'bureau' | 'inspector' | 'leader' | 'admin';
  unitCode: string | null;
}

export interface KindergartenRouterDeps {
  db: Db;
  temporal: Client;
  /** Reads the principal that the gateway's `authenticate` put on the response. */
  principalOf: (res: Response) => KgPrincipal | undefined;
  /** The gateway's authentication, run for this router's paths only (others fall through to 404). */
  authenticate?: RequestHandler;
  taskQueue?: string;
  /** Days a case may stay red before it is escalated to the leadership group (default 30). */
  escalateAfterRedDays?: number;
  /** Largest ledger upload (default 5 MB). */
  ledgerLimit?: string;
}

const titles: Record<number, string> = {
  400: '请求参数不合法',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '资源不存在',
  409: '操作被拒绝',
  415: '不支持的请求格式',
};

/** The gateway's problem types (RFC 9457 URNs), so clients switch on the same names. */
const types: Record<number, string> = {
  400: 'urn:duban:problem:invalid-request',
  401: 'urn:duban:problem:unauthenticated',
  403: 'urn:duban:problem:forbidden',
  404: 'urn:duban:problem:not-found',
  409: 'urn:duban:problem:conflict',
  415: 'urn:duban:problem:unsupported-media-type',
};

function problem(res: Response, status: number, detail: string, extra: Record<string, unknown> = {}): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: types[status] ?? 'about:blank',
      title: titles[status] ?? '错误',
      status,
      detail,
      ...extra,
    });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createKindergartenRouter(deps: KindergartenRouterDeps): Router {
  const router = express.Router();
  if (deps.authenticate) router.use(['/campaigns', '/cases', '/projects'], deps.authenticate);
  const temporal: CasesDeps = {
    temporal: deps.temporal,
    ...(deps.taskQueue ? { taskQueue: deps.taskQueue } : {}),
    ...(deps.escalateAfterRedDays !== undefined ? { escalateAfterRedDays: deps.escalateAfterRedDays } : {}),
  };
  const who = (res: Response) => deps.principalOf(res);
  const isEdu = (p: KgPrincipal | undefined) =>
    p?.role === 'admin' || (p?.role === 'bureau' && p.unitCode === 'edu');
  const actorOf = (p: KgPrincipal, req: Request): Actor => ({
    userId: p.username,
    name: p.name,
    role: p.role,
    ...(p.unitCode ? { unitCode: p.unitCode } : {}),
    // The gateway's request-id middleware sets `req.id` (from `x-request-id` or a new UUID).
    requestId: String((req as { id?: unknown }).id ?? req.get('x-request-id') ?? `kg-${Date.now()}`),
  });
  const loadCampaign = async (id: string) => campaigns(deps.db).findOne({ _id: id });
  const badRequest = (response: Response, error: z.ZodError, where: string) =>
    problem(response, 400, error.issues.map((i) => `${where}.${i.path.join('.')}: ${i.message}`).join('; '), {
      errors: error.issues.map((i) => ({ field: `${where}.${i.path.join('.')}`, message: i.message })),
    });

  // Path ids are checked with the schemas the OpenAPI document shows.
  const checkId =
    (schema: typeof CampaignIdParams): RequestHandler =>
    (req, response, next) => {
      const params = schema.safeParse(req.params);
      if (!params.success) return badRequest(response, params.error, 'params');
      next();
    };
  router.use('/campaigns/:id', checkId(CampaignIdParams));
  router.use('/cases/:id', checkId(CaseIdParams));
  router.use('/projects/:id', checkId(ProjectIdParams));

  // 教育局 or an administrator opens a new round; its deadlines keep the gazette's offsets.
  router.post('/campaigns', express.json(), async (req, response) => {
    if (!isEdu(who(response)) && who(response)?.role !== 'inspector')
      return problem(response, 403, '只有教育局、督查室或管理员可以开启治理工作');
    const body = OpenCampaignBody.safeParse(req.body);
    if (!body.success) return badRequest(response, body.error, 'body');
    const campaign = newCampaign(body.data.campaignId, body.data.startDate, body.data.title);
    try {
      await campaigns(deps.db).insertOne({ _id: campaign.campaignId, ...campaign, createdAt: new Date() });
    } catch (error) {
      if (isDuplicateKey(error)) return problem(response, 409, `治理工作 ${campaign.campaignId} 已存在`);
      throw error;
    }
    response.status(201).json(campaign);
  });

  router.get('/campaigns', async (_req, response) => {
    response.json({ campaigns: await campaigns(deps.db).find({}).sort({ startDate: 1 }).toArray() });
  });

  router.get('/campaigns/:id', async (req, response) => {
    const campaign = await loadCampaign(req.params.id);
    if (!campaign) return problem(response, 404, `治理工作 ${req.params.id} 不存在`);
    response.json(campaign);
  });

  // One case through the API (a ledger row as JSON).
  router.post('/campaigns/:id/cases', express.json(), async (req, response) => {
    if (!isEdu(who(response))) return problem(response, 403, '台账由教育局汇总（四(一)）');
    const campaign = await loadCampaign(req.params.id);
    if (!campaign) return problem(response, 404, `治理工作 ${req.params.id} 不存在`);
    const facts = KindergartenFactsSchema.safeParse(req.body);
    if (!facts.success) return badRequest(response, facts.error, 'body');
    const refusal = categoryRefusal(facts.data, facts.data.proposedCategory);
    if (refusal)
      return problem(response, 400, refusal, {
        errors: [{ field: 'body.proposedCategory', message: refusal }],
      });
    const started = await startCase(temporal, campaign, facts.data);
    response.status(started.created ? 201 : 200).json(started);
  });

  // The ledger (台账) in bulk: csv or xlsx; each row reported; only good rows start cases.
  router.post(
    '/campaigns/:id/ledger',
    express.raw({ type: ['text/csv', XLSX, 'application/octet-stream'], limit: deps.ledgerLimit ?? '5mb' }),
    async (req, response) => {
      if (!isEdu(who(response))) return problem(response, 403, '台账由教育局汇总（四(一)）');
      const campaign = await loadCampaign(req.params.id);
      if (!campaign) return problem(response, 404, `治理工作 ${req.params.id} 不存在`);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0)
        return problem(response, 415, '请以 text/csv 或 xlsx 格式上传台账');
      const kind = req.is(['text/csv', XLSX, 'application/octet-stream']);
      let table: string[][];
      try {
        table = kind === 'text/csv' ? parseCsv(req.body.toString('utf8')) : await parseXlsx(req.body);
      } catch {
        return problem(response, 400, '无法读取表格文件');
      }
      const rows = rowsOf(table);
      if (!Array.isArray(rows)) return problem(response, 400, `缺少列：${rows.missing.join('、')}`);
      const seen = new Map<string, number>();
      const report: (
        | { row: number; status: 'rejected'; reason: string }
        | {
            row: number;
            status: 'created' | 'exists';
            caseId: string;
            projectId: string;
            created: boolean;
          }
      )[] = [];
      for (const raw of rows) {
        const result = validateRow(raw);
        if (!result.ok) {
          report.push({ row: result.row, status: 'rejected' as const, reason: result.reason });
          continue;
        }
        const key = `${result.facts.town}/${result.facts.projectName}`;
        const first = seen.get(key);
        if (first !== undefined) {
          report.push({
            row: raw.row,
            status: 'rejected' as const,
            reason: `与第 ${first} 行是同一小区项目`,
          });
          continue;
        }
        seen.set(key, raw.row);
        const started = await startCase(temporal, campaign, result.facts);
        report.push({
          row: raw.row,
          status: started.created ? ('created' as const) : ('exists' as const),
          ...started,
        });
      }
      const count = (s: string) => report.filter((r) => r.status === s).length;
      response.json({
        campaignId: campaign.campaignId,
        rows: report.length,
        created: count('created'),
        existing: count('exists'),
        rejected: count('rejected'),
        report,
      });
    },
  );

  router.get('/campaigns/:id/ledger.xlsx', async (req, response) => {
    const p = who(response);
    if (!isEdu(p) && p?.role !== 'inspector' && p?.role !== 'leader')
      return problem(response, 403, '台账由教育局汇总导出');
    const campaign = await loadCampaign(req.params.id);
    if (!campaign) return problem(response, 404, `治理工作 ${req.params.id} 不存在`);
    const all = await cases(deps.db).find({ campaignId: campaign.campaignId }).sort({ _id: 1 }).toArray();
    const buffer = await ledgerWorkbook(all);
    response
      .type(XLSX)
      .set('content-disposition', `attachment; filename="${campaign.campaignId}-ledger.xlsx"`)
      .send(buffer);
  });

  router.get('/campaigns/:id/overview', async (req, response) => {
    const campaign = await loadCampaign(req.params.id);
    if (!campaign) return problem(response, 404, `治理工作 ${req.params.id} 不存在`);
    const all = await cases(deps.db).find({ campaignId: campaign.campaignId }).toArray();
    response.json(campaignOverview(campaign, all));
  });

  // A bureau's inbox for this process: the open steps of its unit.
  router.get('/cases', async (req, response) => {
    const q = CasesQuery.safeParse(req.query);
    if (!q.success) return badRequest(response, q.error, 'query');
    const p = who(response);
    const unit = p?.role === 'bureau' ? p.unitCode : (q.data.unit ?? null);
    const filter: Record<string, unknown> = {};
    if (q.data.campaignId) filter.campaignId = q.data.campaignId;
    const all = await cases(deps.db).find(filter).sort({ _id: 1 }).toArray();
    const rows = all
      .map((c) => ({
        case: c,
        steps: c.steps.filter((s) => s.state === 'open' && (unit === null || s.unitCode === unit)),
      }))
      .filter((r) => unit === null || r.steps.length > 0);
    response.json({ unit, cases: rows });
  });

  router.get('/cases/:id', async (req, response) => {
    const live = await caseSnapshot(temporal, req.params.id);
    const stored = live ?? (await cases(deps.db).findOne({ _id: req.params.id }));
    if (!stored) return problem(response, 404, `个案 ${req.params.id} 不存在`);
    const events = await timeline(deps.db).find({ caseId: req.params.id }).sort({ version: 1 }).toArray();
    response.json({ case: stored, timeline: events });
  });

  router.post('/cases/:id/actions/:action', express.json(), async (req, response) => {
    const p = who(response);
    if (!p) return problem(response, 401, '请先登录');
    const action = CaseActionNameSchema.safeParse(req.params.action);
    if (!action.success) return problem(response, 404, `没有操作 ${req.params.action}`);
    const body = CaseActionBodies[action.data].safeParse(req.body ?? {});
    if (!body.success) return badRequest(response, body.error, 'body');
    const command = { action: action.data, actor: actorOf(p, req), body: body.data } as CaseCommand;
    const outcome = await sendCaseAction(temporal, req.params.id, command);
    if (!outcome.ok) return problem(response, outcome.status, outcome.reason);
    response.json(outcome.case);
  });

  // What is held on a residential project and why (三(一)), as 住建局 and 自然资源局 know it.
  const permitsOf = async (projectId: string) => {
    const [filing, start] = await Promise.all([
      housPermits(deps.db).findOne({ _id: `${projectId}|completion_filing` }),
      natresPermits(deps.db).findOne({ _id: `${projectId}|construction_start` }),
    ]);
    const view = (doc: typeof filing, unit: string) =>
      doc
        ? {
            held: doc.held,
            unitCode: unit,
            caseId: doc.caseId,
            reason: doc.hold.reason,
            ref: doc.hold.ref,
            liftsAtStep: doc.hold.liftsAtStep,
            placedAt: doc.hold.placedAt,
            liftedAt: doc.hold.liftedAt,
          }
        : { held: false, unitCode: unit, caseId: null, reason: null };
    return {
      projectId,
      projectName: filing?.projectName ?? start?.projectName ?? null,
      completionFiling: view(filing, 'hous'),
      constructionStart: view(start, 'natres'),
    };
  };

  router.get('/projects/:id/permits', async (req, response) => {
    response.json(await permitsOf(req.params.id));
  });

  const permitAction =
    (kind: 'completionFiling' | 'constructionStart', unit: string, what: string) =>
    async (req: Request, response: Response) => {
      const p = who(response);
      if (p?.role !== 'admin' && !(p?.role === 'bureau' && p.unitCode === unit))
        return problem(response, 403, `${what}由${unit === 'hous' ? '住建局' : '自然资源局'}办理`);
      const permits = await permitsOf(req.params.id as string);
      const hold = permits[kind];
      if (hold.held)
        return problem(response, 409, `${what}暂停办理：${hold.reason}（个案 ${hold.caseId}，${hold.ref}）`, {
          caseId: hold.caseId,
        });
      response.json({ projectId: req.params.id, [kind]: 'granted', at: new Date().toISOString() });
    };
  router.post('/projects/:id/completion-filing', permitAction('completionFiling', 'hous', '竣工验收备案'));
  router.post('/projects/:id/construction-start', permitAction('constructionStart', 'natres', '开工许可'));

  return router;
}
