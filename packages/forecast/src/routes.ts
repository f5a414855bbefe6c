import { z } from 'zod';
import { civilDateOf } from '@duban/calendar';
import { ReadModels } from '@duban/contracts';
import { loadConfig } from '@duban/config';
import { CivilDateQuery, defineRoute, problems, type ProcessRouteContext, type Route } from '@duban/http';
import { policyNumber } from '@duban/policy/store';
import { STEP_KINDS, stepDaysOf, type StepDurations, type UnitDuration } from './durations';
import { ForecastRequest, ForecastRunView, type ForecastResult } from './forecast-view';
import { forecastItemOf } from './items';
import { measuredDurations } from './measured';
import { openItemsOf } from './open-items';
import { forecastDocument, type ForecastItem } from './plan';
import { ForecastQueueFull, ForecastRuns } from './runs';
import { simulate, testServerIn, type Scenario } from './simulate';

/** Real time one simulation may take; a document's few items take seconds. */
const SIMULATION_TIMEOUT_MS = 180_000;

const Query = z.object({
  docNo: z.string().min(1).max(100),
  /** Default: today. */
  startOn: CivilDateQuery.optional(),
  /** Working days per milestone for every unit; default: policy forecast.step-working-days. */
  days: z.coerce.number().int().min(1).max(250).optional(),
  /** What-if: this unit `slowerDays` working days slower per milestone (negative: faster). */
  unit: z.string().min(1).max(60).optional(),
  slowerDays: z.coerce.number().int().min(-250).max(250).optional(),
});

const Milestone = z.object({
  key: z.string(),
  date: z.string(),
  doneOn: z.string(),
  blueFrom: z.string().nullable(),
  redFrom: z.string().nullable(),
  lateDays: z.number(),
});
const ForecastView = z.object({
  docNo: z.string(),
  startOn: z.string(),
  days: z.number(),
  items: z.array(
    z.object({
      itemId: z.string(),
      ref: z.string(),
      title: z.string(),
      units: z.array(z.string()),
      milestones: z.array(Milestone),
      late: z.boolean(),
    }),
  ),
  lateItems: z.array(z.string()),
  lateUnits: z.array(z.object({ unit: z.string(), lateMilestones: z.number() })),
  load: z.array(z.object({ unit: z.string(), week: z.string(), steps: z.number() })),
});

interface ItemRow {
  itemId: string;
  ref: string;
  title: string;
  leadUnits: string[];
  deadline: string | null;
  milestones?: { key: string; date: string; doneAt: string | null }[];
}

export interface ForecastRouteOptions {
  /** Default: the test server in the configured engines folder. */
  testServerPath?: string;
  timeoutMs?: number;
}

/**
 * GET /api/forecast: the calendar's quick estimate. POST /api/forecast and GET /api/forecast/{id}:
 * the simulation, in the background, one at a time. Both read the read model and write nowhere.
 */
