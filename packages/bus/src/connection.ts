import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  close(): Promise<void>;
}

export async function connectBus(url: string, options: { name?: string } = {}): Promise<Bus> {
  const nc = await connect({
    servers: url,
    name: options.name ?? 'duban',
    // Keep trying through an engine restart rather than giving up after the default attempts.
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  return {
    nc,
    js,
    jsm,
    close: async () => {
      await nc.drain();
    },
  };
}
