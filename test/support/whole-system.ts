import { inject } from 'vitest';
import { loadConfig, type DubanConfig } from '@duban/config';
import { seedUsers } from '@duban/service-gateway';
import { connectStore } from '@duban/store';
import { startSystem, type RunningSystem, type SystemOptions } from '@duban/system';
import { api, login } from '../../services/gateway/src/testing/harness';

/** The `whole` project's shared stack (test/setup/whole-stack.ts), for files that can share it. */
export function sharedWholeStack(): DubanConfig {
  return loadConfig(inject('wholeStackEnv'));
}

/**
 * The whole system (workers, projector, alerts, gateway) without the bundled gazette, for a file
 * that works on another process than supervision: importing and projecting the gazette's 75
 * items is most of a system start. The gazette import is also what seeds the users, so this
 * seeds the staff users and one login for each unit in `units` (bureau-<unit>), as it would.
 *
 * On the `whole` project's shared stack (`sharedWholeStack()`) the files get one system between
 * them (see `sharedSystem`); elsewhere each call starts a system of its own.
 */
export async function startWithoutGazette(
  config: DubanConfig,
  units: readonly string[],
  options: Pick<SystemOptions, 'rateLimit'> = {},
): Promise<RunningSystem> {
  if (options.rateLimit === undefined && isSharedWholeStack(config)) return sharedSystem(config, units);
  const system = await startSystem(config, { ...options, port: 0, importGazette: false });
  try {
    await seedUnitLogins(config, units);
  } catch (error) {
    await system.close();
    throw error;
  }
  return system;
}

async function seedUnitLogins(config: DubanConfig, units: readonly string[]): Promise<void> {
  const store = await connectStore(config.mongo.uri, config.mongo.db);
  try {
    await seedUsers(store.db, { leadUnitCodes: units });
  } finally {
    await store.close();
  }
}

function isSharedWholeStack(config: DubanConfig): boolean {
  const env = inject('wholeStackEnv') as Record<string, string> | undefined;
  return env !== undefined && config.temporal.address === env.TEMPORAL_ADDRESS;
}

/**
 * The shared stack's files ran one system each, one after another, on the same engines: their
 * workers already served every file's workflows on the shared task queues. A system start is
 * about 6 s of CPU (nine workflow threads each load the SDK and a bundle), so the files of one
 * run (one module graph: vitest.config.ts) now share one system. A file's `close()` lets it go;
 * it closes once no file has taken it for `IDLE_CLOSE_MS` (files on stacks of their own run in
 * between), or when vitest ends the run's worker. Its gateway's per-address request limit is lifted: every file's
 * requests come from one address into one window, which no single client would do; the
 * per-login limit on failed sign-ins stays. Each file still seeds its own units' logins.
 */
// Longer than the own-stack files that run between shared ones take (e2e supervision and the
// rehearsal: about 60-70 s together on a loaded machine). Idle, the system takes about 4 % of a
// core (0.8 s of CPU in 20 s), less over such a gap than a start (4-6 s of CPU).
const IDLE_CLOSE_MS = 150_000;
let shared: { system: Promise<RunningSystem>; idle?: NodeJS.Timeout } | undefined;

async function sharedSystem(config: DubanConfig, units: readonly string[]): Promise<RunningSystem> {
  if (shared?.idle) clearTimeout(shared.idle);
  if (!shared) {
    const starting = startSystem(config, {
      port: 0,
      importGazette: false,
      rateLimit: { limit: 1_000_000 },
    });
    shared = { system: starting };
    starting.catch(() => (shared = undefined));
  }
  const mine = shared;
  const system = await mine.system;
  await seedUnitLogins(config, units);
  return {
    ...system,
    close: async () => {
      if (shared !== mine) return;
      if (mine.idle) clearTimeout(mine.idle);
      mine.idle = setTimeout(() => {
        if (shared === mine) shared = undefined;
        void system.close();
      }, IDLE_CLOSE_MS);
      // The timer alone must not keep the worker alive once the run is over.
      mine.idle.unref();
    },
  };
}

/**
 * A unit the administrator adds (a provider, an officer, a village …) and its bureau login
 * `bureau-<code>` with `password`; returns the login's token.
 */
export async function addUnitWithLogin(
  url: string,
  adminToken: string,
  unit: { code: string; name: string; kind: string; parent?: string },
  password: string,
): Promise<string> {
  const made = await api({ url }, '/api/units', {
    token: adminToken,
    body: { ...unit, shortName: unit.name },
  });
  if (made.status !== 201) throw new Error(`unit ${unit.code}: ${JSON.stringify(made.body)}`);
  const user = await api({ url }, '/api/users', {
    token: adminToken,
    body: { username: `bureau-${unit.code}`, name: unit.name, role: 'bureau', unitCode: unit.code, password },
  });
  if (user.status !== 201) throw new Error(`user bureau-${unit.code}: ${JSON.stringify(user.body)}`);
  return login({ url }, `bureau-${unit.code}`, password);
}
