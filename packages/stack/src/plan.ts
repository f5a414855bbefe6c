import path from 'node:path';
import type { DubanConfig, StackProfile } from '@duban/config';
import { clusterPlanOf, type ClusterPlan } from './cluster-plan';

/** Where each engine listens and keeps its data; one plan per stack (dev, test, …). */
export interface StackPlan {
  profile?: StackProfile;
  /** Data, pid files and logs of this stack. Two stacks never share one (cluster: <dir>/cluster). */
  dataDir: string;
  enginesDir: string;
  temporal: {
    host: string;
    port: number;
    uiPort: number | null;
    httpPort: number;
    metricsPort: number;
    namespace: string;
  };
  /** `sync`: JetStream's fsync policy (`always`, or an interval such as `2m`), see natsConfigFile. */
  nats: { host: string; port: number; monitorPort: number; sync?: string };
  /** `external`: a MongoDB the operator runs (MONGODB_URI); the stack starts no FerretDB for it. */
  mongo:
    { kind: 'ferretdb'; host: string; port: number; debugPort: number } | { kind: 'external'; uri: string };
  /** The cluster profile's engines (packages/stack/src/cluster.ts); null on the single profile. */
  cluster?: ClusterPlan | null;
}

export function planFromConfig(config: DubanConfig, options: { headless?: boolean } = {}): StackPlan {
  const [temporalHost, temporalPort] = splitHostPort(config.temporal.address);
  const natsUrl = new URL(config.nats.urls[0]!);
  const cluster = config.profile === 'cluster';
  return {
    profile: config.profile,
    // The cluster's data never mixes with the single profile's in one folder.
    dataDir: path.resolve(config.dataDir, ...(cluster ? ['cluster'] : [])),
    enginesDir: path.resolve(config.enginesDir),
    temporal: {
      host: temporalHost,
      port: temporalPort,
      uiPort: options.headless ? null : config.temporal.uiPort,
      // Derived, so a second stack on other ports never collides with the first.
      httpPort: temporalPort + 10,
      metricsPort: temporalPort + 11,
      namespace: config.temporal.namespace,
    },
    nats: {
      host: natsUrl.hostname,
      port: Number(natsUrl.port),
      monitorPort: config.nats.monitorPort,
      sync: config.nats.sync,
    },
    mongo: config.mongo.external
      ? { kind: 'external', uri: config.mongo.uri }
      : {
          kind: 'ferretdb',
          host: '127.0.0.1',
          port: config.mongo.ferretPort,
          debugPort: config.mongo.ferretPort + 10,
        },
    cluster: cluster ? clusterPlanOf(config) : null,
  };
}

function splitHostPort(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}

export function mongoUriOf(plan: StackPlan): string {
  return plan.mongo.kind === 'external' ? plan.mongo.uri : `mongodb://${plan.mongo.host}:${plan.mongo.port}/`;
}
