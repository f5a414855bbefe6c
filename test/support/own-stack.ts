import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, type DubanConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp, type StackPlan } from '@duban/stack';
import { testProfileEnv } from '../setup/profile';

const root = path.resolve(import.meta.dirname, '../..');

export interface OwnStack {
  config: DubanConfig;
  stop(): Promise<void>;
}

/**
 * The settings of a whole stack of its own: ports and data folder apart from the shared test
 * stack's and from each other's. `offset` moves the ports: a stack takes base+offset, +10 and +11,
 * so offsets in use are 5 and 25 (in the `system` project) and 20, 40, 60, 65 (fuzzing) and 80
 * (chaos) in `whole`, which runs at the same time, and 85 (the operator's test in `system`); files of one project run one after another.
 */
export function ownStackEnv(name: string, offset: number): Record<string, string> {
  const slot = Number(process.env.DUBAN_TEST_STACK ?? '0');
  const port = (base: number) => String(base + slot * 100 + offset);
  return {
    DUBAN_DATA_DIR: path.join(root, '.data', `test-${slot}-${name}`),
    DUBAN_ENGINES_DIR: path.join(root, '.engines'),
    TEMPORAL_ADDRESS: `127.0.0.1:${port(17233)}`,
    NATS_URL: `nats://127.0.0.1:${port(14222)}`,
    NATS_MONITOR_PORT: port(18222),
    FERRETDB_PORT: port(21017),
    MONGODB_DB: `duban_${name}`,
    LOG_LEVEL: 'warn',
    ...(process.env.MONGODB_URI
      ? { MONGODB_URI: process.env.MONGODB_URI, MONGODB_DB: `duban_${name}_${process.pid}` }
      : {}),
    ...testProfileEnv(Number(port(14222))),
  };
}

/** Starts a stack from `ownStackEnv` on empty data (a stack left behind by a killed run is stopped first). */
export async function startStackOf(env: Record<string, string>): Promise<OwnStack> {
  const config = loadConfig(env);
  const plan: StackPlan = planFromConfig(config, { headless: true });
  await stackDown(plan);
  fs.rmSync(plan.dataDir, { recursive: true, force: true });
  try {
    await stackUp(plan);
  } catch (error) {
    // One engine that cannot start must not leave the other two running (and holding their
    // ports) for the next run: the file's afterAll has no stack to stop.
    await stackDown(plan).catch(() => undefined);
    throw error;
  }
  return { config, stop: () => stackDown(plan) };
}

/**
 * A whole stack for one test file that runs the whole system on the bundled gazette. Such files
 * start the same 75 items (ids come from 文号 + 条款) and publish the same event ids, so on a
 * shared Temporal and NATS one file's items and events would shadow another's; and one file's
 * closed item would change another's colour count. Files without the gazette share a stack
 * (test/support/whole-system.ts) unless they need an engine state of their own.
 */
export async function startOwnStack(name: string, offset: number): Promise<OwnStack> {
  return startStackOf(ownStackEnv(name, offset));
}
