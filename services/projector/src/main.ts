// Runs the projector alone: `tsx services/projector/src/main.ts [--rebuild] [--durable=<name>]`.
import { connectBus, ensureStreams, type RunningConsumer } from '@duban/bus';
import { loadConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { rebuildProjections } from './rebuild';
import { startProjectorService } from './service';

/** `--durable=<name>`: another durable consumer name than the default (a second deployment). */
function durableArgument(): string | undefined {
  const arg = process.argv.find((a) => a.startsWith('--durable='));
  return arg ? arg.slice('--durable='.length) || undefined : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const durable = durableArgument();
  const bus = await connectBus(config.nats.url, { name: 'duban-projector' });
  await ensureStreams(bus.jsm);
  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const onError = (error: unknown, context: { subject: string; sequence: number }) =>
    console.error(`[projector] ${context.subject} #${context.sequence}:`, error);

  let consumer: RunningConsumer;
  if (process.argv.includes('--rebuild')) {
    const result = await rebuildProjections({ bus, db: store.db, durable, onError });
    console.log(`[projector] rebuilt from the stream: ${result.handled} events in ${result.durationMs} ms`);
    consumer = result.consumer;
  } else {
    consumer = await startProjectorService({ bus, db: store.db, durable, onError });
  }
  console.log(`[projector] consuming from ${config.nats.url} into ${config.mongo.db}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await consumer.stop();
    await store.close();
    await bus.close();
    console.log(`[projector] stopped`);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[projector] stop failed:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error('[projector] failed to start:', error);
  process.exit(1);
});
