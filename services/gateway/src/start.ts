import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { EngineWatch } from '@duban/http';
import { pino, type Logger } from 'pino';
import { connectBus, consumerBacklogs } from '@duban/bus';
import { resolveJwtSecret, type DubanConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { baseUnitRegistry } from '@duban/units/store';
import { answerClientErrors } from '@duban/http';
import type { GatewayDeps } from './deps';
import { createGateway } from './gateway';
import { startTracing } from '@duban/metrics';
import { DubanMetrics } from './metrics/instruments';
import { openWorkflowCounts } from './metrics/sources';
import { AlertEvents, eventDefinition } from '@duban/contracts';

const GRPC_UNAVAILABLE = 14;

export interface RunningGateway {
  server: Server;
  port: number;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** Stops accepting requests, ends open streams, then closes the engine connections. */
  close(): Promise<void>;
}

export interface StartGatewayOptions {
  /** Overrides config.http.port (0: any free port). */
  port?: number;
  host?: string;
  logger?: Logger;
  rateLimit?: GatewayDeps['rateLimit'];
  processes?: GatewayDeps['processes'];
  supervision?: GatewayDeps['supervision'];
  /** Overrides METRICS_TOKEN (see GatewayDeps.metricsToken). */
  metricsToken?: string | null;
}

/** Connects to MongoDB, NATS and Temporal as configured, and serves the API. */
export async function startGateway(
  config: DubanConfig,
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? pino({ name: 'gateway', level: config.logLevel });
  // JWT_SECRET, or the secret this data directory generated on its first start (never one in the
  // source). The log names where it came from, never the value.
  const { secret: jwtSecret, source } = resolveJwtSecret(config);
  logger.info({ jwtSecretFrom: source }, 'session tokens signed with the configured secret');
  // A city's own list of units (DUBAN_UNITS_FILE) is checked now: a bad row stops the start, named.
  await baseUnitRegistry(config.units.file);

  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const bus = await connectBus(config.nats.url, { name: 'duban-gateway' }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // A Temporal restart is noticed within a second or two (not grpc-js's default of up to 2 min).
  const channelArgs = { 'grpc.initial_reconnect_backoff_ms': 250, 'grpc.max_reconnect_backoff_ms': 1_000 };
  // The probe's own connection, without retries: it answers for the engine, not for the SDK.
  const probe = Connection.lazy({ address: config.temporal.address, interceptors: [], channelArgs });
  const engines = new EngineWatch(
    {
      temporal: () => probe.withDeadline(Date.now() + 1_500, () => probe.workflowService.getSystemInfo({})),
      mongodb: () => store.db.command({ ping: 1 }),
      nats: () => bus.nc.flush(),
    },
    { onChange: (engine, up) => logger.warn({ engine, up }, up ? 'engine back' : 'engine unreachable: 503') },
  );
  // The driver's monitor notices a dropped server at once; a request would wait out server selection.
  store.client.on('serverHeartbeatFailed', () => engines.suspect('mongodb'));
  // The SDK retries an unreachable server for up to about 20 s; once the watch knows Temporal is
  // down, it stops, and the action is answered 503 with Retry-After (issue 12, defect 6).
  const retry = defaultGrpcRetryOptions();
  const interceptors = [
    makeGrpcRetryInterceptor({
      delayFunction: retry.delayFunction,
      retryableDecider: (attempt, status) => {
        if (status.code === GRPC_UNAVAILABLE) engines.suspect('temporal');
        return !engines.isDown('temporal') && retry.retryableDecider(attempt, status);
      },
    }),
  ];
  let connection: Connection;
  try {
    connection = await Connection.connect({ address: config.temporal.address, interceptors, channelArgs });
  } catch (error) {
    await bus.close();
    await store.close();
    throw error;
  }
  // OTLP traces when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nothing is loaded or installed.
  const tracing = await startTracing('duban-gateway');
  const temporal = new Client({
    connection,
    namespace: config.temporal.namespace,
    ...(tracing ? { interceptors: { workflow: tracing.workflowInterceptors } } : {}),
  });
  const metrics = new DubanMetrics({
    backlogs: () => consumerBacklogs(bus.jsm),
    openWorkflows: openWorkflowCounts(temporal, options.processes ?? []),
  });
  // Every AlertRaised on the bus, from whichever process raised it.
  const alertsRaised = bus.nc.subscribe(eventDefinition(AlertEvents.AlertRaised.type).subject, {
    callback: () => metrics.alertsRaised.inc(),
  });

  const app = createGateway({
    db: store.db,
    temporal,
    namespace: config.temporal.namespace,
    natsConnection: bus.nc,
    jwtSecret,
    logger,
    escalateAfterRedDays: config.alerts.redEscalationDays,
    engines: engines.start(),
    metrics,
    ...(tracing ? { tracing } : {}),
    // Read here, not in @duban/config: only the gateway serves /metrics.
    metricsToken: options.metricsToken ?? process.env.METRICS_TOKEN ?? null,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.processes ? { processes: options.processes } : {}),
    ...(options.supervision ? { supervision: options.supervision } : {}),
  });

  const host = options.host ?? '0.0.0.0';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? config.http.port, host, (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  answerClientErrors(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  logger.info({ url }, 'gateway listening');

  let closing: Promise<void> | undefined;
  return {
    server,
    port,
    url,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Event streams never end by themselves.
          server.closeAllConnections();
        });
        engines.stop();
        alertsRaised.unsubscribe();
        metrics.close();
        await tracing?.flush();
        await probe.close();
        await connection.close();
        await bus.close();
        await store.close();
      })()),
  };
}
