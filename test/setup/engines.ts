import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp, mongoUriOf, type StackPlan } from '@duban/stack';
import { testProfileEnv } from './profile';

const root = path.resolve(import.meta.dirname, '../..');

// The system tests run their own stack: other ports and another data folder than `duban stack up`,
// so a developer's running stack is never touched, and every run starts from empty engines.
// DUBAN_TEST_STACK=<n> moves the whole test stack to other ports and another data folder, so
// two test runs on one machine (two checkouts, or a run while another is going) never collide.
const slot = Number(process.env.DUBAN_TEST_STACK ?? '0');
const port = (base: number) => String(base + slot * 100);

export const testEnv = {
  DUBAN_DATA_DIR: path.join(root, '.data', slot ? `test-${slot}` : 'test'),
  DUBAN_ENGINES_DIR: path.join(root, '.engines'),
  TEMPORAL_ADDRESS: `127.0.0.1:${port(17233)}`,
  TEMPORAL_NAMESPACE: 'default',
  NATS_URL: `nats://127.0.0.1:${port(14222)}`,
  NATS_MONITOR_PORT: port(18222),
  FERRETDB_PORT: port(21017),
  MONGODB_DB: `duban_test_${process.pid}`,
  ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
  ...testProfileEnv(Number(port(14222))),
};

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

let plan: StackPlan | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig(testEnv);
  plan = planFromConfig(config, { headless: true });
  await stackDown(plan); // a previous run killed mid-way may have left engines behind
  fs.rmSync(plan.dataDir, { recursive: true, force: true });
  await stackUp(plan, { log: (line) => console.log(`[test stack] ${line}`) });
  project.provide('stack', {
    env: testEnv,
    temporalAddress: config.temporal.address,
    natsUrl: config.nats.url,
    mongoUri: mongoUriOf(plan),
    mongoDb: config.mongo.db,
    testServerPath: path.join(config.enginesDir, 'bin', 'temporal-test-server'),
  });
  return async () => {
    if (plan) await stackDown(plan, { log: (line) => console.log(`[test stack] ${line}`) });
  };
}
