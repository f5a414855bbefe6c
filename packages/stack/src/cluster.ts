import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import type { ClusterPlan } from './cluster-plan';
import { mongoPing, type EngineSpec } from './engines';
import type { StackPlan } from './plan';

const run = promisify(execFile);

// The cluster profile (issue 21): PostgreSQL first (stage 1: Temporal's and FerretDB's databases
// are made there once it answers), then Temporal server as four processes, three clustered
// nats-server processes and FerretDB on PostgreSQL (stage 2), all on loopback with the
// configuration in infra/production/, as they would run across machines.

export function clusterSpecs(plan: StackPlan, cluster: ClusterPlan): EngineSpec[] {
  const bin = (name: string) => path.join(plan.enginesDir, 'bin', name);
  const data = (...parts: string[]) => path.join(plan.dataDir, ...parts);
  const pg = postgresSpec(plan, cluster);
  const pgAddr = `${cluster.postgres.host}:${cluster.postgres.port}`;
  const frontend = cluster.temporal.services.find((s) => s.name === 'frontend')!;
  const frontendAddr = `${plan.temporal.host}:${frontend.port}`;
  const temporalEnv: Record<string, string> = {
    TEMPORAL_PG_ADDR: pgAddr,
    TEMPORAL_PG_USER: cluster.postgres.user,
    TEMPORAL_HISTORY_SHARDS: String(cluster.temporal.historyShards),
    TEMPORAL_BROADCAST_IP: plan.temporal.host,
    TEMPORAL_BIND_IP: plan.temporal.host,
    TEMPORAL_FRONTEND_ADDR: frontendAddr,
    TEMPORAL_FRONTEND_HTTP_PORT: String(plan.temporal.httpPort),
    ...Object.fromEntries(
      cluster.temporal.services.flatMap((s) => [
        [`TEMPORAL_${s.name.toUpperCase()}_PORT`, String(s.port)],
        [`TEMPORAL_${s.name.toUpperCase()}_MEMBERSHIP_PORT`, String(s.membershipPort)],
      ]),
    ),
  };
  // The frontend starts alone first: four services starting together on an empty database race
  // to write the cluster's metadata, and the losers exit (duplicate key on cluster_metadata_info).
  const temporal = cluster.temporal.services.map((service): EngineSpec => ({
    name: `temporal-${service.name}`,
    stage: service.name === 'frontend' ? 2 : 3,
    binary: bin('temporal-server'),
    args: [
      '--root',
      '/',
      '--config',
      path.join(cluster.configDir, 'temporal'),
      '--env',
      service.name,
      '--allow-no-auth',
      'start',
      '--service',
      service.name,
    ],
    env: temporalEnv,
    listens: [
      service.name === 'worker'
        ? `membership ${plan.temporal.host}:${service.membershipPort}`
        : `grpc ${plan.temporal.host}:${service.port}`,
    ],
    // Up once it listens (the worker service serves no gRPC, only membership). That the whole
    // cluster serves is checked once all four run: the namespace answers a query (below).
    healthy: () =>
      tcpOpen(plan.temporal.host, service.name === 'worker' ? service.membershipPort : service.port),
    // Temporal server registers no namespace of itself (the dev server does, from --namespace).
    ...(service.name === 'worker'
      ? { setup: () => registerNamespace(bin('temporal'), frontendAddr, plan.temporal.namespace) }
      : {}),
  }));
  const routes = cluster.nats.nodes.map((n) => `nats-route://${n.host}:${n.routePort}`);
  const nats = cluster.nats.nodes.map((node): EngineSpec => ({
    name: node.name,
    stage: 2,
    binary: bin('nats-server'),
    args: ['--config', path.join(cluster.configDir, 'nats-cluster.conf')],
    env: {
      NATS_SERVER_NAME: node.name,
      NATS_LISTEN: `${node.host}:${node.port}`,
      NATS_HTTP: `${node.host}:${node.monitorPort}`,
      NATS_STORE_DIR: data(node.name),
      NATS_SYNC: plan.nats.sync ?? 'always',
      NATS_CLUSTER_LISTEN: `${node.host}:${node.routePort}`,
      NATS_ROUTE_1: routes[0]!,
      NATS_ROUTE_2: routes[1]!,
      NATS_ROUTE_3: routes[2]!,
    },
    prepare: () => {
      if (routes.length !== 3)
        throw new Error(`the cluster profile runs 3 NATS nodes; NATS_URL names ${routes.length}`);
      fs.mkdirSync(data(node.name), { recursive: true });
      return Promise.resolve();
    },
    listens: [`nats://${node.host}:${node.port}`],
    // Plain /healthz fails until the node has found JetStream's meta leader, so a healthy node
    // can create replicated streams.
    healthy: () => httpOk(`http://${node.host}:${node.monitorPort}/healthz`),
  }));
  const specs: EngineSpec[] = [pg, ...temporal, ...nats];
  if (plan.mongo.kind === 'ferretdb') {
    const mongo = plan.mongo;
    const uri = `mongodb://${mongo.host}:${mongo.port}/`;
    specs.push({
      name: 'ferretdb',
      stage: 2,
      binary: bin('ferretdb'),
      args: [
        '--handler=postgresql',
        `--postgresql-url=postgres://${cluster.postgres.user}@${pgAddr}/ferretdb`,
        `--listen-addr=${mongo.host}:${mongo.port}`,
        `--debug-addr=${mongo.host}:${mongo.debugPort}`,
        `--state-dir=${data('ferretdb')}`,
        '--telemetry=disable',
        '--log-level=warn',
      ],
      prepare: () => {
        fs.mkdirSync(data('ferretdb'), { recursive: true });
        return Promise.resolve();
      },
      listens: [uri],
      healthy: () => mongoPing(uri),
    });
  }
  return specs;
}

