import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp, mongoUriOf, type StackPlan } from '@duban/stack';

const root = path.resolve(import.meta.dirname, '../..');

// The system tests run their own stack: other ports and another data folder than `duban stack up`,
// so a developer's running stack is never touched, and every run starts from empty engines.
// DUBAN_TEST_STACK=<n> moves the whole test stack to other ports and another data folder, so
// two test runs on one machine (two checkouts, or a run while another is going) never collide.
const slot = Number(process.env.DUBAN_TEST_STACK ?? '0');

/**
 * The settings of a test stack: `offset` moves its ports (base+offset, +10, +11) and names its
 * data folder, so the `workflows` project's stack (test/setup/workflow-engines.ts, offset 45) runs
 * beside this one in a vitest process of its own. Offsets in use: test/support/own-stack.ts.
 */
export function testEnvAt(offset: number): Record<string, string> {
  const port = (base: number) => String(base + slot * 100 + offset);
  const name = (slot ? `test-${slot}` : 'test') + (offset ? `-at-${offset}` : '');
  return {
    DUBAN_DATA_DIR: path.join(root, '.data', name),
    DUBAN_ENGINES_DIR: path.join(root, '.engines'),
    TEMPORAL_ADDRESS: `127.0.0.1:${port(17233)}`,
    TEMPORAL_NAMESPACE: 'default',
    NATS_URL: `nats://127.0.0.1:${port(14222)}`,
    NATS_MONITOR_PORT: port(18222),
    FERRETDB_PORT: port(21017),
    MONGODB_DB: `duban_test_${process.pid}`,
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
  };
}

export const testEnv = testEnvAt(0);

export interface TestStack {
  env: Record<string, string>;
  temporalAddress: string;
  natsUrl: string;
  mongoUri: string;
  mongoDb: string;
  testServerPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: TestStack;
  }
}

/** Starts the test stack of `env` on empty data and provides it to the project's files as `stack`. */
export async function provideTestStack(
  project: TestProject,
  env: Record<string, string>,
): Promise<() => Promise<void>> {
  const config = loadConfig(env);
  const plan: StackPlan = planFromConfig(config, { headless: true });
  await stackDown(plan); // a previous run killed mid-way may have left engines behind
  fs.rmSync(plan.dataDir, { recursive: true, force: true });
  await stackUp(plan, { log: (line) => console.log(`[test stack] ${line}`) });
  project.provide('stack', {
    env,
    temporalAddress: config.temporal.address,
    natsUrl: config.nats.url,
    mongoUri: mongoUriOf(plan),
    mongoDb: config.mongo.db,
    testServerPath: path.join(config.enginesDir, 'bin', 'temporal-test-server'),
  });
  return () => stackDown(plan, { log: (line) => console.log(`[test stack] ${line}`) });
}

export default function setup(project: TestProject): Promise<() => Promise<void>> {
  return provideTestStack(project, testEnv);
}
