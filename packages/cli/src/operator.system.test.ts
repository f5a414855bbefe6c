import { createHmac } from 'node:crypto';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { connectBus, ensureStreams, EVENTS_STREAM } from '@duban/bus';
import { jwtSecretFile, loadConfig } from '@duban/config';
import { loadGazetteFile, startSupervisionItems, supervisionCandidates } from '@duban/service-catalog';
import { DEV_PASSWORDS, seedUsers, startGateway, type RunningGateway } from '@duban/service-gateway';
import { supervisionReadModel } from '@duban/service-supervision';
import { eventually } from '@duban/service-supervision/testing';
import {
  backupStack,
  planFromConfig,
  readSupervision,
  restoreStack,
  stackDown,
  stackUp,
  stopSupervisor,
  Supervisor,
  type StackPlan,
} from '@duban/stack';
import { connectStore } from '@duban/store';
import { BUNDLED_GAZETTE } from '@duban/system';
import {
  createSupervisionActivities,
  SUPERVISION_TASK_QUEUE,
  supervisionWorkflowsPath,
} from '@duban/workflow-supervision';
import { ownStackEnv } from '../../../test/support/own-stack';
import { supervisionLines } from './commands/stack';

const root = path.resolve(import.meta.dirname, '../../..');
const MAIN = path.join(root, 'packages/cli/src/main.ts');
const run = promisify(execFile);

// A stack of its own (offset 85 on the test slot: ports +85, +95, +96, clear of the other stacks'
// offsets 5, 20, 25, 40, 60), supervised the way `duban start` supervises, with a stand-in for
// the services child (the real one bundles every workflow; the gateway here serves /api/health).
const env = ownStackEnv('operator', 85);
// The same ports once the first stack is stopped, and the same database name: it is restored.
const restoredEnv = { ...ownStackEnv('operator-restored', 85), MONGODB_DB: env.MONGODB_DB! };
const backupDir = `${env.DUBAN_DATA_DIR}-backup`;

/** The secret earlier versions shipped in their source (issue 12, defect 4). */
const quiet = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

const PUBLISHED_SECRET = 'duban-development-only-jwt-secret-do-not-deploy';

// Stands in for `duban serve`: says it is ready, then waits to be stopped.
const FAKE_SERVICES = `process.send({ type: 'ready', url: 'stand-in' });
process.on('disconnect', () => process.exit(0));
setInterval(() => undefined, 60000);`;

