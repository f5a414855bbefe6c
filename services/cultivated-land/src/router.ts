// The cultivated-land API under /api/land (mounted after authentication): rectification campaigns
// and the towns' rectifications (二(二)), the yearly assessment (三(十)), and each town's status.
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import {
  AssessmentActionBodies,
  AssessmentActionNameSchema,
  CL_DOC_NO,
  OpenRectificationCampaignSchema,
  RectificationActionBodies,
  RectificationActionNameSchema,
  SetAssessmentTargetsSchema,
  assessmentIdOf,
  rectificationIdOf,
  type Actor,
  type AssessmentCommand,
  type RectificationCampaign,
  type RectificationCommand,
} from '@duban/contracts';
import { deadlineRefusals } from '@duban/workflow-cultivated-land';
import {
  assessments,
  campaigns,
  isDuplicateKeyError,
  rectifications,
  suspensions,
  timeline,
  type LandSuspensionDoc,
} from './collections';
import { AssessmentListQuery, RectificationListQuery } from './schemas';
import {
  assessmentSnapshot,
  rectificationSnapshot,
  sendAssessmentAction,
  sendRectificationAction,
  startAssessment,
  startRectification,
  type LandTemporalDeps,
} from './temporal';
import { landTown, landTowns } from './towns';

/** The signed-in caller, as the gateway's authentication found it. */
export interface LandPrincipal {
  username: string;
  name: string;
  role: 'bureau' | 'inspector' | 'leader' | 'admin';
  unitCode: string | null;
}

