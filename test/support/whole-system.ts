import { inject } from 'vitest';
import { loadConfig, type DubanConfig } from '@duban/config';
import { seedUsers } from '@duban/service-gateway';
import { connectStore } from '@duban/store';
import { startSystem, type RunningSystem, type SystemOptions } from '@duban/system';

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
