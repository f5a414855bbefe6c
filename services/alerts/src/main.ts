// Runs the alerts service alone: `tsx services/alerts/src/main.ts [--durable=<name>]`.
import { connectBus, ensureStreams } from '@duban/bus';
import { loadConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { startAlertsService } from './service';

/** `--durable=<name>`: another durable consumer name than the default (a second deployment). */
function durableArgument(): string | undefined {
  const arg = process.argv.find((a) => a.startsWith('--durable='));
  return arg ? arg.slice('--durable='.length) || undefined : undefined;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const durable = durableArgument();
  const bus = await connectBus(config.nats.url, { name: 'duban-alerts' });
  await ensureStreams(bus.jsm);
  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const service = await startAlertsService({
    bus,
    db: store.db,
    durable,
    onError: (error, context) => console.error(`[alerts] ${context.subject} #${context.sequence}:`, error),
  });
  console.log(`[alerts] consuming from ${config.nats.url} into ${config.mongo.db}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await service.stop();
    await store.close();
    await bus.close();
    console.log(`[alerts] stopped`);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('[alerts] stop failed:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error('[alerts] failed to start:', error);
  process.exit(1);
});
