// Benchmark (not a test): the cost of JetStream's sync policy (NATS_SYNC) on one acknowledged
// publish, as the workflows' publish activity does it (one event, its id as message id, awaited
// ack), on a nats-server of its own per policy. Usage: pnpm tsx bench/src/jetstream-sync.ts [n=2000]
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { connectBus, ensureStreams } from '@duban/bus';
import { summary } from './stats';

const publishes = Number(process.argv[2] ?? 2000);
const root = path.resolve(import.meta.dirname, '../..');

async function measure(sync: string): Promise<number[]> {
  const dir = path.join(root, '.data', 'bench-sync');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The same settings as packages/stack gives the embedded nats-server.
  fs.writeFileSync(path.join(dir, 'nats.conf'), `jetstream {\n  sync_interval: ${sync}\n}\n`);
  const server = spawn(
    path.join(root, '.engines', 'bin', 'nats-server'),
    [
      '--config',
      path.join(dir, 'nats.conf'),
      '--jetstream',
      '--store_dir',
      dir,
      '--addr',
      '127.0.0.1',
      '--port',
      '19322',
    ],
    { stdio: 'ignore' },
  );
  try {
    let bus;
    for (let i = 0; !bus; i++) {
      bus = await connectBus('nats://127.0.0.1:19322', { name: 'bench-sync' }).catch(async (e: unknown) => {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    await ensureStreams(bus.jsm);
    const ms: number[] = [];
    const body = JSON.stringify({ data: 'x'.repeat(600) });
    for (let i = 0; i < publishes; i++) {
      const t = performance.now();
      await bus.js.publish('duban.bench.sync', body, { msgID: `${sync}-${i}` });
      ms.push(performance.now() - t);
    }
    await bus.close();
    return ms;
  } finally {
    server.kill('SIGTERM');
  }
}

for (const sync of ['2m', 'always', '2m', 'always']) {
  const s = summary(await measure(sync));
  console.log(
    `sync ${sync.padEnd(6)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`,
  );
}
