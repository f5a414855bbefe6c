import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';

export interface Bus {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Replicas of the streams and buckets this connection creates (NATS_STREAM_REPLICAS). */
  streamReplicas: number;
  close(): Promise<void>;
}

/**
 * `url`: one nats:// URL or several comma-separated (the nodes of a cluster: the client tries each
 * and moves to another when its node dies). `streamReplicas`: see Bus.
 */
export async function connectBus(
  url: string,
  options: { name?: string; streamReplicas?: number } = {},
): Promise<Bus> {
  const nc = await connect({
    servers: url.split(','),
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
    streamReplicas: options.streamReplicas ?? 1,
    close: async () => {
      await nc.drain();
    },
  };
}
