// GET /api/scorecard/:period and its xlsx (issue 23, point 5): the unit scorecard of a quarter or
// a year, computed on request from the read models (rebuilt from the stream), so it never drifts.
import { z } from 'zod';
import { policySetting } from '@duban/policy';
import { defineRoute, problems, type ProcessRouteContext, type Route, XLSX, sendXlsx } from '@duban/http';
import { periodOf, scorecardOf } from '../scorecard/figures';
import { scorecardInputs } from '../scorecard/read';
import { scorecardWorkbook } from '../scorecard/workbook';

const PeriodParams = z.object({
  period: z
    .string()
    .regex(/^\d{4}(Q[1-4])?$/)
    .meta({ description: '季度（2020Q4）或年度（2020），2019–2100' }),
});
const access = { roles: ['inspector', 'leader'] } as const;

export function scorecardRoutes(ctx: ProcessRouteContext): Route[] {
  const rules = String(policySetting('assessment.score-rules')?.defaultValue ?? '');
  async function figuresOf(key: string) {
    const period = periodOf(key);
    if (!period)
      throw problems.invalid([{ field: 'params.period', message: '季度或年度须在 2019–2100 之间' }]);
    // Judged at the period's end, or now while it runs.
    const judgedAt = Math.min(ctx.now().getTime(), Date.parse(`${period.to}T23:59:59.999+08:00`));
    const { items, extensions } = await scorecardInputs(ctx.db);
    return { period, judgedAt, figures: scorecardOf(items, extensions, period, judgedAt) };
  }
  return [
    defineRoute({
      method: 'get',
      path: '/scorecard/:period',
      operationId: 'unitScorecard',
      summary: '单位督办考核表',
      description:
        '每个单位在季度或年度内：到期事项与子任务、按期办结、逾期办结、逾期未办结、逾期天数、收到催办与逾期反馈、' +
        '申请与获批延期、办结评价，按期办结率与名次。计分规则见政策设置 assessment.score-rules。',
      tags: ['items'],
      access,
      params: PeriodParams,
      responses: { 200: { description: '考核表', schema: z.looseObject({}) } },
      handler: async ({ params, res }) => {
        const { period, judgedAt, figures } = await figuresOf(params.period);
        res.json({ period, judgedAt: new Date(judgedAt).toISOString(), rules, units: figures });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/scorecard/:period/xlsx',
      operationId: 'unitScorecardXlsx',
      summary: '单位督办考核表（xlsx）',
      tags: ['items'],
      access,
      params: PeriodParams,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: z.string() } },
      handler: async ({ params, res }) => {
        const { period, figures } = await figuresOf(params.period);
        const file = await scorecardWorkbook(period, figures, rules);
        sendXlsx(res, file, `scorecard-${period.key}.xlsx`, `单位督办考核-${period.key}.xlsx`);
      },
    }),
  ];
}
