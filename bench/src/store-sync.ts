// Benchmark (not a test): the cost of SQLite's `synchronous` setting under the embedded FerretDB
// on one acknowledged write, as the projector does them (an upsert by id), on a FerretDB of its
// own per setting, alternated. Usage: pnpm tsx bench/src/store-sync.ts [n=300]
import { MongoClient } from 'mongodb';
import { startBenchFerretDb } from './ferretdb';
import { summary } from './stats';

const writes = Number(process.argv[2] ?? 300);
const PORT = 19417; // and 19418 for its debug listener

async function measure(synchronous: string): Promise<number[]> {
  // FerretDB adds its defaults (WAL, busy timeout) to the pragmas given here.
  const pragma = synchronous === 'default' ? '' : `?_pragma=synchronous(${synchronous})`;
  const { server, uri } = startBenchFerretDb('bench-store-sync', PORT, pragma);
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.connect();
    const docs = client.db('bench').collection<{ _id: string; n: number; text: string }>('docs');
    const ms: number[] = [];
    for (let i = 0; i < writes; i++) {
      const t = performance.now();
      await docs.replaceOne({ _id: `d${i % 20}` }, { n: i, text: 'x'.repeat(600) }, { upsert: true });
      ms.push(performance.now() - t);
    }
    return ms;
  } finally {
    await client.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

for (const synchronous of ['default', 'normal', 'default', 'normal']) {
  const s = summary(await measure(synchronous));
  console.log(
    `synchronous ${synchronous.padEnd(8)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`,
  );
}
