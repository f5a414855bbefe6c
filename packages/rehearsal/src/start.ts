import fs from 'node:fs';
import path from 'node:path';
import { connectBus } from '@duban/bus';
import { isCivilDate, type CivilDate } from '@duban/calendar';
import { loadConfig, type DubanConfig } from '@duban/config';
import { clock } from '@duban/contracts';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { Client } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  importAndStart,
  startSystem,
  type CatalogBootstrap,
  type RunningSystem,
  type SystemOptions,
} from '@duban/system';
import { startTimeSkippingServer } from '@duban/workflow-core/testing/server';
import { connectStore } from '@duban/store';
import { RehearsalClock } from './control';
import { rehearsalModule } from './module';

/** Ports of a rehearsal: the real stack's plus this, so both can run on one machine. */
const PORT_SHIFT = 100;

/**
 * A rehearsal's settings from the real ones: its own data directory (`<data>/rehearsal`) and
 * ports, so nothing of the real stack is read or touched.
 */
export function rehearsalConfig(env: Record<string, string | undefined> = process.env): DubanConfig {
  const real = loadConfig(env);
  const shift = (n: number) => String(n + PORT_SHIFT);
  const nats = new URL(real.nats.url);
  return loadConfig({
    ...env,
    DUBAN_DATA_DIR: path.join(real.dataDir, 'rehearsal'),
    NATS_URL: `nats://${nats.hostname}:${shift(Number(nats.port))}`,
    NATS_MONITOR_PORT: shift(real.nats.monitorPort),
    FERRETDB_PORT: shift(real.mongo.ferretPort),
    PORT: shift(real.http.port),
    MONGODB_URI: undefined,
    MONGODB_DB: 'duban_rehearsal',
  });
}

export interface RehearsalOptions extends Pick<SystemOptions, 'port' | 'logger' | 'bundleCacheDir'> {
  /** The simulated date the rehearsal starts on (its 09:00 in Shanghai). */
  date: CivilDate;
  /** Import the bundled gazette and start its items, as `duban start` does. Default true. */
  importGazette?: boolean;
  log?: (line: string) => void;
}

export interface RunningRehearsal {
  system: RunningSystem;
  catalog: CatalogBootstrap | null;
  control: RehearsalClock;
  close(): Promise<void>;
}

/**
 * The whole system (workers, consumers, gateway, the gazette and the campaigns) on Temporal's
 * time-skipping test server, its clock at `date`, in `config`'s own data directory, emptied first:
 * the test server keeps its workflows in memory, so a rehearsal always starts afresh.
 */
export async function startRehearsal(
  config: DubanConfig,
  options: RehearsalOptions,
): Promise<RunningRehearsal> {
  if (!isCivilDate(options.date)) throw new Error(`not a date: ${options.date}`);
  const log = options.log ?? (() => undefined);
  const plan = planFromConfig(config, { headless: true });
  const engines = { without: ['temporal'] as const, log };
  await stackDown(plan, engines);
  fs.rmSync(plan.dataDir, { recursive: true, force: true });
  await stackUp(plan, engines);

  const cleanups: (() => Promise<unknown>)[] = [() => stackDown(plan, engines)];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    clock.reset();
  };
  try {
    // The server's clock is UTC: 01:00 UTC is 09:00 in Shanghai.
    const env = await startTimeSkippingServer(
      path.join(config.enginesDir, 'bin', 'temporal-test-server'),
      `${options.date} 01:00:00`,
    );
    cleanups.push(() => env.teardown());
    log(`temporal-test-server at ${env.address}, clock ${options.date} 09:00 (Asia/Shanghai)`);
    const bus = await connectBus(config.nats.url, { name: 'duban-rehearsal' });
    cleanups.push(() => bus.close());
    const store = await connectStore(config.mongo.uri, config.mongo.db);
    cleanups.push(() => store.close());
    const control = new RehearsalClock(env, bus, store.db, options.date);
    await control.sync();

    const system = await startSystem(
      { ...config, temporal: { ...config.temporal, address: env.address, namespace: 'default' } },
      {
        importGazette: false,
        extraModules: [rehearsalModule(control)],
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.bundleCacheDir ? { bundleCacheDir: options.bundleCacheDir } : {}),
      },
    );
    cleanups.push(() => system.close());
    const catalog =
      options.importGazette === false
        ? null
        : await importAndStart(store.db, patientClient(env), {
            escalateAfterRedDays: config.alerts.redEscalationDays,
          });
    return { system, catalog, control, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The gazette's items are started as `duban start` does, but each with a minute (not ten seconds)
 * for a workflow task: the import starts some 75 items at once, and on a busy machine their first
 * tasks took 11–17 s, each timed out and was retried for ever. The command sequence is the same.
 */
function patientClient(env: TestWorkflowEnvironment): Client {
  return new Client({
    connection: env.connection,
    namespace: 'default',
    interceptors: {
      workflow: [
        {
          start: (input, next) =>
            next({ ...input, options: { ...input.options, workflowTaskTimeout: msToTs('1 minute') } }),
        },
      ],
    },
  });
}
