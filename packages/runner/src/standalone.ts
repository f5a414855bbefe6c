import { connectBus, ensureStreams, type Bus } from '@duban/bus';
import { loadConfig, type DubanConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import type { Db } from 'mongodb';

export interface StandaloneContext {
  config: DubanConfig;
  bus: Bus;
  db: Db;
  /** `--durable=<name>`: another durable consumer name than the default (a second deployment). */
  durable: string | undefined;
  /** Logs a message the service could not handle, with where it sits in the stream. */
  onError(error: unknown, context: { subject: string; sequence: number }): void;
  log(message: string): void;
}

export interface StandaloneService {
  stop(): Promise<void>;
}

export function durableArgument(argv: readonly string[] = process.argv): string | undefined {
  const arg = argv.find((a) => a.startsWith('--durable='));
  return arg ? arg.slice('--durable='.length) || undefined : undefined;
}

/**
 * Runs one consumer service as its own process (at scale each service is its own deployment):
 * connects to the configured bus and store, starts the service, and on SIGINT/SIGTERM stops it
 * before closing the connections, so an event in hand is acked or redelivered, never half done.
 */
export function runStandalone(
  name: string,
  start: (ctx: StandaloneContext) => Promise<StandaloneService>,
): void {
  const log = (message: string) => console.log(`[${name}] ${message}`);
  const main = async () => {
    const config = loadConfig();
    const bus = await connectBus(config.nats.url, {
      name: `duban-${name}`,
      streamReplicas: config.nats.streamReplicas,
    });
    await ensureStreams(bus.jsm, { replicas: config.nats.streamReplicas });
    const store = await connectStore(config.mongo.uri, config.mongo.db);
    const service = await start({
      config,
      bus,
      db: store.db,
      durable: durableArgument(),
      onError: (error, context) => console.error(`[${name}] ${context.subject} #${context.sequence}:`, error),
      log,
    });
    log(`consuming from ${config.nats.url} into ${config.mongo.db}`);

    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await service.stop();
      await store.close();
      await bus.close();
      log('stopped');
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`[${name}] stop failed:`, error);
            process.exit(1);
          },
        );
      });
    }
  };
  main().catch((error: unknown) => {
    console.error(`[${name}] failed to start:`, error);
    process.exit(1);
  });
}