/** Debian's PostgreSQL binaries (infra/install-engines.sh writes where they are). */
function postgresBin(enginesDir: string): string {
  try {
    return fs.readFileSync(path.join(enginesDir, 'postgresql-bin'), 'utf8').trim();
  } catch {
    return path.join(enginesDir, 'postgresql-bin-missing');
  }
}

/** initdb and postgres refuse to run as root: under root they run as Debian's `postgres` user. */
function postgresAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function postgresSpec(plan: StackPlan, cluster: ClusterPlan): EngineSpec {
  const pgBin = postgresBin(plan.enginesDir);
  const dir = path.join(plan.dataDir, 'postgres');
  const account = postgresAccount();
  const { host, port, user } = cluster.postgres;
  const psql = (sql: string, db = 'postgres') =>
    run(path.join(pgBin, 'psql'), ['-h', host, '-p', String(port), '-U', user, '-d', db, '-tAc', sql], {
      timeout: 10_000,
    });
  const sqlTool = (db: string, ...args: string[]) =>
    run(
      path.join(plan.enginesDir, 'bin', 'temporal-sql-tool'),
      ['--ep', host, '-p', String(port), '-u', user, '--pl', 'postgres12', '--db', db, ...args],
      { timeout: 120_000 },
    );
  return {
    name: 'postgresql',
    stage: 1,
    binary: path.join(pgBin, 'postgres'),
    // TCP on loopback only; no Unix socket (its default folder belongs to Debian's own cluster).
    args: ['-D', dir, '-p', String(port), '-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories='],
    ...(account ? { account } : {}),
    listens: [`postgres://${user}@${host}:${port}`],
    prepare: async () => {
      if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return;
      fs.mkdirSync(dir, { recursive: true });
      if (account) fs.chownSync(dir, account.uid, account.gid);
      // Trust on loopback: the profile's engines are reachable from this machine only. On real
      // machines pg_hba.conf asks for scram-sha-256 passwords (infra/production/README.md).
      await run(
        path.join(pgBin, 'initdb'),
        ['-D', dir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-locale'],
        { ...(account ? { uid: account.uid, gid: account.gid } : {}), timeout: 120_000 },
      );
    },
    healthy: async () => {
      try {
        return (await psql('SELECT 1')).stdout.trim() === '1';
      } catch {
        return false;
      }
    },
    setup: async () => {
      const exists = async (db: string) =>
        (await psql(`SELECT 1 FROM pg_database WHERE datname = '${db}'`)).stdout.trim() === '1';
      for (const [db, schema] of [
        ['temporal', 'postgresql/v12/temporal'],
        ['temporal_visibility', 'postgresql/v12/visibility'],
      ] as const) {
        if (!(await exists(db))) {
          await sqlTool(db, 'create-database');
          await sqlTool(db, 'setup-schema', '-v', '0.0');
        }
        // Brings the schema to the tool's version; does nothing when it is there already.
        await sqlTool(db, 'update-schema', '--schema-name', schema);
      }
      if (!(await exists('ferretdb'))) await psql('CREATE DATABASE ferretdb');
    },
  };
}

/** Registers the namespace once, then waits until the frontend serves it (its cache refreshes). */
async function registerNamespace(cli: string, address: string, namespace: string): Promise<void> {
  const ns = ['--address', address, '-n', namespace];
  const described = () =>
    run(cli, ['operator', 'namespace', 'describe', ...ns], { timeout: 5_000 }).then(
      () => true,
      () => false,
    );
  if (!(await described())) {
    await run(cli, ['operator', 'namespace', 'create', ...ns, '--retention', '720h'], { timeout: 30_000 });
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await run(cli, ['workflow', 'count', ...ns], { timeout: 5_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function httpOk(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function tcpOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2_000 });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}
