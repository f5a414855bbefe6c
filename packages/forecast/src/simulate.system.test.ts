import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ReadModels } from '@duban/contracts';
import {
  errorHandler,
  mountRoutes,
  type Principal,
  type ProcessRouteContext,
  type RouteAuth,
} from '@duban/http';
import { policySetting } from '@duban/policy';
import { loadGazetteFile, startItemFor, supervisionCandidates } from '@duban/service-catalog';
import { connectStore, type Store } from '@duban/store';
import { SupervisionEvents, type StartItem } from '@duban/workflow-supervision/client';
import type { ForecastResult } from './forecast-view';
import { forecastRoutes } from './routes';
import { simulate, type Simulation } from './simulate';

const GAZETTE = path.resolve(import.meta.dirname, '../../../data/gazette/qingtongxia-gazette-2019-02.md');
const DOC = '青政办发〔2019〕31号';
const DEFAULT_DAYS = policySetting('forecast.step-working-days')!.defaultValue as number;
const P2 = 'qzbf-2019-31.4.p2'; // 四.(二) 全面整改 (教育局): 6月底, 9月底, 11月底, 2020年12月底
const P3 = 'qzbf-2019-31.3.p3'; // 三.(三) (住建局, four cooperating units): 2019年9月底, 2020年底

let gazetteItems: StartItem[];
beforeAll(async () => {
  const { parsed } = await loadGazetteFile(GAZETTE);
  gazetteItems = supervisionCandidates(parsed.documents)
    .map((c) => startItemFor(c.document, c.task))
    .filter((i): i is StartItem => i?.docNo === DOC);
});

// Issue 22 point 3: a forecast of 青政办发〔2019〕31号 from the day it was issued (2019-04-21) runs
// its dated items' own supervision workflows on a time-skipping server, each unit taking the
// default pace (policy forecast.step-working-days) per step, beside two what-ifs on the same
// server and clock: 教育局 15 working days faster per step, and 四.(二) granted 90 days.
describe('forecast of 31号 by simulation', () => {
  let simulation: Simulation;
  const scenario = (key: string) => simulation.scenarios.find((s) => s.key === key)!;
  const item = (key: string, itemId: string) => scenario(key).items.find((i) => i.itemId === itemId)!;
  beforeAll(async () => {
    simulation = await simulate(
      {
        startOn: '2019-04-21',
        items: gazetteItems.filter((i) => i.deadline !== null).map((item) => ({ item })),
        durations: { defaultDays: DEFAULT_DAYS },
        scenarios: [
          { key: 'base' },
          { key: 'edu-faster', whatIf: { slower: [{ unit: 'edu', days: -15 }] } },
          { key: 'p2-extended', whatIf: { extensions: [{ itemId: P2, days: 90 }] } },
        ],
      },
      { testServerPath: inject('stack').testServerPath, timeoutMs: 90_000 },
    );
  });

  it('names the units whose steps would be late, and fewer when one of them is faster', () => {
    const base = scenario('base');
    expect(base.refused).toEqual([]);
    // 四.(二): a quarter's pace from 4月21日 misses 6月底 (done 7月16日): blue from 6月24日, red from
    // 7月1日, as the workflow's own ladder said; so do 9月底 and 11月底. 三.(三) keeps its dates.
    const p2 = item('base', P2);
    expect(p2.milestones[0]).toMatchObject({
      key: '2019-06-30',
      doneOn: '2019-07-16',
      blueFrom: '2019-06-24',
      redFrom: '2019-07-01',
      lateDays: 16,
    });
    expect(p2.milestones.filter((m) => m.redFrom).map((m) => m.key)).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2019-11-30',
    ]);
    expect(p2).toMatchObject({ redFrom: '2019-07-01', predictedCompletion: '2020-04-08', late: true });
    expect(item('base', P3)).toMatchObject({ late: false, redFrom: null });
    expect(base.lateUnits).toEqual([{ unit: 'edu', lateItems: [P2] }]);
    // Each unit's steps by week: in the week of 7月15日 教育局 finishes 四.(二)'s 6月底 and its part of 三.(三).
    expect(base.load).toContainEqual({ unit: 'edu', week: '2019-07-15', steps: 2 });

    const faster = scenario('edu-faster');
    expect(faster.refused).toEqual([]);
    expect(faster.lateUnits.length).toBeLessThan(base.lateUnits.length);
    expect(item('edu-faster', P2).milestones[0]!.doneOn! < '2019-06-30').toBe(true);
  });

  it('an extension granted moves an item out of red', () => {
    const extended = item('p2-extended', P2);
    expect(extended).toMatchObject({ extensionDays: 90, late: false, redFrom: null });
    expect(extended.milestones[0]).toMatchObject({ key: '2019-06-30', date: '2019-09-28', redFrom: null });
    expect(scenario('p2-extended').lateUnits).toEqual([]);
  });
});

