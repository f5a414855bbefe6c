import path from 'node:path';
import type { DubanConfig } from '@duban/config';

/**
 * Ports a cluster's processes talk to each other on (membership, routes, PostgreSQL) sit this far
 * above the port clients use, clear of the ranges test stacks take (base + 100 per slot + offset).
 */
export const PEER_PORT_OFFSET = 3000;

export type TemporalServiceName = 'frontend' | 'history' | 'matching' | 'worker';

export interface ClusterPlan {
  /** infra/production: the Temporal and NATS configuration an operator lifts onto real machines. */
  configDir: string;
  postgres: { host: string; port: number; user: string };
  temporal: {
    services: { name: TemporalServiceName; port: number; membershipPort: number }[];
    /** Fixed when the cluster's database is first set up. */
    historyShards: number;
  };
  nats: { nodes: { name: string; host: string; port: number; monitorPort: number; routePort: number }[] };
}

const SERVICES: TemporalServiceName[] = ['frontend', 'history', 'matching', 'worker'];

export function clusterPlanOf(config: DubanConfig): ClusterPlan {
  const frontendPort = Number(config.temporal.address.slice(config.temporal.address.lastIndexOf(':') + 1));
  return {
    configDir: path.resolve(import.meta.dirname, '../../../infra/production'),
    postgres: { host: '127.0.0.1', port: config.mongo.ferretPort + PEER_PORT_OFFSET, user: 'duban' },
    temporal: {
      // frontend on TEMPORAL_ADDRESS, the others on the three ports after it.
      services: SERVICES.map((name, i) => ({
        name,
        port: frontendPort + i,
        membershipPort: frontendPort + i + PEER_PORT_OFFSET,
      })),
      historyShards: 4,
    },
    nats: {
      nodes: config.nats.urls.map((url, i) => {
        const { hostname, port } = new URL(url);
        return {
          name: `nats-${i + 1}`,
          host: hostname,
          port: Number(port),
          monitorPort: config.nats.monitorPort + i,
          routePort: Number(port) + PEER_PORT_OFFSET,
        };
      }),
    },
  };
}
