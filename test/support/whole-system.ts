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
 */
export async function startWithoutGazette(
  config: DubanConfig,
  units: readonly string[],
  options: Pick<SystemOptions, 'rateLimit'> = {},
): Promise<RunningSystem> {
  const system = await startSystem(config, { ...options, port: 0, importGazette: false });
  try {
    const store = await connectStore(config.mongo.uri, config.mongo.db);
    try {
      await seedUsers(store.db, { leadUnitCodes: units });
    } finally {
      await store.close();
    }
  } catch (error) {
    await system.close();
    throw error;
  }
  return system;
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