async function duban(extra: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: root,
      env: { ...process.env, ...extra },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

async function clean(plan: StackPlan): Promise<void> {
  await stopSupervisor(plan.dataDir).catch(() => undefined);
  await stackDown(plan);
  fs.rmSync(plan.dataDir, { recursive: true, force: true });
}

describe('the operator: a secret of its own, supervised engines, backup and restore', () => {
  const config = loadConfig(env);
  const plan = planFromConfig(config, { headless: true });
  const restoredPlan = planFromConfig(loadConfig(restoredEnv), { headless: true });
  const lines: string[] = [];
  let supervisor: Supervisor | undefined;
  let gateway: RunningGateway | undefined;
  let bundle: Promise<WorkflowBundleWithSourceMap>;

  const health = async () => {
    const res = await fetch(`${gateway!.url}/api/health`);
    return (await res.json()) as {
      status: string;
      supervision?: { parts: { name: string; state: string; restarts: number }[] };
    };
  };
  const part = (h: Awaited<ReturnType<typeof health>>, name: string) =>
    h.supervision?.parts.find((p) => p.name === name);

  beforeAll(async () => {
    // Bundled while the engines start: the bundle is most of a worker's start.
    bundle = bundleWorkflowCode({ workflowsPath: supervisionWorkflowsPath, logger: quiet });
    bundle.catch(() => undefined);
    await clean(plan);
    await clean(restoredPlan);
    fs.rmSync(backupDir, { recursive: true, force: true });
    supervisor = await Supervisor.start(plan, {
      log: (line) => lines.push(line),
      services: () =>
        spawn(process.execPath, ['-e', FAKE_SERVICES], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      // Shortened so the test waits less; the default starts at 1 s too.
      backoff: { firstMs: 200, maxMs: 2_000, stableMs: 60_000 },
      pollMs: 200,
    });
    gateway = await startGateway(config, {
      port: 0,
      supervision: () => {
        const state = readSupervision(plan.dataDir);
        return state && { paused: state.paused, parts: state.parts };
      },
    });
    const store = await connectStore(config.mongo.uri, config.mongo.db);
    await seedUsers(store.db, { leadUnitCodes: ['edu'] });
    await store.close();
  });

  afterAll(async () => {
    await gateway?.close();
    await supervisor?.stop();
    await stackDown(restoredPlan);
  });

  it('signs tokens with a secret generated on first start: one signed with the published secret is refused', async () => {
    const file = jwtSecretFile(plan.dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const secret = fs.readFileSync(file, 'utf8').trim();

    const res = await fetch(`${gateway!.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEV_PASSWORDS.admin }),
    });
    const session = await res.text();
    expect(session).not.toContain(secret);
    const token = (JSON.parse(session) as { token: string }).token;
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${createHmac('sha256', PUBLISHED_SECRET).update(`${header}.${payload}`).digest('base64url')}`;

    const users = (t: string) =>
      fetch(`${gateway!.url}/api/users`, { headers: { authorization: `Bearer ${t}` } });
    expect((await users(token)).status).toBe(200);
    expect((await users(forged)).status).toBe(401);
    expect(JSON.stringify(await health())).not.toContain(secret);
  });

  it('restarts nats-server after a SIGKILL; /api/health and stack status show it', async () => {
    expect(await health()).toMatchObject({ status: 'ok' });
    const nats = readSupervision(plan.dataDir)!.parts.find((p) => p.name === 'nats')!;
    process.kill(nats.pid!, 'SIGKILL');

    const back = await eventually(
      health,
      (h) => h.status === 'ok' && part(h, 'nats')?.restarts === 1 && part(h, 'nats')?.state === 'running',
      {
        timeoutMs: 30_000,
      },
    );
    expect(part(back, 'temporal')).toMatchObject({ state: 'running', restarts: 0 });
    expect(lines.some((l) => l.startsWith(`nats (pid ${nats.pid}) is gone`))).toBe(true);

    // What `duban stack status` prints below the engines.
    expect(supervisionLines(readSupervision(plan.dataDir)!).join('\n')).toMatch(
      /nats +running pid \d+ +restarts 1, last /,
    );
  });

  it('restarts the services child that died', async () => {
    const services = readSupervision(plan.dataDir)!.parts.find((p) => p.name === 'services')!;
    process.kill(services.pid!, 'SIGKILL');
    const back = await eventually(
      health,
      (h) => part(h, 'services')?.restarts === 1 && part(h, 'services')?.state === 'running',
      {
        timeoutMs: 10_000,
      },
    );
    expect(back.status).toBe('ok');
  });

  // An external MongoDB (MONGODB_URI) is backed up with its own tools, not by duban backup.
  it.skipIf(process.env.MONGODB_URI !== undefined)(
    'backs up while supervised, and a fresh data directory restored from it holds the same items, timelines and deadlines',
    async () => {
      const bus = await connectBus(config.nats.url, { name: 'operator-test' });
      await ensureStreams(bus.jsm);
      const store = await connectStore(config.mongo.uri, config.mongo.db);
      const native = await NativeConnection.connect({ address: config.temporal.address });
      const connection = await Connection.connect({ address: config.temporal.address });
      const client = new Client({ connection });
      const worker = await Worker.create({
        connection: native,
        taskQueue: SUPERVISION_TASK_QUEUE,
        workflowBundle: await bundle,
        activities: createSupervisionActivities({ js: bus.js }),
      });
      const working = worker.run();
      const projector = await supervisionReadModel().start({ bus, db: store.db, durablePrefix: 'operator-' });
      const gazette = await loadGazetteFile(BUNDLED_GAZETTE);
      const started = await startSupervisionItems(
        client,
        // Three of the gazette's tasks, due in 2030 and without reports: each settles on its
        // deadline timer at once (the 2019 deadlines would have years of missed reports to announce).
        supervisionCandidates(gazette.parsed.documents)
          .slice(0, 3)
          .map(({ document, task }) => ({
            document: { ...document, reporting: null },
            task: { ...task, deadlines: [{ date: '2030-06-28' }], recurringDeadlines: [] },
          })),
      );
      const ids = started.outcomes.map((o) => o.itemId);
      const snapshot = async (db: typeof store.db) => ({
        items: await db
          .collection('items')
          .find({ _id: { $in: ids } } as object)
          .sort({ _id: 1 })
          .toArray(),
        timeline: await db.collection('timeline').find({}).sort({ _id: 1 }).toArray(),
      });
      await eventually(
        () => snapshot(store.db),
        (s) => s.items.length === 3 && s.timeline.length >= 3,
      );
      // Each workflow's history so far, its deadline timers included (a restored server may add
      // workflow-task events of its own once it runs again).
      const histories = async (c: Client) =>
        Promise.all(
          started.outcomes.map(async (o) =>
            ((await c.workflow.getHandle(o.workflowId).fetchHistory()).events ?? []).map((e) => ({
              id: String(e.eventId),
              type: e.eventType,
              timer: e.timerStartedEventAttributes?.startToFireTimeout?.seconds?.toString() ?? null,
            })),
          ),
        );
      // Settled: every item waits on its deadline timer.
      await eventually(
        () => histories(client),
        (hs) => hs.every((h) => h.some((e) => e.timer !== null)),
        { timeoutMs: 30_000 },
      );
      for (const c of projector) await c.stop();
      worker.shutdown();
      await working;
      const before = await snapshot(store.db);
      expect(before.items.map((item) => typeof item.deadline)).toEqual(['string', 'string', 'string']);
      const eventsBefore = await histories(client);
      const streamBefore = (await bus.jsm.streams.info(EVENTS_STREAM)).state.messages;
      await Promise.all([native.close(), connection.close(), bus.close(), store.close()]);

      const manifest = await backupStack(plan, backupDir, (line) => lines.push(line));
      expect(lines).toContain('pausing for a backup: stopping the services and engines');
      expect(Object.keys(manifest.engines)).toEqual(['temporal', 'nats', 'ferretdb']);
      await expect(restoreStack(plan, backupDir, { log: () => undefined })).rejects.toThrow(
        /is running \(duban start/,
      );
      const back = await eventually(
        health,
        (h) => h.status === 'ok' && part(h, 'services')?.state === 'running',
        { timeoutMs: 60_000 },
      );
      // A pause is no restart: the counts are those of the two deaths above.
      expect(back.supervision?.parts.map((p) => [p.name, p.state, p.restarts])).toEqual([
        ['temporal', 'running', 0],
        ['nats', 'running', 1],
        ['ferretdb', 'running', 0],
        ['services', 'running', 1],
      ]);

      await gateway!.close();
      gateway = undefined;
      await supervisor!.stop();
      supervisor = undefined;
      const restored = await duban(restoredEnv, 'restore', backupDir);
      expect(restored).toMatchObject({ code: 0 });
      expect(restored.out).toMatch(/files restored into/);
      await stackUp(restoredPlan);
      const restoredConfig = loadConfig(restoredEnv);
      const restoredStore = await connectStore(restoredConfig.mongo.uri, restoredConfig.mongo.db);
      const restoredConnection = await Connection.connect({ address: restoredConfig.temporal.address });
      const restoredBus = await connectBus(restoredConfig.nats.url, { name: 'operator-test-restored' });
      try {
        expect(await snapshot(restoredStore.db)).toEqual(before);
        const restoredClient = new Client({ connection: restoredConnection });
        const restoredHistories = await histories(restoredClient);
        expect(restoredHistories.map((h, i) => h.slice(0, eventsBefore[i]!.length))).toEqual(eventsBefore);
        expect(eventsBefore.every((h) => h.some((e) => e.timer !== null))).toBe(true);
        const described = await restoredClient.workflow.getHandle(started.outcomes[0]!.workflowId).describe();
        expect(described.status.name).toBe('RUNNING');
        expect((await restoredBus.jsm.streams.info(EVENTS_STREAM)).state.messages).toBe(streamBefore);
        expect(fs.existsSync(jwtSecretFile(restoredPlan.dataDir))).toBe(false);
      } finally {
        await Promise.all([restoredStore.close(), restoredConnection.close(), restoredBus.close()]);
      }
    },
  );
});