export function forecastRoutes(ctx: ProcessRouteContext, options: ForecastRouteOptions = {}): Route[] {
  const runs = new ForecastRuns<ForecastRequest, ForecastResult>({ maxWaiting: 3, keepFinished: 20 });
  const viewOf = (id: string) => {
    const run = runs.get(id);
    return run ? { ...run, position: runs.positionOf(id) } : undefined;
  };
  return [
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/forecast',
      operationId: 'forecastDocument',
      summary: '预测：按各单位办理步速，一份文件的哪些节点会临期、逾期，何时；各单位每周的工作量',
      description:
        '未办结事项从 startOn（默认今日）起依次办理各节点，每个节点用 days 个工作日（默认政策参数 forecast.step-working-days）；' +
        'unit 与 slowerDays 试算某单位慢（正数）或快（负数）多少个工作日。只计算，不写入任何数据。',
      tags: ['forecast'],
      query: Query,
      responses: { 200: { description: '预测', schema: ForecastView } },
      problems: { 404: '没有这份文件的在办事项' },
      handler: async ({ query, res }) => {
        const rows = await ctx.db
          .collection<ItemRow>(ReadModels.items)
          .find(
            { docNo: query.docNo, state: { $ne: 'closed' } },
            { projection: { itemId: 1, ref: 1, title: 1, leadUnits: 1, deadline: 1, milestones: 1 } },
          )
          .sort({ ref: 1 })
          .toArray();
        if (rows.length === 0) throw problems.notFound(`没有 ${query.docNo} 的在办事项`);
        const items = rows
          .map((r) => forecastItemOf({ ...r, milestones: r.milestones?.filter((m) => m.doneAt === null) }))
          .filter((i): i is ForecastItem => i !== null);
        const days = query.days ?? (await policyNumber(ctx.db, 'forecast.step-working-days'));
        const startOn = query.startOn ?? civilDateOf(ctx.now());
        const forecast = forecastDocument(items, {
          startOn,
          durations: { defaultDays: days },
          ...(query.unit && query.slowerDays
            ? { whatIf: { slower: { unit: query.unit, days: query.slowerDays } } }
            : {}),
        });
        res.json({ docNo: query.docNo, days, ...forecast });
      },
    }),
    defineRoute({
      access: { roles: ['inspector', 'leader'] },
      method: 'post',
      path: '/forecast',
      operationId: 'startForecast',
      summary:
        '预测（模拟）：在独立的时间跳跃服务器上运行文件各事项的督办流程，预测节点何时完成、何时临期或逾期',
      description:
        '立即答复 202 与预测任务（Location 指向任务），在后台运行：各在办事项的未完成部分按产品的同一督办流程重新启动，' +
        '模拟各单位按步速（已办结事项测得的中位数，样本不足时用政策参数 forecast.step-working-days 或 days）签收、完成节点、' +
        '完成配合任务、申请办结；计时器与预警照常触发。whatIf 给出某单位慢/快若干工作日、对事项或单位延期若干天，与不加设想的预测同跑一次。' +
        '事件只记在内存，不写入任何读模型或消息总线。一次只运行一个预测，排队已满答复 409。',
      tags: ['forecast'],
      body: ForecastRequest,
      responses: { 202: { description: '预测任务已排队（Location 为任务地址）', schema: ForecastRunView } },
      problems: { 404: '没有这份文件的在办事项，或其事项都没有期限', 409: '预测排队已满' },
      handler: async ({ body, res }) => {
        const items = await openItemsOf(ctx.db, body.docNo);
        if (!items) throw problems.notFound(`没有 ${body.docNo} 的在办事项（文号须与目录一致）`);
        if (items.dated.length === 0)
          throw problems.notFound(`${body.docNo} 的在办事项都没有期限，没有可预测的节点`);
        const defaultDays = body.days ?? (await policyNumber(ctx.db, 'forecast.step-working-days'));
        const durations: StepDurations = { defaultDays, measured: await measuredDurations(ctx.db) };
        const startOn = body.startOn ?? civilDateOf(ctx.now());
        const scenarios: Scenario[] = [
          { key: 'base' },
          ...(body.whatIf?.slower?.length || body.whatIf?.extensions?.length
            ? [{ key: 'what-if', whatIf: body.whatIf }]
            : []),
        ];
        const testServerPath = options.testServerPath ?? testServerIn(loadConfig().enginesDir);
        let run;
        try {
          run = runs.submit({ ...body, startOn }, async () => {
            const simulation = await simulate(
              { startOn, items: items.dated, durations, scenarios },
              { testServerPath, timeoutMs: options.timeoutMs ?? SIMULATION_TIMEOUT_MS },
            );
            return {
              docNo: body.docNo,
              startOn,
              engine: 'temporal-time-skipping' as const,
              defaultDays,
              durations: durationsUsed(
                items.dated.map((d) => d.item),
                durations,
              ),
              undatedItems: items.undated,
              scenarios: simulation.scenarios,
              timings: simulation.timings,
            };
          });
        } catch (error) {
          if (error instanceof ForecastQueueFull) throw problems.conflict(error.message);
          throw error;
        }
        res.status(202).location(`/api/forecast/${run.id}`).json(viewOf(run.id));
      },
    }),
    defineRoute({
      access: 'user',
      method: 'get',
      path: '/forecast/:id',
      operationId: 'getForecast',
      summary: '预测（模拟）任务：排队、运行中、完成（附结果）或失败（附原因）',
      tags: ['forecast'],
      params: z.object({ id: z.string().min(1).max(100) }),
      responses: { 200: { description: '预测任务', schema: ForecastRunView } },
      problems: { 404: '没有这个预测任务（或已被较新的任务替换）' },
      handler: ({ params, res }) => {
        const view = viewOf(params.id);
        if (!view) throw problems.notFound(`没有预测任务 ${params.id}`);
        res.json(view);
      },
    }),
  ];
}

/** The duration each unit of the items takes for its kind of step, and where it came from. */
function durationsUsed(
  items: readonly { leadUnits: string[]; cooperatingUnits?: string[] }[],
  durations: StepDurations,
): UnitDuration[] {
  const wanted = new Set(
    items.flatMap((i) => [
      ...i.leadUnits.map((u) => `${u} step`),
      ...(i.cooperatingUnits ?? []).map((u) => `${u} subtask`),
    ]),
  );
  return [...wanted].sort().flatMap((key) => {
    const [unit = '', kind] = key.split(' ');
    const k = STEP_KINDS.find((s) => s === kind)!;
    const measured = durations.measured?.find((d) => d.unit === unit && d.kind === k);
    return [
      measured ?? {
        unit,
        kind: k,
        days: stepDaysOf(durations, unit, k),
        source: 'default' as const,
        samples: 0,
      },
    ];
  });
}
