// 占补平衡台账 (青政办发〔2019〕28号 二(三)): compensation parcels in, occupations against them,
// temporary land reclaimed. Each change is one Update to the city's ledger workflow.
import { z } from 'zod';
import {
  AcceptCompensationSchema,
  ConfirmReclamationSchema,
  LAND_LEDGER_ID,
  LAND_LEDGER_WORKFLOW_ID,
  LandUseGrants,
  RequestOccupationSchema,
  type OccupationKind,
} from '@duban/workflow-land-use/client';
import {
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  requestOccupationUpdate,
  suspensionRefusal,
} from '@duban/workflow-land-use';
import {
  actorOf,
  defineRoute,
  problems,
  sendUpdate,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { policyNumber } from '@duban/policy/store';
import { ledgers, occupations } from '../collections';
import { LandQuerySchemas, LandViews } from '../schemas';
import { activeSuspension, suspendedTownCodes } from '../suspensions';
import { checkTown, LU_TAGS, named, readers } from './common';

const LEDGER_MISSING = '耕地占补平衡台账尚未启动';
const engineProblems = { 503: '工作流引擎暂不可用', 504: '工作流未按时答复' };

export function ledgerRoutes(ctx: ProcessRouteContext): Route[] {
  const ledger = () => ctx.temporal.workflow.getHandle(LAND_LEDGER_WORKFLOW_ID);
  /**
   * 三(十): 整改期间暂停办理涉及土地管理的有关业务 — refused with the assessment's reason. The ledger
   * workflow refuses the same way (it is the authority); this first check also names the assessment.
   */
  const refuseIfSuspended = async (townCode: string, kind: OccupationKind) => {
    const hold = await activeSuspension(ctx.db, townCode);
    if (!hold) return;
    throw problems.conflict(suspensionRefusal(hold, kind), { assessmentId: hold.assessmentId, townCode });
  };

  return [
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/ledger',
      operationId: 'getLandLedger',
      summary: '耕地占补平衡台账：全市及各镇结余、补充耕地地块（剩余面积）、排队的用地申请、待复垦的临时用地',
      description: '面积单位亩（两位小数），质量等别 1（最优）… 15（最差）。',
      tags: LU_TAGS,
      responses: { 200: { description: '台账', schema: LandViews.ledger } },
      handler: async ({ res }) => {
        const doc = await ledgers(ctx.db).findOne({ _id: LAND_LEDGER_ID });
        const found = doc ?? {
          ledgerId: LAND_LEDGER_ID,
          balance: null,
          parcels: [],
          queue: [],
          temporary: [],
          version: 0,
        };
        res.json({
          ...found,
          balance: found.balance && { ...found.balance, byTown: found.balance.byTown.map(named) },
          parcels: found.parcels.map(named),
          suspendedTowns: await suspendedTownCodes(ctx.db),
        });
      },
    }),
    defineRoute({
      access: LandUseGrants['accept-compensation'],
      method: 'post',
      path: '/land/ledger/compensations',
      operationId: 'acceptCompensation',
      summary: '补充耕地验收入库（先补后占）；排队的申请按重点项目优先依次获批',
      tags: LU_TAGS,
      body: AcceptCompensationSchema,
      emptyBodyIsObject: true,
      responses: { 201: { description: '已入库', schema: LandViews.compensationAccepted } },
      problems: { 409: '地块已入库、验收日期晚于今天等', ...engineProblems },
      handler: async ({ body, user, requestId, res }) => {
        checkTown(body.townCode);
        const command = {
          actor: actorOf(user, requestId),
          body,
          suspendedTowns: await suspendedTownCodes(ctx.db),
        };
        const after = await sendUpdate(ctx, ledger(), acceptCompensationUpdate, {
          args: [command],
          action: 'accept-compensation',
          requestId,
          missing: LEDGER_MISSING,
        });
        const parcel = after.parcels.find((p) => p.parcelNo === body.parcelNo);
        res.status(201).json({ parcel, balance: after.balance, queue: after.queue });
      },
    }),
    defineRoute({
      access: LandUseGrants['request-occupation'],
      method: 'post',
      path: '/land/occupations',
      operationId: 'requestOccupation',
      summary: '建设占用耕地申请：占一补一、先补后占、占优补优；临时用地不核销指标，复垦期限两年',
      description:
        '201 批准（consumed 列出核销的补充耕地地块）；202 排队（waitIfShort，重点项目优先）；409 不予批准（rule、shortfallMu 说明哪条规则差多少亩）或该镇因年度考核未通过暂停办理（assessmentId）。',
      tags: LU_TAGS,
      body: RequestOccupationSchema,
      emptyBodyIsObject: true,
      responses: {
        201: { description: '已批准', schema: LandViews.occupationDecided },
        202: { description: '补充耕地不足，排队等待', schema: LandViews.occupationDecided },
      },
      problems: { 409: '不予批准，或该镇土地管理业务暂停', ...engineProblems },
      handler: async ({ body, user, requestId, res }) => {
        checkTown(body.townCode);
        await refuseIfSuspended(body.townCode, body.kind);
        const { occupation, ledger: after } = await sendUpdate(ctx, ledger(), requestOccupationUpdate, {
          args: [
            {
              actor: actorOf(user, requestId),
              body,
              // 政策参数: a temporary use approved now takes the current term; earlier ones keep theirs.
              ...(body.kind === 'temporary'
                ? { reclamationYears: await policyNumber(ctx.db, 'land.temporary-use-years') }
                : {}),
            },
          ],
          action: 'request-occupation',
          requestId,
          missing: LEDGER_MISSING,
        });
        if (occupation.state === 'refused') {
          throw problems.conflict(`${occupation.occupationId} ${occupation.refusal!.reason}`, {
            rule: occupation.refusal!.rule,
            shortfallMu: occupation.refusal!.shortfallMu,
            occupation,
            balance: after.balance,
          });
        }
        res.status(occupation.state === 'queued' ? 202 : 201).json({ occupation, balance: after.balance });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/occupations',
      operationId: 'listOccupations',
      summary: '用地申请（批准、不予批准、排队、已复垦）',
      tags: LU_TAGS,
      query: LandQuerySchemas.occupations,
      responses: { 200: { description: '用地申请', schema: LandViews.occupations } },
      handler: async ({ query, res }) => {
        const filter: Record<string, unknown> = {};
        if (query.state) filter.state = query.state;
        if (query.townCode) filter.townCode = query.townCode;
        if (query.kind) filter.kind = query.kind;
        const rows = await occupations(ctx.db).find(filter).sort({ filedAt: -1 }).limit(500).toArray();
        res.json({ occupations: rows.map(named) });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/occupations/:id',
      operationId: 'getOccupation',
      summary: '一项用地申请',
      tags: LU_TAGS,
      params: z.object({ id: z.string() }),
      responses: { 200: { description: '用地申请', schema: LandViews.occupation } },
      problems: { 404: '不存在' },
      handler: async ({ params, res }) => {
        const o = await occupations(ctx.db).findOne({ _id: params.id });
        if (!o) throw problems.notFound(`用地 ${params.id} 不存在`);
        res.json(named(o));
      },
    }),
    // ——— 临时用地复垦 ———
    defineRoute({
      ...readers,
      method: 'get',
      path: '/land/reclamations',
      operationId: 'listReclamations',
      summary: '待复垦的临时用地，按复垦期限（含预警颜色）',
      tags: LU_TAGS,
      responses: { 200: { description: '临时用地', schema: LandViews.reclamations } },
      handler: async ({ res }) => {
        const rows = await occupations(ctx.db)
          .find({ kind: 'temporary', state: 'approved' })
          .sort({ 'reclamation.deadline': 1 })
          .toArray();
        res.json({ reclamations: rows.map(named) });
      },
    }),
    defineRoute({
      access: LandUseGrants['confirm-reclamation'],
      method: 'post',
      path: '/land/reclamations/:id/confirm',
      operationId: 'confirmReclamation',
      summary: '临时用地复垦验收',
      tags: LU_TAGS,
      params: z.object({ id: z.string() }),
      body: ConfirmReclamationSchema,
      emptyBodyIsObject: true,
      responses: { 200: { description: '已复垦', schema: LandViews.occupation } },
      problems: { 409: '没有待复垦的该临时用地', ...engineProblems },
      handler: async ({ params, body, user, requestId, res }) => {
        const command = {
          actor: actorOf(user, requestId),
          body: { occupationId: params.id, ...(body.note ? { note: body.note } : {}) },
        };
        res.json(
          await sendUpdate(ctx, ledger(), confirmReclamationUpdate, {
            args: [command],
            action: 'confirm-reclamation',
            requestId,
            missing: LEDGER_MISSING,
          }),
        );
      },
    }),
  ];
}
