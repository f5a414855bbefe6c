// 四(三) monthly reports, 二(三) 一月一通报 and the quarterly ranking with its 约谈 listing, 一's targets.
import { civilDateOf } from '@duban/calendar';
import {
  HttpProblem,
  actorOf,
  defineRoute,
  problems,
  type ProcessRouteContext,
  type Route,
  XLSX,
  sendXlsx,
} from '@duban/http';
import {
  ProjectQualityEvents,
  ProjectQualityGrants,
  UnitYearActionBodies,
  previousQuarter,
  standings2019,
  weekOf,
  weeklyDispatch,
  type QuarterKey,
  type UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';
import { figures, stripDoc, unitYears } from '../collections';
import { publishFact, untilProjected } from '../ledger/facts';
import { latestProgress, monthlyNotice, quarterRanking, talkFigures, talksFor } from '../notice/notice';
import { noticeWorkbook } from '../notice/sheet';
import { PQ_TAGS, PqBodies, PqParams, PqViews, binary } from '../schemas';
import { openUnitYear, sendUnitYearAction } from '../temporal';
import { ledgerOf, readers } from './ledger';

const actionProblems = {
  404: '该单位的年度报送尚未建立',
  409: '不是本单位、本月已报送、月份未到或项目不在本单位台账中',
  503: '工作流引擎暂不可用',
  504: '工作流未按时答复',
};

async function yearsAround(ctx: ProcessRouteContext, years: number[]): Promise<UnitYearSnapshot[]> {
  const docs = await unitYears(ctx.db)
    .find({ year: { $in: years } })
    .limit(2000)
    .toArray();
  return docs.map(({ updatedAt: _u, ...y }) => stripDoc(y));
}

/** 一's targets as they stand today (the year's end once it is over), with 统计局's latest growth. */
async function targets2019(ctx: ProcessRouteContext) {
  const years = await yearsAround(ctx, [2019]);
  const today = civilDateOf(ctx.now());
  const asOf = today < '2019-12-31' ? today : '2019-12-31';
  const growth = await figures(ctx.db).findOne({ _id: 'growth|2019' });
  return standings2019(
    await ledgerOf(ctx),
    latestProgress(years, 2019, Number(asOf.slice(5, 7))),
    asOf,
    growth?.value ?? null,
  ).map((t) =>
    t.key === 'growth' && growth ? { ...t, basis: `${t.basis}（截至 ${growth.asOf}，${growth.source}）` } : t,
  );
}

export function reportingRoutes(ctx: ProcessRouteContext): Route[] {
  const deps = { temporal: ctx.temporal, db: ctx.db, ...(ctx.taskQueue ? { taskQueue: ctx.taskQueue } : {}) };
  return [
    defineRoute({
      method: 'post',
      path: '/project-quality/years/:year/open',
      operationId: 'pqOpenYear',
      summary: '建立各责任单位的年度报送（台账中有项目的单位，每月报送日报发改局，四(三)）',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.ledger,
      params: PqParams.year,
      body: PqBodies.open,
      responses: { 200: { description: '各单位', schema: PqViews.opened } },
      handler: async ({ params, body, res }) => {
        const ledger = (await ledgerOf(ctx)).filter(
          (p) => !p.closedOn || Number(p.closedOn.slice(0, 4)) >= params.year,
        );
        const byUnit = new Map<string, string[]>();
        for (const p of ledger) byUnit.set(p.unitCode, [...(byUnit.get(p.unitCode) ?? []), p.projectId]);
        const out = [];
        for (const [unitCode, projectIds] of byUnit) {
          const created = await openUnitYear(deps, {
            unitCode,
            year: params.year,
            fromMonth: body.fromMonth,
            projectIds,
          });
          out.push({ unitCode, projects: projectIds.length, created });
        }
        res.json(out);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/years/:year/units',
      operationId: 'pqUnitYears',
      summary: '各单位的年度报送：每月报送日、颜色、报送内容',
      tags: PQ_TAGS,
      params: PqParams.year,
      responses: { 200: { description: '各单位', schema: PqViews.unitYears } },
      handler: async ({ params, res }) => {
        res.json(await yearsAround(ctx, [params.year]));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/units/:unit/years/:year/actions/report',
      operationId: 'pqReport',
      summary: '报送本单位当月工作情况及各项目进展（四(三)：每月报送日前报发改局）',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.report,
      params: PqParams.unitYear,
      body: UnitYearActionBodies.report,
      responses: { 200: { description: '本单位的年度报送', schema: PqViews.unitYear } },
      problems: actionProblems,
      handler: async ({ params, body, user, requestId, res }) => {
        const command = {
          action: 'report' as const,
          actor: actorOf(user, requestId),
          body: body as Record<string, unknown>,
        };
        res.json(await sendUnitYearAction(ctx, params.unit, params.year, command));
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/notices/:year/:month',
      operationId: 'pqNotice',
      summary: '一月一通报：重点项目投资完成率、开工率，各单位报送情况（二(三)、四(五)）',
      tags: PQ_TAGS,
      params: PqParams.month,
      responses: { 200: { description: '月度通报', schema: PqViews.notice } },
      handler: async ({ params, res }) => {
        res.json(
          monthlyNotice(
            await ledgerOf(ctx),
            await yearsAround(ctx, [params.year]),
            params.year,
            params.month,
          ),
        );
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/notices/:year/:month/notice.xlsx',
      operationId: 'pqNoticeSheet',
      summary: '一月一通报（xlsx）',
      tags: PQ_TAGS,
      params: PqParams.month,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: binary() } },
      handler: async ({ params, res }) => {
        const n = monthlyNotice(
          await ledgerOf(ctx),
          await yearsAround(ctx, [params.year]),
          params.year,
          params.month,
        );
        sendXlsx(res, await noticeWorkbook(n), `notice-${params.year}-${params.month}.xlsx`);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/rankings/:quarter',
      operationId: 'pqRanking',
      summary: '季度排名（投资完成率、开工率，并列同名次）与连续2季度末位的单位（二(三)）',
      tags: PQ_TAGS,
      params: PqParams.quarter,
      responses: { 200: { description: '季度排名', schema: PqViews.ranking } },
      handler: async ({ params, res }) => {
        const q = params.quarter as QuarterKey;
        const prev = previousQuarter(q);
        const years = await yearsAround(ctx, [Number(prev.slice(0, 4)), Number(q.slice(0, 4))]);
        const ledger = await ledgerOf(ctx);
        const r = quarterRanking(ledger, years, q);
        res.json({
          ...r,
          talks: talksFor(ledger, years, q, prev).map((t) => ({ ...t, figures: talkFigures(t) })),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/talks/:quarter',
      operationId: 'pqListTalks',
      summary: '提出约谈名单：连续2季度排名末位的单位（二(三)）；告警领导小组，列入督查室待办',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.summon,
      params: PqParams.quarter,
      responses: { 200: { description: '列入约谈的单位', schema: PqViews.talks } },
      problems: actionProblems,
      handler: async ({ params, user, requestId, res }) => {
        const q = params.quarter as QuarterKey;
        const prev = previousQuarter(q);
        const years = await yearsAround(ctx, [Number(prev.slice(0, 4)), Number(q.slice(0, 4))]);
        const talks = talksFor(await ledgerOf(ctx), years, q, prev);
        const out = [];
        for (const t of talks) {
          const body = {
            quarter: q,
            previous: prev,
            measures: t.measures.map((m) => m.measure),
            figures: talkFigures(t),
          };
          // One Update per unit, each with its own id, so a retried request lists each unit once.
          const actor = actorOf(user, `${requestId}:${t.unitCode}`);
          await sendUnitYearAction(ctx, t.unitCode, Number(q.slice(0, 4)), { action: 'summon', actor, body });
          out.push({ unitCode: t.unitCode, ...body });
        }
        res.json(out);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/dispatch/:date',
      operationId: 'pqWeeklyDispatch',
      summary: '每周调度会的项目：3月底前开工的项目，上半年每周一次（四(二)）',
      tags: PQ_TAGS,
      params: PqParams.date,
      responses: { 200: { description: '调度项目', schema: PqViews.dispatch } },
      handler: async ({ params, res }) => {
        const year = Number(params.date.slice(0, 4));
        const years = await yearsAround(ctx, [year]);
        const progress = latestProgress(years, year, Number(params.date.slice(5, 7)));
        res.json({
          week: weekOf(params.date),
          projects: weeklyDispatch(await ledgerOf(ctx), progress, params.date),
        });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/targets/:year',
      operationId: 'pqTargets',
      summary: '2019年主要目标（一）：由台账与各单位报送计算，对照目标（以上含本数）',
      tags: PQ_TAGS,
      params: PqParams.year,
      responses: { 200: { description: '各项目标', schema: PqViews.targets } },
      problems: { 404: '只有2019年的目标' },
      handler: async ({ params, res }) => {
        if (params.year !== 2019) throw problems.notFound('40号只规定了2019年的目标');
        res.json(await targets2019(ctx));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/targets/:year/growth',
      operationId: 'pqReportGrowth',
      summary: '统计局报送固定资产投资增速（一(一)：由去年下降17.3%实现正增长），对照目标',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.growth,
      params: PqParams.year,
      body: PqBodies.growth,
      responses: { 200: { description: '各项目标', schema: PqViews.targets } },
      problems: { 404: '只有2019年的目标', 409: '统计期不在该年内' },
      handler: async ({ params, body, user, requestId, res }) => {
        if (params.year !== 2019) throw problems.notFound('40号只规定了2019年的目标');
        if (!body.asOf.startsWith(`${params.year}-`))
          throw new HttpProblem(409, `统计期截止日 ${body.asOf} 不在${params.year}年内`);
        // A fact; its projection keeps the latest period (an earlier one does not replace a later one).
        const sequence = await publishFact(
          ctx,
          { user, requestId },
          {
            type: ProjectQualityEvents.GrowthFigureReported.type,
            id: `project-quality/growth/${params.year}/${requestId}`,
            subject: `growth-${params.year}`,
            data: { year: params.year, ...body },
          },
        );
        await untilProjected(async () => {
          const stored = await figures(ctx.db).findOne({ _id: `growth|${params.year}` });
          return !!stored && (stored.version >= sequence || stored.asOf > body.asOf);
        });
        res.json(await targets2019(ctx));
      },
    }),
  ];
}
