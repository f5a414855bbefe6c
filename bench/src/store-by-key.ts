// Benchmark (not a test): the cost of one write by key as the read models make them, at 1,000
// and at 20,000 documents in the collection, on a FerretDB of its own. FerretDB 1.x on SQLite
// pushes a filter down to SQL only when it is exactly `{_id: <string or ObjectId>}`
// (internal/backends/sqlite/collection.go, v1.24.2); any other filter, `{_id, version: {$lt}}`
// included, reads and decodes every document of the collection. `explain` shows which.
// FerretDB 1.24.2's own `_id` index is on `_ferretdb_sjson->"_id"` while its pushdown filters on
// `_ferretdb_sjson->'$._id'`: SQLite matches index expressions by their text, so even `{_id}`
// scanned the table; infra/install-engines.sh builds FerretDB with the filter spelled as the
// index. `DUBAN_ENGINES_DIR=<dir>` runs another build (e.g. one without that patch).
// Usage: pnpm tsx bench/src/store-by-key.ts [n=100]
import { MongoClient, type Collection, type Db } from 'mongodb';
import { startBenchFerretDb } from './ferretdb';
import { summary } from './stats';

const writes = Number(process.argv[2] ?? 100);
const PORT = 19437; // and 19438 for its debug listener
const SIZES = [1_000, 20_000];
type Doc = { _id: string; version: number; itemId: string; text: string };

/** The write shapes of the read models: name → one write of document `id` at version `v`. */
const SHAPES: Record<string, (c: Collection<Doc>, id: string, v: number) => Promise<unknown>> = {
  'replaceOne {_id} upsert': (c, id, v) =>
    c.replaceOne({ _id: id }, { version: v, itemId: id, text: 'x'.repeat(600) }, { upsert: true }),
  'updateOne {_id, version<v}': (c, id, v) =>
    c.updateOne({ _id: id, version: { $lt: v } }, { $set: { version: v } }),
  'findOne {_id} then updateOne {_id}': async (c, id, v) => {
    const stored = await c.findOne({ _id: id }, { projection: { version: 1 } });
    if (stored && stored.version < v) await c.updateOne({ _id: id }, { $set: { version: v } });
  },
};

async function fill(docs: Collection<Doc>, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 500) {
    const batch = [];
    for (let j = i; j < Math.min(to, i + 500); j++)
      batch.push({ _id: `d${j}`, version: 0, itemId: `d${j}`, text: 'x'.repeat(600) });
    await docs.insertMany(batch);
  }
}

async function explain(db: Db): Promise<void> {
  // The SQL plan FerretDB ran for each filter (its explain carries SQLite's EXPLAIN QUERY PLAN).
  for (const filter of [{ _id: 'd1' }, { _id: 'd1', version: { $lt: 5 } }]) {
    const plan = await db.command({ explain: { find: 'docs', filter }, verbosity: 'queryPlanner' });
    console.log(
      `explain ${JSON.stringify(filter)}: ${JSON.stringify(plan.queryPlanner)} pushdown ${plan.filterPushdown}`,
    );
  }
}

const { server, uri } = startBenchFerretDb('bench-store-by-key', PORT);
const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
try {
  await client.connect();
  const db = client.db('bench');
  await measure(db, db.collection<Doc>('docs'));
} finally {
  await client.close();
  server.kill('SIGTERM');
}

async function measure(db: Db, docs: Collection<Doc>): Promise<void> {
  const p50: Record<string, number[]> = {};
  let size = 0;
  let version = 1;
  for (const target of SIZES) {
    await fill(docs, size, target);
    size = target;
    for (const [shape, write] of Object.entries(SHAPES)) {
      const ms: number[] = [];
      for (let i = 0; i < writes; i++) {
        const t = performance.now();
        await write(docs, `d${(i * 37) % size}`, version++);
        ms.push(performance.now() - t);
      }
      const s = summary(ms);
      (p50[shape] ??= []).push(s.p50);
      console.log(
        `${String(size).padStart(6)} docs  ${shape.padEnd(36)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms`,
      );
    }
  }
  for (const [shape, [small, large]] of Object.entries(p50))
    console.log(`ratio ${SIZES[1]} / ${SIZES[0]} docs  ${shape.padEnd(36)} ${(large! / small!).toFixed(2)}`);
  await explain(db);
}
