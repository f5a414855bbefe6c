import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { pino, type Logger } from 'pino';
import { connectBus } from '@duban/bus';
import { resolveJwtSecret, type DubanConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import type { GatewayDeps } from './deps';
import { createGateway } from './gateway';

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

  const store = await connectStore(config.mongo.uri, config.mongo.db);
  const bus = await connectBus(config.nats.url, { name: 'duban-gateway' }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  let connection: Connection;
  try {
    connection = await Connection.connect({ address: config.temporal.address });
  } catch (error) {
    await bus.close();
    await store.close();
    throw error;
  }
  const temporal = new Client({ connection, namespace: config.temporal.namespace });

  const app = createGateway({
    db: store.db,
    temporal,
    namespace: config.temporal.namespace,
    natsConnection: bus.nc,
    jwtSecret,
    logger,
    escalateAfterRedDays: config.alerts.redEscalationDays,
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
        await connection.close();
        await bus.close();
        await store.close();
      })()),
  };
}
