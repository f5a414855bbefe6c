// 指标: indicators from the gazette import (every document with numbers), each unit's yearly value
// with its source, met or missed.
import {
  HttpProblem,
  actorOf,
  defineRoute,
  problems,
  type ProcessRouteContext,
  type Route,
} from '@duban/http';
import { parseGazette } from '@duban/gazette';
import { policyNumber } from '@duban/policy/store';
import { ProjectQualityGrants } from '@duban/workflow-project-quality/client';
import { z } from 'zod';
import type { Filter } from 'mongodb';
import { indicatorReports, indicators, stripDoc, type IndicatorDoc } from '../collections';
import { trackedIndicators, type TrackedIndicator } from '../indicators/catalog';
import { indicatorReportDue, standingOf, type IndicatorStanding } from '../indicators/standing';
import { sendIndicatorYearAction, trackIndicators } from '../temporal';
import { PQ_TAGS, PqBodies, PqParams, PqViews } from '../schemas';
import { readers } from './ledger';

const IndicatorQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unit: z.string().max(60).optional(),
  doc: z.string().max(60).optional(),
});

/** The indicators matching `filter`, each with its reported value and standing now. */
export async function indicatorStandings(
  ctx: ProcessRouteContext,
  filter: Filter<IndicatorDoc> = {},
): Promise<(TrackedIndicator & IndicatorStanding)[]> {
  const list = await indicators(ctx.db).find(filter).sort({ docNo: 1, year: 1 }).limit(2000).toArray();
  const reports = await indicatorReports(ctx.db)
    .find({ indicatorId: { $in: list.map((i) => i._id) } })
    .toArray();
  const window = await policyNumber(ctx.db, 'alerts.warning-window-days');
  const now = ctx.now();
  return list.map(({ importedAt: _i, ...doc }) => {
    const i = stripDoc(doc);
    const r = reports.find((x) => x.indicatorId === doc._id) ?? null;
    return { ...i, ...standingOf(i, r, now, window) };
  });
}

export function indicatorRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/project-quality/indicators/import',
      operationId: 'pqImportIndicators',
      summary: '从政府公报（markdown）导入各文件的指标：名称、单位、目标、比较、年份、牵头单位',
      description: '与目录导入同一解析器（@duban/gazette）；重复导入同一公报不新增指标。',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.ledger,
      rawBody: { types: { 'text/markdown': z.string(), 'text/plain': z.string() }, limit: '10mb' },
      responses: { 200: { description: '导入结果', schema: PqViews.indicatorImport } },
      problems: { 415: '请以 text/markdown 上传公报' },
      handler: async ({ req, res, user, requestId }) => {
        const text: unknown = req.body;
        if (!Buffer.isBuffer(text) && typeof text !== 'string')
          throw new HttpProblem(415, '请以 text/markdown 上传公报');
        if (text.length === 0) throw new HttpProblem(400, '公报内容为空');
        const parsed = parseGazette(text.toString());
        let count = 0;
        let documents = 0;
        const now = ctx.now();
        const byUnitYear = new Map<string, TrackedIndicator[]>();
        for (const doc of parsed.documents) {
          const found = trackedIndicators(doc);
          if (found.length) documents += 1;
          for (const i of found) {
            await indicators(ctx.db).replaceOne({ _id: i.id }, { ...i, importedAt: now }, { upsert: true });
            const key = `${i.unitCode}|${i.year}`;
            byUnitYear.set(key, [...(byUnitYear.get(key) ?? []), i]);
            count += 1;
          }
        }
        // Each lead unit's indicators of a year on their workflow: the report date's ladder as facts.
        for (const [key, list] of byUnitYear) {
          const [unitCode, year] = key.split('|') as [string, string];
          await trackIndicators(
            ctx,
            {
              unitCode,
              year: Number(year),
              indicators: list.map((i) => ({
                indicatorId: i.id,
                name: i.name,
                comparison: i.comparison,
                target: i.target,
                unit: i.unit,
                due: indicatorReportDue(i),
              })),
            },
            actorOf(user, `${requestId}:${key}`),
          );
        }
        res.json({ documents, indicators: count });
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/project-quality/indicators',
      operationId: 'pqIndicators',
      summary: '指标：目标、比较、年份、牵头单位，报送值与来源，达标与否',
      tags: PQ_TAGS,
      query: IndicatorQuery,
      responses: { 200: { description: '指标', schema: PqViews.indicators } },
      handler: async ({ query, res }) => {
        const filter = {
          ...(query.year ? { year: query.year } : {}),
          ...(query.unit ? { unitCode: query.unit } : {}),
          ...(query.doc ? { docNo: query.doc } : {}),
        };
        res.json(await indicatorStandings(ctx, filter));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/project-quality/indicators/:id/reports',
      operationId: 'pqReportIndicator',
      summary: '牵头单位报送指标的年度值及数据来源，计算达标与否',
      tags: PQ_TAGS,
      access: ProjectQualityGrants.indicator,
      params: PqParams.indicator,
      body: PqBodies.indicatorReport,
      responses: { 200: { description: '指标及其达标情况', schema: PqViews.indicators.element } },
      problems: { 404: '指标不存在', 409: '只有牵头单位可以报送' },
      handler: async ({ params, body, user, requestId, res }) => {
        const doc = await indicators(ctx.db).findOne({ _id: params.id });
        if (!doc) throw problems.notFound(`指标 ${params.id} 不存在`);
        if (!doc.leadUnits.includes(user.unitCode ?? ''))
          throw new HttpProblem(409, `指标“${doc.name}”由 ${doc.leadUnits.join('、')} 报送`);
        // The value is a fact of the unit's indicator year (its projection writes the report).
        await sendIndicatorYearAction(ctx, doc.unitCode, doc.year, {
          action: 'report',
          actor: actorOf(user, requestId),
          body: { indicatorId: doc._id, value: body.value, source: body.source },
        });
        const { importedAt: _i, ...rest } = doc;
        const i = stripDoc(rest);
        res.json({
          ...i,
          ...standingOf(i, body, ctx.now(), await policyNumber(ctx.db, 'alerts.warning-window-days')),
        });
      },
    }),
  ];
}
