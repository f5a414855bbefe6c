// Benchmark (not a test): the cost of JetStream's sync policy (NATS_SYNC) on one acknowledged
// publish, as the workflows' publish activity does it (one event, its id as message id, awaited
// ack), on a nats-server of its own per policy. Usage: pnpm tsx bench/src/jetstream-sync.ts [n=2000]
import { startBenchNats } from './nats';
import { summary } from './stats';

const publishes = Number(process.argv[2] ?? 2000);

async function measure(sync: string): Promise<number[]> {
  const { bus, stop } = await startBenchNats('bench-sync', 19322, sync);
  try {
    const ms: number[] = [];
    const body = JSON.stringify({ data: 'x'.repeat(600) });
    for (let i = 0; i < publishes; i++) {
      const t = performance.now();
      await bus.js.publish('duban.bench.sync', body, { msgID: `${sync}-${i}` });
      ms.push(performance.now() - t);
    }
    return ms;
  } finally {
    await stop();
  }
}

for (const sync of ['2m', 'always', '2m', 'always']) {
  const s = summary(await measure(sync));
  console.log(
    `sync ${sync.padEnd(6)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  mean ${s.mean.toFixed(2)} ms`,
  );
}
