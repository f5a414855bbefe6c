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

/** How long a JetStream API call may take on a cluster of nodes (see connectBus). */
export const CLUSTER_API_TIMEOUT_MS = 20_000;

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
  // On a cluster (several URLs, or replicas > 1) every stream and consumer call waits for the nodes to agree: on a
  // loaded machine that outlasted the client's 5 s default, and a replica starting beside another
  // exited on a consumer update that timed out. Give such calls 20 s.
  const cluster = url.split(',').length > 1 || (options.streamReplicas ?? 1) > 1;
  const jsOptions = cluster ? { timeout: CLUSTER_API_TIMEOUT_MS } : {};
  const js = jetstream(nc, jsOptions);
  const jsm = await jetstreamManager(nc, jsOptions);
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
