// Benchmark (not a test): the cost of SQLite's `synchronous` setting under the embedded FerretDB
// on one acknowledged write, as the projector does them (an upsert by id), on a FerretDB of its
// own per setting, alternated. Usage: pnpm tsx bench/src/store-sync.ts [n=300]
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { MongoClient } from 'mongodb';
import { summary } from './stats';

const writes = Number(process.argv[2] ?? 300);
const root = path.resolve(import.meta.dirname, '../..');
const PORT = 19417;

async function measure(synchronous: string): Promise<number[]> {
  const dir = path.join(root, '.data', 'bench-store-sync');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // FerretDB adds its defaults (WAL, busy timeout) to the pragmas given here.
  const pragma = synchronous === 'default' ? '' : `?_pragma=synchronous(${synchronous})`;
  const server = spawn(
    path.join(root, '.engines', 'bin', 'ferretdb'),
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dir}/${pragma}`,
      `--listen-addr=127.0.0.1:${PORT}`,
      '--debug-addr=127.0.0.1:19418',
      `--state-dir=${dir}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: 'ignore' },
  );
  const client = new MongoClient(`mongodb://127.0.0.1:${PORT}/`, { serverSelectionTimeoutMS: 10_000 });
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