// The API over the read model: the open items of the document, the medians measured on closed
// items, the run in the background; nothing written to the read models.
describe('POST /api/forecast', () => {
  let store: Store;
  let base: string;
  let close: () => Promise<void>;
  const inspector: Principal = { username: 'inspector', name: '督查室', role: 'inspector', unitCode: null };
  const auth: RouteAuth = { authenticate: () => (_req, _res, next) => next(), principalOf: () => inspector };
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, location: res.headers.get('location'), body: (await res.json()) as never };
  };

  beforeAll(async () => {
    const stack = inject('stack');
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_forecast`);
    await store.db.dropDatabase();
    // 31号's items as the projector keeps them, all open; and three closed items of 教育局's
    // that each took 20 working days from assignment to the close request (its measured median).
    await store.db.collection(ReadModels.items).insertMany(
      gazetteItems.map((i) => ({
        _id: i.itemId,
        ...i,
        state: 'assigned',
        subTasks: (i.cooperatingUnits ?? []).map((unitCode) => ({
          unitCode,
          state: 'assigned',
          deadline: i.deadline,
          colour: 'green',
          lastProgressAt: null,
        })),
        milestones: i.milestones?.map((m) => ({ ...m, colour: 'green', redSince: null, doneAt: null })),
      })) as never[],
    );
    for (const n of [1, 2, 3]) {
      const itemId = `closed-${n}`;
      await store.db
        .collection(ReadModels.items)
        .insertOne({ _id: itemId, itemId, docNo: '旧文件', state: 'closed' } as never);
      await store.db
        .collection(ReadModels.timeline)
        .insertMany([
          entry(itemId, 1, SupervisionEvents.ItemAssigned.type, 'assigned', '2019-03-01T02:00:00Z', null),
          entry(
            itemId,
            2,
            SupervisionEvents.CloseRequested.type,
            'close-requested',
            '2019-03-29T02:00:00Z',
            'edu',
          ),
        ] as never[]);
    }
    const ctx = {
      db: store.db,
      logger: pino({ level: 'silent' }),
      now: () => new Date('2019-04-21T01:00:00Z'),
    };
    const app = express();
    const api = express.Router();
    api.use(express.json());
    mountRoutes(
      api,
      forecastRoutes(ctx as unknown as ProcessRouteContext, {
        testServerPath: stack.testServerPath,
        timeoutMs: 90_000,
      }),
      auth,
    );
    app.use('/api', api);
    app.use(errorHandler());
    const server = app.listen(0);
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });

  afterAll(async () => {
    await close?.();
    await store?.db.dropDatabase();
    await store?.close();
  });

  it('answers 404 for a document it does not have', async () => {
    const res = await call('POST', '/forecast', { docNo: '青政办发〔2099〕1号' });
    expect(res.status).toBe(404);
    expect((res.body as { detail: string }).detail).toMatch(/没有 青政办发〔2099〕1号 的在办事项/);
  });

  it('runs in the background with the medians of closed items: 教育局 at 20 working days is late nowhere', async () => {
    const before = await store.db.collection(ReadModels.items).find({}).sort({ _id: 1 }).toArray();
    const started = await call('POST', '/forecast', { docNo: DOC });
    expect(started.status).toBe(202);
    const { id } = started.body as { id: string };
    expect(started.location).toBe(`/api/forecast/${id}`);
    let run = started.body as { status: string; result: ForecastResult | null; error: string | null };
    while (run.status === 'queued' || run.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      run = (await call('GET', `/forecast/${id}`)).body;
    }
    expect(run.error).toBeNull();
    const result = run.result!;
    expect(result).toMatchObject({ docNo: DOC, startOn: '2019-04-21', engine: 'temporal-time-skipping' });
    expect(result.durations).toContainEqual({
      unit: 'edu',
      kind: 'step',
      days: 20,
      source: 'measured',
      samples: 3,
    });
    expect(result.durations).toContainEqual({
      unit: 'hous',
      kind: 'step',
      days: DEFAULT_DAYS,
      source: 'default',
      samples: 0,
    });
    expect(result.undatedItems.map((i) => i.ref)).toEqual(['三.(一)', '三.(二)', '三.(四)', '四.(一)']);
    expect(result.scenarios.map((s) => s.key)).toEqual(['base']);
    expect(result.scenarios[0]!.lateUnits).toEqual([]);
    expect(await store.db.collection(ReadModels.items).find({}).sort({ _id: 1 }).toArray()).toEqual(before);
    expect((await call('GET', '/forecast/no-such-run')).status).toBe(404);
  });
});

function entry(
  itemId: string,
  version: number,
  type: string,
  step: string,
  at: string,
  unitCode: string | null,
) {
  return {
    _id: `supervision-${itemId}/${step}/${version}`,
    itemId,
    version,
    type,
    fact: step,
    summary: step,
    at: new Date(at),
    actor: { userId: unitCode ? `bureau-${unitCode}` : null, unitCode, requestId: null },
    data: {},
  };
}
