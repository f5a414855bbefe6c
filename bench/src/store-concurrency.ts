// Benchmark (not a test): three writes to one FerretDB database (SQLite: one file, one writer at
// a time) issued one after the other against all three at once, as a projector handler might,
// alternated. Usage: pnpm tsx bench/src/store-concurrency.ts [n=200]
import { MongoClient } from 'mongodb';
import { startBenchFerretDb } from './ferretdb';
import { summary } from './stats';

const rounds = Number(process.argv[2] ?? 200);
const PORT = 19427; // and 19428 for its debug listener
const { server, uri } = startBenchFerretDb('bench-store-concurrency', PORT);
const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
try {
  await client.connect();
  const db = client.db('bench');
  const write = (name: string, i: number) =>
    db
      .collection<{ _id: string; n: number; text: string }>(name)
      .replaceOne({ _id: `d${i % 20}` }, { n: i, text: 'x'.repeat(600) }, { upsert: true });
  const names = ['items', 'inbox', 'timeline'];
  for (const mode of ['sequential', 'concurrent', 'sequential', 'concurrent']) {
    const ms: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      if (mode === 'sequential') for (const name of names) await write(name, i);
      else await Promise.all(names.map((name) => write(name, i)));
      ms.push(performance.now() - t);
    }
    const s = summary(ms);
    console.log(
      `${mode.padEnd(10)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`,
    );
  }
} finally {
  await client.close();
  server.kill('SIGTERM');
}