export interface CultivatedLandRouterDeps {
  db: Db;
  temporal: Client;
  principalOf: (res: Response) => LandPrincipal | undefined;
  /** The gateway's authentication, run for this router's paths only. */
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

const badRequest = (res: Response, error: z.ZodError, where: string) =>
  problem(res, 400, error.issues.map((i) => `${where}.${i.path.join('.')}: ${i.message}`).join('; '), {
    errors: error.issues.map((i) => ({ field: `${where}.${i.path.join('.')}`, message: i.message })),
  });

/** The status of one town's land business as the suspension route answers it. */
export function suspensionView(townCode: string, townName: string, doc: LandSuspensionDoc | null) {
  return {
    townCode,
    townName,
    suspended: doc?.suspended ?? false,
    assessmentId: doc?.assessmentId ?? null,
    year: doc?.year ?? null,
    reason: doc?.suspended ? doc.reason : null,
    since: doc?.since ?? null,
    rectificationDeadline: doc?.rectificationDeadline ?? null,
    liftedAt: doc?.liftedAt ?? null,
  };
}

export function createCultivatedLandRouter(deps: CultivatedLandRouterDeps): Router {
  const router = express.Router();
  if (deps.authenticate) router.use('/land', deps.authenticate);
  const temporal: LandTemporalDeps = {
    temporal: deps.temporal,
    ...(deps.taskQueue ? { taskQueue: deps.taskQueue } : {}),
  };
  const who = (res: Response) => deps.principalOf(res);
  const isNatresOrOffice = (p: LandPrincipal | undefined) =>
    p?.role === 'admin' || p?.role === 'inspector' || (p?.role === 'bureau' && p.unitCode === 'natres');
  const actorOf = (p: LandPrincipal, req: Request): Actor => ({
    userId: p.username,
    name: p.name,
    role: p.role,
    ...(p.unitCode ? { unitCode: p.unitCode } : {}),
    requestId: String((req as { id?: unknown }).id ?? req.get('x-request-id') ?? `land-${Date.now()}`),
  });
  const unknownTowns = (codes: string[]) => codes.filter((c) => !landTown(c));

  // 自然资源局 (or the supervision office) opens a rectification round for the towns, one
  // deadline per step (the document gives none: 二(二)).
  router.post('/land/rectification-campaigns', express.json(), async (req, res) => {
    const p = who(res);
    if (!isNatresOrOffice(p)) return problem(res, 403, '整改工作由自然资源局、督查室或管理员开启');
    const body = OpenRectificationCampaignSchema.safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error, 'body');
    const { campaignId, startDate, deadlines } = body.data;
    const refusals = deadlineRefusals(startDate, deadlines);
    if (refusals.length)
      return problem(res, 400, refusals.map((r) => `${r.field}: ${r.message}`).join('; '), {
        errors: refusals,
      });
    const townCodes = body.data.townCodes ?? landTowns().map((t) => t.code);
    const unknown = unknownTowns(townCodes);
    if (unknown.length)
      return problem(res, 400, `body.townCodes: 不是镇(场)：${unknown.join('、')}`, {
        errors: [{ field: 'body.townCodes', message: `不是镇(场)：${unknown.join('、')}` }],
      });
    const campaign: RectificationCampaign = {
      campaignId,
      title: body.data.title ?? `永久基本农田划定成果核实整改（${startDate.slice(0, 4)}）`,
      docNo: CL_DOC_NO,
      startDate,
      deadlines,
      townCodes,
    };
    try {
      await campaigns(deps.db).insertOne({
        _id: campaignId,
        ...campaign,
        createdAt: new Date(),
        createdBy: p!.username,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) return problem(res, 409, `整改工作 ${campaignId} 已存在`);
      throw error;
    }
    const started = [];
    for (const townCode of townCodes) {
      const rectificationId = rectificationIdOf(campaignId, townCode);
      const created = await startRectification(temporal, {
        rectificationId,
        campaignId,
        townCode,
        townName: landTown(townCode)!.shortName,
        deadlines,
      });
      started.push({ rectificationId, townCode, created });
    }
    res.status(201).json({ campaign, rectifications: started });
  });

  router.get('/land/rectification-campaigns', async (_req, res) => {
    const all = await campaigns(deps.db).find({}).sort({ startDate: 1 }).toArray();
    res.json({ campaigns: all.map(({ _id, ...c }) => ({ ...c, createdAt: c.createdAt.toISOString() })) });
  });

  router.get('/land/rectification-campaigns/:id', async (req, res) => {
    const c = await campaigns(deps.db).findOne({ _id: req.params.id });
    if (!c) return problem(res, 404, `整改工作 ${req.params.id} 不存在`);
    const { _id, ...campaign } = c;
    const towns = await rectifications(deps.db)
      .find({ campaignId: c.campaignId })
      .sort({ townCode: 1 })
      .toArray();
    res.json({
      campaign: { ...campaign, createdAt: c.createdAt.toISOString() },
      rectifications: towns.map(strip),
    });
  });

  router.get('/land/rectifications', async (req, res) => {
    const q = RectificationListQuery.safeParse(req.query);
    if (!q.success) return badRequest(res, q.error, 'query');
    const p = who(res);
    const unit = p?.role === 'bureau' ? p.unitCode : (q.data.unit ?? null);
    const filter: Record<string, unknown> = {};
    if (q.data.campaignId) filter.campaignId = q.data.campaignId;
    if (q.data.townCode) filter.townCode = q.data.townCode;
    if (q.data.colour) filter.colour = q.data.colour;
    const all = await rectifications(deps.db).find(filter).sort({ _id: 1 }).toArray();
    const mine = all.filter(
      (r) =>
        unit === null ||
        r.townCode === unit ||
        r.steps.some((s) => s.state === 'open' && (s.unitCode === unit || s.withUnits.includes(unit))),
    );
    res.json({ unit, rectifications: mine.map(strip) });
  });

  router.get('/land/rectifications/:id', async (req, res) => {
    const id = req.params.id;
    const r =
      (await rectificationSnapshot(temporal, id)) ?? (await rectifications(deps.db).findOne({ _id: id }));
    if (!r) return problem(res, 404, `整改 ${id} 不存在`);
    const events = await timeline(deps.db).find({ itemId: id }).sort({ version: 1 }).toArray();
    res.json({ rectification: strip(r), timeline: events.map(timelineView) });
  });

  router.post('/land/rectifications/:id/actions/:action', express.json(), async (req, res) => {
    const p = who(res);
    if (!p) return problem(res, 401, '请先登录');
    const action = RectificationActionNameSchema.safeParse(req.params.action);
    if (!action.success) return problem(res, 404, `没有操作 ${req.params.action}`);
    const body = RectificationActionBodies[action.data].safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error, 'body');
    const command = { action: action.data, actor: actorOf(p, req), body: body.data } as RectificationCommand;
    const outcome = await sendRectificationAction(temporal, req.params.id, command);
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    res.json(outcome.value);
  });

