import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { MongoClient } from 'mongodb';
import { clusterSpecs } from './cluster';
import { mongoUriOf, type StackPlan } from './plan';

const run = promisify(execFile);

/** `temporal`, `nats`, `ferretdb` on the single profile; the cluster's processes by their names. */
export type EngineName = string;

/** How to start one engine of a plan and how to tell it is ready to serve. */
export interface EngineSpec {
  name: EngineName;
  binary: string;
  args: string[];
  /** Added to the environment the engine starts with (the cluster's configuration templates). */
  env?: Record<string, string>;
  /** Another user to run as (PostgreSQL refuses root). */
  account?: { uid: number; gid: number };
  /** Engines start stage by stage, each stage healthy (and set up) before the next; default 1. */
  stage?: number;
  /** Before the process starts, each time (idempotent): folders, a first initdb. */
  prepare?(): Promise<void>;
  /** Once the engine is healthy, each time (idempotent): databases, schemas, a namespace. */
  setup?(): Promise<void>;
  /** Human-readable addresses printed once the engine is healthy. */
  listens: string[];
  healthy(): Promise<boolean>;
}

export function engineSpecs(plan: StackPlan): EngineSpec[] {
  if (plan.cluster) return clusterSpecs(plan, plan.cluster);
  const bin = (name: string) => path.join(plan.enginesDir, 'bin', name);
  const data = (...parts: string[]) => path.join(plan.dataDir, ...parts);
  const { temporal, nats } = plan;
  const specs: EngineSpec[] = [
    {
      name: 'temporal',
      binary: bin('temporal'),
      args: [
        'server',
        'start-dev',
        '--db-filename',
        data('temporal', 'temporal.sqlite'),
        '--ip',
        temporal.host,
        '--port',
        String(temporal.port),
        '--http-port',
        String(temporal.httpPort),
        '--metrics-port',
        String(temporal.metricsPort),
        '--namespace',
        temporal.namespace,
        '--log-level',
        'warn',
        ...(temporal.uiPort === null ? ['--headless'] : ['--ui-port', String(temporal.uiPort)]),
      ],
      listens: [
        `grpc ${temporal.host}:${temporal.port}`,
        ...(temporal.uiPort === null ? [] : [`web ui http://${temporal.host}:${temporal.uiPort}`]),
      ],
      healthy: async () => {
        try {
          const { stdout } = await run(
            bin('temporal'),
            [
              'operator',
              'namespace',
              'describe',
              '--address',
              `${temporal.host}:${temporal.port}`,
              '-n',
              temporal.namespace,
            ],
            { timeout: 5_000 },
          );
          return stdout.includes(temporal.namespace);
        } catch {
          return false;
        }
      },
    },
    {
      name: 'nats',
      binary: bin('nats-server'),
      args: [
        '--jetstream',
        '--store_dir',
        data('nats'),
        '--addr',
        nats.host,
        '--port',
        String(nats.port),
        '--http_port',
        String(nats.monitorPort),
        '--server_name',
        'duban',
        ...(nats.sync === undefined ? [] : ['--config', natsConfigFile(plan)]),
      ],
      listens: [`nats://${nats.host}:${nats.port}`, `monitor http://${nats.host}:${nats.monitorPort}`],
      healthy: async () => {
        try {
          const res = await fetch(`http://${nats.host}:${nats.monitorPort}/healthz?js-enabled-only=true`, {
            signal: AbortSignal.timeout(2_000),
          });
          return res.ok;
        } catch {
          return false;
        }
      },
    },
  ];
  if (plan.mongo.kind === 'ferretdb') {
    const mongo = plan.mongo;
    specs.push({
      name: 'ferretdb',
      binary: bin('ferretdb'),
      args: [
        '--handler=sqlite',
        `--sqlite-url=file:${data('ferretdb')}/`,
        `--listen-addr=${mongo.host}:${mongo.port}`,
        `--debug-addr=${mongo.host}:${mongo.debugPort}`,
        `--state-dir=${data('ferretdb')}`,
        '--telemetry=disable',
        '--log-level=warn',
      ],
      listens: [mongoUriOf(plan)],
      healthy: () => mongoPing(mongoUriOf(plan)),
    });
  }
  return specs;
}

/**
 * The nats-server settings no flag can give: JetStream's sync policy. With nats-server's default
 * (fsync every 2 minutes) a message JetStream acknowledged can be lost on a power failure or an
 * OS crash, though not on a kill of the process; `always` fsyncs before each acknowledgement.
 * Written by stackUp before nats-server starts.
 */
export function natsConfigFile(plan: StackPlan): string {
  return path.join(plan.dataDir, 'nats', 'nats.conf');
}

export function natsConfigText(plan: StackPlan): string {
  return `# Written by duban stack up from NATS_SYNC; flags give everything else.\njetstream {\n  sync_interval: ${plan.nats.sync}\n}\n`;
}

export async function mongoPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2_000, connectTimeoutMS: 2_000 });
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}
