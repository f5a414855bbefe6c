// Benchmark (not a test), issue 20 point 5: the read paths of the cockpit at city scale — 100,000
// supervision items over 200 units and 5 years (seed.ts) — each p95 against an equality find by
// `_id` on the same store, in the same run. The read paths are the routes' own handlers called
// in-process (no HTTP, no auth: the store is what is measured). A FerretDB of its own.
// Usage: pnpm bench readmodels [size=100000] or pnpm tsx bench/src/read-models/main.ts [size] [samples]
import { MongoClient, type Db } from 'mongodb';
import { ReadModels } from '@duban/contracts';
import type { Principal, Route } from '@duban/http';
import type { ItemDoc } from '@duban/workflow-supervision/client';
import { ensureProjectorIndexes, supervisionRoutes } from '@duban/service-supervision';
import { overviewRoutes } from '../../../services/gateway/src/routes/overview';
import { inboxRoutes } from '../../../services/gateway/src/routes/inbox';
import { startBenchFerretDb } from '../ferretdb';
import { percentile } from '../stats';
import { seedCity, UNITS, TITLE_WORDS } from './seed';

const PORT = 19447; // and 19448 for its debug listener
const INSPECTOR: Principal = { username: 'bench', name: '督查室', role: 'inspector', unitCode: null };

export interface ReadPath {
  what: string;
  p95: number;
  plan: string;
}

function routeOf(routes: Route[], path: string): Route {
  const route = routes.find((r) => r.path === path && r.method === 'get');
  if (!route) throw new Error(`no route ${path}`);
  return route;
}

/** Calls a route's handler as mountRoute does after validation, with a response that keeps the body. */
async function call(route: Route, query: Record<string, unknown>): Promise<unknown> {
  let body: unknown;
  const res = { json: (b: unknown) => (body = b) };
  await route.handler({ query, user: INSPECTOR, res, params: {}, body: undefined } as never);
  return body;
}

async function p95Of(samples: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  return percentile(
    ms.sort((a, b) => a - b),
    95,
  );
}

/** FerretDB's SQL plan for a filter (its explain carries SQLite's EXPLAIN QUERY PLAN). */
async function planOf(db: Db, collection: string, filter: object): Promise<string> {
  const plan = await db.command({ explain: { find: collection, filter }, verbosity: 'queryPlanner' });
  const steps = JSON.stringify(plan.queryPlanner).match(/(SCAN|SEARCH)[^"]*/g) ?? [];
  return `${steps.join('; ')} (pushdown ${plan.filterPushdown})`;
}

export async function readModelRatios(
  size = 100_000,
  samples = 20,
): Promise<{ baseline: ReadPath; paths: ReadPath[] }> {
  const { server, uri } = startBenchFerretDb('bench-read-models', PORT);
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const db = client.db('bench');
    await ensureProjectorIndexes(db);
    let t = performance.now();
    const { inbox } = await seedCity(db, size);
    console.log(
      `seeded ${size} items, ${inbox} inbox entries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const ctx = { db, now: () => new Date('2023-06-30T04:00:00Z') } as never;
    const overview = routeOf(overviewRoutes(ctx, []), '/overview');
    const list = routeOf(supervisionRoutes(ctx), '/items');
    const unitInbox = routeOf(inboxRoutes(ctx), '/inbox');
    const items = db.collection<ItemDoc>(ReadModels.items);
    const page = { page: 1, pageSize: 20 };
    const idOf = (i: number) => `city-${2019 + (((i * 7919) % size) % 5)}-${(i * 7919) % size}`;

    t = performance.now();
    const baseline: ReadPath = {
      what: 'equality find by _id (baseline)',
      p95: await p95Of(samples * 5, (i) => items.find({ _id: idOf(i) }).toArray()),
      plan: await planOf(db, ReadModels.items, { _id: idOf(1) }),
    };
    const paths: ReadPath[] = [
      {
        what: 'cockpit overview',
        p95: await p95Of(samples, () => call(overview, {})),
        plan: await planOf(db, ReadModels.items, { state: { $ne: 'closed' } }),
      },
      {
        what: 'overdue list (red, first page)',
        p95: await p95Of(samples, () => call(list, { ...page, colour: 'red' })),
        plan: await planOf(db, ReadModels.items, { overallColour: 'red' }),
      },
      {
        what: 'unit inbox',
        p95: await p95Of(samples, (i) => call(unitInbox, { ...page, unit: UNITS[i % UNITS.length] })),
        plan: await planOf(db, ReadModels.inbox, { unitCode: UNITS[0] }),
      },
      {
        what: 'item search (title word, first page)',
        p95: await p95Of(samples, (i) => call(list, { ...page, q: TITLE_WORDS[i % TITLE_WORDS.length] })),
        plan: await planOf(db, ReadModels.items, { title: { $regex: TITLE_WORDS[0] } }),
      },
    ];
    for (const p of [baseline, ...paths])
      console.log(`${p.what.padEnd(40)} p95 ${p.p95.toFixed(1).padStart(9)} ms  ${p.plan}`);
    return { baseline, paths };
  } finally {
    await client.close();
    server.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await readModelRatios(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 20));
}