  // The city sets each town's targets for the year (三(十)); 自然资源局 细化分解 (三(九)).
  router.post('/land/assessments', express.json(), async (req, res) => {
    const p = who(res);
    if (!isNatresOrOffice(p)) return problem(res, 403, '考核目标由自然资源局、督查室或管理员下达');
    const body = SetAssessmentTargetsSchema.safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error, 'body');
    const { year, reportDeadline, targets } = body.data;
    const towns = body.data.towns ?? landTowns().map((t) => ({ townCode: t.code, targets: undefined }));
    const unknown = unknownTowns(towns.map((t) => t.townCode));
    if (unknown.length)
      return problem(res, 400, `body.towns: 不是镇(场)：${unknown.join('、')}`, {
        errors: [{ field: 'body.towns', message: `不是镇(场)：${unknown.join('、')}` }],
      });
    const missing = towns.findIndex((t) => !t.targets && !targets);
    if (missing >= 0)
      return problem(res, 400, `body.targets: ${towns[missing]!.townCode} 没有目标`, {
        errors: [
          { field: `body.towns.${missing}.targets`, message: '须给出目标（或在 body.targets 中统一给出）' },
        ],
      });
    const started = [];
    for (const town of towns) {
      const assessmentId = assessmentIdOf(year, town.townCode);
      const created = await startAssessment(temporal, {
        assessmentId,
        year,
        townCode: town.townCode,
        townName: landTown(town.townCode)!.shortName,
        targets: (town.targets ?? targets)!,
        reportDeadline,
        setBy: p!.username,
      });
      started.push({ assessmentId, townCode: town.townCode, created });
    }
    res.status(started.some((s) => s.created) ? 201 : 200).json({ year, assessments: started });
  });

  router.get('/land/assessments', async (req, res) => {
    const q = AssessmentListQuery.safeParse(req.query);
    if (!q.success) return badRequest(res, q.error, 'query');
    const filter: Record<string, unknown> = {};
    if (q.data.year !== undefined) filter.year = q.data.year;
    if (q.data.townCode) filter.townCode = q.data.townCode;
    const all = await assessments(deps.db).find(filter).sort({ year: 1, townCode: 1 }).toArray();
    const count = (f: (a: (typeof all)[number]) => boolean) => all.filter(f).length;
    res.json({
      year: q.data.year ?? null,
      counts: {
        total: all.length,
        reporting: count((a) => a.phase === 'reporting'),
        assessing: count((a) => a.phase === 'assessing'),
        commended: count((a) => a.result?.outcome === 'commended'),
        criticised: count((a) => a.result?.outcome === 'criticised'),
        suspended: count((a) => a.suspension !== null && a.suspension.liftedAt === null),
        escalated: count((a) => a.escalatedAt !== null),
      },
      assessments: all.map(strip),
    });
  });

  router.get('/land/assessments/:id', async (req, res) => {
    const id = req.params.id;
    const a = (await assessmentSnapshot(temporal, id)) ?? (await assessments(deps.db).findOne({ _id: id }));
    if (!a) return problem(res, 404, `考核 ${id} 不存在`);
    const events = await timeline(deps.db).find({ itemId: id }).sort({ version: 1 }).toArray();
    res.json({ assessment: strip(a), timeline: events.map(timelineView) });
  });

  router.post('/land/assessments/:id/actions/:action', express.json(), async (req, res) => {
    const p = who(res);
    if (!p) return problem(res, 401, '请先登录');
    const action = AssessmentActionNameSchema.safeParse(req.params.action);
    if (!action.success) return problem(res, 404, `没有操作 ${req.params.action}`);
    const body = AssessmentActionBodies[action.data].safeParse(req.body ?? {});
    if (!body.success) return badRequest(res, body.error, 'body');
    const command = { action: action.data, actor: actorOf(p, req), body: body.data } as AssessmentCommand;
    const outcome = await sendAssessmentAction(temporal, req.params.id, command);
    if (!outcome.ok) return problem(res, outcome.status, outcome.reason);
    res.json(outcome.value);
  });

  // Each town: its latest rectification, its latest assessment, whether land business is held.
  router.get('/land/towns', async (_req, res) => {
    const [allR, allA, allS] = await Promise.all([
      rectifications(deps.db).find({}).toArray(),
      assessments(deps.db).find({}).toArray(),
      suspensions(deps.db).find({}).toArray(),
    ]);
    const latest =
      <T extends { townCode: string }>(list: T[], key: (t: T) => string) =>
      (code: string) =>
        list.filter((x) => x.townCode === code).sort((x, y) => key(y).localeCompare(key(x)))[0] ?? null;
    const rOf = latest(allR, (r) => r.createdAt);
    const aOf = latest(allA, (a) => `${a.year}|${a.createdAt}`);
    res.json({
      towns: landTowns().map((t) => {
        const r = rOf(t.code);
        const a = aOf(t.code);
        return {
          townCode: t.code,
          townName: t.shortName,
          rectification: r
            ? {
                rectificationId: r.rectificationId,
                campaignId: r.campaignId,
                phase: r.phase,
                colour: r.colour,
                currentStep: r.steps.find((s) => s.state === 'open')?.title ?? null,
              }
            : null,
          assessment: a
            ? {
                assessmentId: a.assessmentId,
                year: a.year,
                phase: a.phase,
                outcome: a.result?.outcome ?? null,
                colour: a.colour,
                escalated: a.escalatedAt !== null,
              }
            : null,
          suspension: suspensionView(t.code, t.shortName, allS.find((s) => s._id === t.code) ?? null),
        };
      }),
    });
  });

  router.get('/land/towns/:townCode/suspension', async (req, res) => {
    const town = landTown(req.params.townCode);
    if (!town) return problem(res, 404, `${req.params.townCode} 不是镇(场)`);
    const doc = await suspensions(deps.db).findOne({ _id: town.code });
    res.json(suspensionView(town.code, town.shortName, doc));
  });

  return router;
}

function strip<T extends object>(doc: T): Omit<T, '_id' | 'updatedAt'> {
  const { _id: _a, updatedAt: _b, ...rest } = doc as T & { _id?: unknown; updatedAt?: unknown };
  return rest as Omit<T, '_id' | 'updatedAt'>;
}

function timelineView(doc: { at: Date } & Record<string, unknown>) {
  return { ...doc, at: doc.at.toISOString() };
}
