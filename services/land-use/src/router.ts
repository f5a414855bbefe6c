// The land-use API under /api/land (mounted after authentication): the compensation ledger
// (占补平衡), occupations and reclamations, and the illegal-occupation cases (违法占地).
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { Client } from '@temporalio/client';
import { civilDateOf } from '@duban/calendar';
import type { Db } from 'mongodb';
import {
  AcceptCompensationSchema,
  ConfirmReclamationSchema,
  LAND_LEDGER_ID,
  LAND_LEDGER_WORKFLOW_ID,
  LandCaseActionBodies,
  LandCaseActionNameSchema,
  OpenLandCaseSchema,
  RequestOccupationSchema,
  type Actor,
  type LandCaseCommand,
} from '@duban/contracts';
import {
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  requestOccupationUpdate,
} from '@duban/workflow-land-use';
import { cases, ledgers, occupations, timeline } from './collections';
import { LandQuerySchemas } from './schemas';
import { activeSuspension, suspendedTownCodes } from './suspensions';
import { liveCase, refusable, sendCaseAction, startLandCase, type LandTemporal } from './temporal';
import { townName } from './towns';

/** The signed-in caller, as the gateway's authentication found it. */
export interface LandPrincipal {
  username: string;
  name: string;
  role: 'bureau' | 'inspector' | 'leader' | 'admin';
  unitCode: string | null;
}

export interface LandUseRouterDeps {
  db: Db;
  temporal: Client;
  principalOf: (res: Response) => LandPrincipal | undefined;
  /** The gateway's authentication, run for this router's paths only (others fall through). */
  authenticate?: RequestHandler;
  taskQueue?: string;
}

