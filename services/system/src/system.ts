import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { pino, type Logger } from 'pino';
import { connectBus, ensureStreams, type RunningConsumer } from '@duban/bus';
import type { DubanConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '@duban/service-gateway';
import {
  installWorkflowRuntime,
  startWorkflowDoctor,
  type ProcessModule,
  type ProcessWorker,
} from '@duban/process';
import { importAndStart, type CatalogBootstrap } from './catalog';
import { MODULES } from './processes';

export interface SystemOptions {
  /** Import the bundled gazette and start its items (idempotent). Default true. */
  importGazette?: boolean;
  /** Gateway port; 0 picks a free one (tests). Default: config PORT. */
  port?: number;
  logger?: Logger;
  rateLimit?: StartGatewayOptions['rateLimit'];
  /** Keep each workflow bundle here once built (see ProcessWorkerDeps.bundleCacheDir). */
  bundleCacheDir?: string;
  /** What `duban start` supervises, for /api/health. */
  supervision?: StartGatewayOptions['supervision'];
  /** Modules run beside `MODULES`, e.g. the rehearsal's clock controls (packages/rehearsal). */
  extraModules?: readonly ProcessModule[];
}

export interface RunningSystem {
  gateway: RunningGateway;
  catalog: CatalogBootstrap | null;
  /** Every process's workers, stoppable so a test can restart them in the middle of a flow. */
  worker: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

/**
 * Every stateless component of Duban in one process, for the embedded default: the workers and
 * consumers of every process in `PROCESSES` and module in `MODULES`, and the gateway. At scale each runs as its own
 * replicas against the clusters; nothing here assumes they share a process.
 */
export async function startSystem(config: DubanConfig, options: SystemOptions = {}): Promise<RunningSystem> {
  const logger = options.logger ?? pino({ name: 'duban', level: config.logLevel });
  const modules = [...MODULES, ...(options.extraModules ?? [])];
  // Before any worker: the doctor learns of failing workflow tasks from the runtime's log.
  if (installWorkflowRuntime() === 'blind')
    logger.warn('the Temporal runtime was installed before the system: the workflow doctor is blind');

  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const bus = await connectBus(config.nats.url, {
    name: 'duban-system',
    streamReplicas: config.nats.streamReplicas,
  });
  await ensureStreams(bus.jsm, { replicas: config.nats.streamReplicas });
  const native = await NativeConnection.connect({ address: config.temporal.address });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });

  // Every process's workers, then its consumers, then its start-up work (DESIGN §2).
  const workerDeps = {
    connection: native,
    namespace: config.temporal.namespace,
    js: bus.js,
    ...(options.bundleCacheDir ? { bundleCacheDir: options.bundleCacheDir } : {}),
  };
  const startWorkers = async () => {
    const started: { worker: ProcessWorker; running: Promise<void> }[] = [];
    for (const process of modules) {
      for (const worker of (await process.workers?.(workerDeps)) ?? []) {
        started.push({ worker, running: worker.run() });
      }
    }
    return started;
  };
  let workers = await startWorkers();
  const doctor = startWorkflowDoctor({
    client,
    db: store.db,
    logger: logger.child({ part: 'workflow-doctor' }),
  });
  const consumers: RunningConsumer[] = [];
  for (const process of modules) {
    consumers.push(...((await process.services?.({ bus, db: store.db, config, temporal: client })) ?? []));
  }
  for (const process of modules) await process.onStart?.({ temporal: client, db: store.db, config });

  const catalog =
    options.importGazette === false
      ? null
      : await importAndStart(store.db, client, { escalateAfterRedDays: config.alerts.redEscalationDays });
  const gateway = await startGateway(config, {
    logger,
    processes: modules,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.supervision ? { supervision: options.supervision } : {}),
  });

  const stopWorkers = async () => {
    for (const { worker } of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.all(workers.map((w) => w.running));
  };

  return {
    gateway,
    catalog,
    worker: {
      stop: stopWorkers,
      start: async () => {
        workers = await startWorkers();
      },
    },
    close: async () => {
      await gateway.close();
      for (const c of consumers) await c.stop();
      await stopWorkers();
      await doctor.stop();
      await connection.close();
      await native.close();
      await bus.close();
      await store.close();
    },
  };
}
