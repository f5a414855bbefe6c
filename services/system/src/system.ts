import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { pino, type Logger } from 'pino';
import { connectBus, ensureStreams, type RunningConsumer } from '@duban/bus';
import type { DubanConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { startAlertsService } from '@duban/service-alerts';
import { startGateway, type RunningGateway, type StartGatewayOptions } from '@duban/service-gateway';
import { startProjectorService } from '@duban/service-projector';
import { createSupervisionWorker } from '@duban/workflow-supervision';
import { createKindergartenWorker } from '@duban/workflow-kindergarten';
import { startKindergartenServices } from '@duban/service-kindergarten';
import { createLandUseWorker, ensureLandLedger, startLandUseServices } from '@duban/service-land-use';
import { createCultivatedLandWorker } from '@duban/workflow-cultivated-land';
import { startCultivatedLandServices } from '@duban/service-cultivated-land';
import { importAndStart, type CatalogBootstrap } from './catalog';

export interface SystemOptions {
  /** Import the bundled gazette and start its items (idempotent). Default true. */
  importGazette?: boolean;
  /** Gateway port; 0 picks a free one (tests). Default: config PORT. */
  port?: number;
  logger?: Logger;
  rateLimit?: StartGatewayOptions['rateLimit'];
}

export interface RunningSystem {
  gateway: RunningGateway;
  catalog: CatalogBootstrap | null;
  /** The supervision worker, stoppable so a test can restart it in the middle of a flow. */
  worker: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

let runtimeInstalled = false;

/**
 * Every stateless component of Duban in one process, for the embedded default: the supervision
 * worker, the projector, the alerts service and the gateway. At scale each runs as its own
 * replicas against the clusters; nothing here assumes they share a process.
 */
export async function startSystem(config: DubanConfig, options: SystemOptions = {}): Promise<RunningSystem> {
  const logger = options.logger ?? pino({ name: 'duban', level: config.logLevel });
  if (!runtimeInstalled) {
    // The SDK logs every worker state change at INFO; an operator needs its warnings only.
    runtimeInstalled = true;
    // No shutdown signals: the caller (the CLI) owns Ctrl-C and stops the parts in order.
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  }

  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const bus = await connectBus(config.nats.url, { name: 'duban-system' });
  await ensureStreams(bus.jsm);
  const native = await NativeConnection.connect({ address: config.temporal.address });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace });

  const startWorker = async () => {
    const worker = await createSupervisionWorker({
      connection: native,
      namespace: config.temporal.namespace,
      js: bus.js,
    });
    const running = worker.run();
    return { worker, running };
  };
  let worker = await startWorker();
  // The kindergarten rectification (青政办发〔2019〕31号): its worker and its service modules.
  const kgWorker = await createKindergartenWorker({
    connection: native,
    namespace: config.temporal.namespace,
    js: bus.js,
  });
  const kgRunning = kgWorker.run();
  // 占补平衡与违法占地 (青政办发〔2019〕28号 二(三)、二(七)): the city's ledger and the cases.
  const luWorker = await createLandUseWorker({
    connection: native,
    namespace: config.temporal.namespace,
    js: bus.js,
  });
  const luRunning = luWorker.run();
  // 耕地保护 (青政办发〔2019〕28号): the towns' rectifications and yearly assessments.
  const clWorker = await createCultivatedLandWorker({
    connection: native,
    namespace: config.temporal.namespace,
    js: bus.js,
  });
  const clRunning = clWorker.run();
  const consumers: RunningConsumer[] = [
    await startProjectorService({ bus, db: store.db }),
    await startAlertsService({ bus, db: store.db }),
    ...(await startKindergartenServices({ bus, db: store.db })),
    ...(await startLandUseServices({ bus, db: store.db })),
    ...(await startCultivatedLandServices({ bus, db: store.db })),
  ];
  // The one ledger of the city runs from the first start on (fixed id; later starts find it).
  await ensureLandLedger({ temporal: client });

  const catalog =
    options.importGazette === false
      ? null
      : await importAndStart(store.db, client, { escalateAfterRedDays: config.alerts.redEscalationDays });
  const gateway = await startGateway(config, {
    logger,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });

  const stopWorker = async () => {
    if (worker.worker.getState() === 'RUNNING') worker.worker.shutdown();
    await worker.running;
  };

  return {
    gateway,
    catalog,
    worker: {
      stop: stopWorker,
      start: async () => {
        worker = await startWorker();
      },
    },
    close: async () => {
      await gateway.close();
      for (const c of consumers) await c.stop();
      await stopWorker();
      if (kgWorker.getState() === 'RUNNING') kgWorker.shutdown();
      await kgRunning;
      if (luWorker.getState() === 'RUNNING') luWorker.shutdown();
      await luRunning;
      if (clWorker.getState() === 'RUNNING') clWorker.shutdown();
      await clRunning;
      await connection.close();
      await native.close();
      await bus.close();
      await store.close();
    },
  };
}