const titles: Record<number, string> = {
  400: '请求参数不合法',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '资源不存在',
  409: '操作被拒绝',
};
const types: Record<number, string> = {
  400: 'urn:duban:problem:invalid-request',
  401: 'urn:duban:problem:unauthenticated',
  403: 'urn:duban:problem:forbidden',
  404: 'urn:duban:problem:not-found',
  409: 'urn:duban:problem:conflict',
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

export function createLandUseRouter(deps: LandUseRouterDeps): Router {
  const router = express.Router();
  const paths = ['/land/ledger', '/land/occupations', '/land/reclamations', '/land/cases'];
  if (deps.authenticate) router.use(paths, deps.authenticate);
  router.use(paths, express.json());
  const temporal: LandTemporal = {
    temporal: deps.temporal,
    ...(deps.taskQueue ? { taskQueue: deps.taskQueue } : {}),
  };
  const ledgerHandle = () => deps.temporal.workflow.getHandle(LAND_LEDGER_WORKFLOW_ID);

  const isNatres = (p: LandPrincipal | undefined) =>
    p?.role === 'admin' || (p?.role === 'bureau' && p.unitCode === 'natres');
  const canRead = (p: LandPrincipal | undefined) =>
    isNatres(p) || p?.role === 'inspector' || p?.role === 'leader';
  const actorOf = (p: LandPrincipal, req: Request): Actor => ({
    userId: p.username,
    name: p.name,
    role: p.role,
    ...(p.unitCode ? { unitCode: p.unitCode } : {}),
    requestId: String((req as { id?: unknown }).id ?? req.get('x-request-id') ?? `lu-${Date.now()}`),
  });
  const badRequest = (res: Response, error: z.ZodError, where: string) =>
    problem(res, 400, error.issues.map((i) => `${where}.${i.path.join('.')}: ${i.message}`).join('; '), {
      errors: error.issues.map((i) => ({ field: `${where}.${i.path.join('.')}`, message: i.message })),
    });
  /** zod first, then the town must be one of the city's towns (镇、农林场、街道). */
  const parseBody = <S extends z.ZodType>(schema: S, req: Request, res: Response): z.output<S> | null => {
    const parsed = schema.safeParse(req.body ?? {});
    if (!parsed.success) {
      badRequest(res, parsed.error, 'body');
      return null;
    }
    const town = (parsed.data as { townCode?: string }).townCode;
    if (town !== undefined && townName(town) === null) {
      const message = `unknown town ${town}`;
      problem(res, 400, `body.townCode: ${message}`, { errors: [{ field: 'body.townCode', message }] });
      return null;
    }
    return parsed.data;
  };
  const guard =
    (allowed: (p: LandPrincipal | undefined) => boolean, refusal: string) =>
    (_req: Request, res: Response, next: () => void) =>
      allowed(deps.principalOf(res)) ? next() : problem(res, 403, refusal);
  const readers = guard(canRead, '耕地保护台账由自然资源局办理，督查室、领导查阅');
  const natres = (what: string) => guard(isNatres, `${what}由自然资源局办理（青政办发〔2019〕28号）`);
  /** 二(十): 整改期间暂停办理涉及土地管理的有关业务 — refused with the assessment's reason. */
  const refuseIfSuspended = async (res: Response, townCode: string, what: string) => {
    const hold = await activeSuspension(deps.db, townCode);
    if (!hold) return false;
    problem(
      res,
      409,
      `${townName(townCode) ?? townCode}${what}暂停办理：${hold.reason}（青政办发〔2019〕28号 二(十)，整改期限 ${hold.rectificationDeadline}）`,
      { assessmentId: hold.assessmentId, townCode },
    );
    return true;
  };

  // ——— 占补平衡台账 ———
  router.get('/land/ledger', readers, async (_req, res) => {
    const doc = await ledgers(deps.db).findOne({ _id: LAND_LEDGER_ID });
    const ledger = doc ?? {
      ledgerId: LAND_LEDGER_ID,
      balance: null,
      parcels: [],
      queue: [],
      temporary: [],
      version: 0,
    };
    const named = <T extends { townCode: string }>(rows: T[]) =>
      rows.map((r) => ({ ...r, townName: townName(r.townCode) }));
    res.json({
      ...ledger,
      balance: ledger.balance && { ...ledger.balance, byTown: named(ledger.balance.byTown) },
      parcels: named(ledger.parcels),
      suspendedTowns: await suspendedTownCodes(deps.db),
    });
  });

  router.post('/land/ledger/compensations', natres('补充耕地验收入库'), async (req, res) => {
    const body = parseBody(AcceptCompensationSchema, req, res);
    if (!body) return;
    const outcome = await refusable(
      async () =>
        ledgerHandle().executeUpdate(acceptCompensationUpdate, {
          args: [
            {
              actor: actorOf(deps.principalOf(res)!, req),
              body,
              suspendedTowns: await suspendedTownCodes(deps.db),
            },
          ],
        }),
      '耕地占补平衡台账尚未启动',
    );
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    const parcel = outcome.value.parcels.find((p) => p.parcelNo === body.parcelNo);
    res.status(201).json({ parcel, balance: outcome.value.balance, queue: outcome.value.queue });
  });

  // ——— 建设占用耕地 ———
  router.post('/land/occupations', natres('建设占用耕地审批'), async (req, res) => {
    const body = parseBody(RequestOccupationSchema, req, res);
    if (!body) return;
    const what = body.kind === 'temporary' ? '临时用地审批' : '建设占用耕地审批';
    if (await refuseIfSuspended(res, body.townCode, what)) return;
    const outcome = await refusable(
      () =>
        ledgerHandle().executeUpdate(requestOccupationUpdate, {
          args: [{ actor: actorOf(deps.principalOf(res)!, req), body }],
        }),
      '耕地占补平衡台账尚未启动',
    );
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    const { occupation, ledger } = outcome.value;
    if (occupation.state === 'refused')
      return problem(res, 409, `${occupation.occupationId} ${occupation.refusal!.reason}`, {
        rule: occupation.refusal!.rule,
        shortfallMu: occupation.refusal!.shortfallMu,
        occupation,
        balance: ledger.balance,
      });
    res.status(occupation.state === 'queued' ? 202 : 201).json({ occupation, balance: ledger.balance });
  });

  router.get('/land/occupations', readers, async (req, res) => {
    const q = LandQuerySchemas.occupations.safeParse(req.query);
    if (!q.success) return badRequest(res, q.error, 'query');
    const filter: Record<string, unknown> = {};
    if (q.data.state) filter.state = q.data.state;
    if (q.data.townCode) filter.townCode = q.data.townCode;
    if (q.data.kind) filter.kind = q.data.kind;
    const rows = await occupations(deps.db).find(filter).sort({ filedAt: -1 }).limit(500).toArray();
    res.json({ occupations: rows.map((o) => ({ ...o, townName: townName(o.townCode) })) });
  });

  router.get('/land/occupations/:id', readers, async (req, res) => {
    const o = await occupations(deps.db).findOne({ _id: String(req.params.id) });
    if (!o) return problem(res, 404, `用地 ${req.params.id} 不存在`);
    res.json({ ...o, townName: townName(o.townCode) });
  });

  // ——— 临时用地复垦 ———
  router.get('/land/reclamations', readers, async (_req, res) => {
    const rows = await occupations(deps.db)
      .find({ kind: 'temporary', state: 'approved' })
      .sort({ 'reclamation.deadline': 1 })
      .toArray();
    res.json({ reclamations: rows.map((o) => ({ ...o, townName: townName(o.townCode) })) });
  });

  router.post('/land/reclamations/:id/confirm', natres('临时用地复垦验收'), async (req, res) => {
    const body = parseBody(ConfirmReclamationSchema, req, res);
    if (!body) return;
    const outcome = await refusable(
      () =>
        ledgerHandle().executeUpdate(confirmReclamationUpdate, {
          args: [
            {
              actor: actorOf(deps.principalOf(res)!, req),
              body: { occupationId: String(req.params.id), ...(body.note ? { note: body.note } : {}) },
            },
          ],
        }),
      '耕地占补平衡台账尚未启动',
    );
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    res.json(outcome.value);
  });

  // ——— 违法占地案件 ———
  router.post('/land/cases', natres('违法占地案件立案'), async (req, res) => {
    const body = parseBody(OpenLandCaseSchema, req, res);
    if (!body) return;
    if (body.foundOn > civilDateOf(Date.now())) {
      const message = `${body.foundOn} is after today`;
      return problem(res, 400, `body.foundOn: ${message}`, { errors: [{ field: 'body.foundOn', message }] });
    }
    const { handlingDays, ...facts } = body;
    const started = await startLandCase(temporal, facts, handlingDays);
    res.status(started.created ? 201 : 200).json(started);
  });

  router.get('/land/cases', readers, async (req, res) => {
    const q = LandQuerySchemas.cases.safeParse(req.query);
    if (!q.success) return badRequest(res, q.error, 'query');
    const filter: Record<string, unknown> = {};
    if (q.data.townCode) filter['facts.townCode'] = q.data.townCode;
    if (q.data.colour) filter.colour = q.data.colour;
    if (q.data.major !== undefined) filter.major = q.data.major === 'true';
    if (q.data.open === 'true') filter.step = { $ne: 'closed' };
    if (q.data.open === 'false') filter.step = 'closed';
    const rows = await cases(deps.db).find(filter).sort({ _id: 1 }).limit(500).toArray();
    res.json({ cases: rows.map((c) => ({ ...c, townName: townName(c.facts.townCode) })) });
  });

  router.get('/land/cases/:id', readers, async (req, res) => {
    const id = String(req.params.id);
    const stored = (await liveCase(temporal, id)) ?? (await cases(deps.db).findOne({ _id: id }));
    if (!stored) return problem(res, 404, `违法占地案件 ${id} 不存在`);
    const events = await timeline(deps.db).find({ thingId: id }).sort({ version: 1 }).toArray();
    res.json({ case: { ...stored, townName: townName(stored.facts.townCode) }, timeline: events });
  });

  router.post('/land/cases/:id/actions/:action', async (req, res) => {
    const p = deps.principalOf(res);
    if (!p) return problem(res, 401, '请先登录');
    const action = LandCaseActionNameSchema.safeParse(req.params.action);
    if (!action.success) return problem(res, 404, `没有操作 ${req.params.action}`);
    if (action.data === 'extend' ? p.role !== 'inspector' && p.role !== 'admin' : !isNatres(p))
      return problem(
        res,
        403,
        action.data === 'extend'
          ? '延期须经督查室批准'
          : '违法占地案件由自然资源局查处（青政办发〔2019〕28号 二(七)）',
      );
    const body = LandCaseActionBodies[action.data].safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error, 'body');
    const command: LandCaseCommand = { action: action.data, actor: actorOf(p, req), body: body.data };
    const outcome = await sendCaseAction(temporal, String(req.params.id), command);
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    res.json(outcome.value);
  });

  return router;
}
