// The stack both API benchmarks (round trip, throughput) run against: the engines, the whole
// system without the gazette and with no rate limit, the bare baseline worker beside it on the
// same Temporal, and a bureau (教育局) signed in.
import { MongoClient } from 'mongodb';
import type { Client } from '@temporalio/client';
import { loadConfig } from '@duban/config';
import { seedUsers } from '@duban/service-gateway';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { startSystem, type RunningSystem } from '@duban/system';
import { startBaselineWorker } from './baseline-worker';
import { login } from './api';

export interface BenchSystem {
  system: RunningSystem;
  /** The baseline worker's client, on the same Temporal server as the system. */
  client: Client;
  /** 教育局's session token. */
  token: string;
  close(): Promise<void>;
}

export async function startBenchSystem(env: Record<string, string>): Promise<BenchSystem> {
  const config = loadConfig(env);
  const plan = planFromConfig(config, { headless: true });
  await stackUp(plan);
  // The API's rate limit protects the city's gateway from abuse; the benchmark is not abuse.
  const system = await startSystem(config, {
    port: 0,
    importGazette: false,
    rateLimit: { windowMs: 60_000, limit: 1_000_000, sessionWindowMs: 60_000, sessionLimit: 1000 },
  });
  const { client, stop: stopBaseline } = await startBaselineWorker(config.temporal.address);
  const close = async () => {
    await stopBaseline();
    await system.close();
    await stackDown(plan);
  };
  try {
    const mongo = new MongoClient(config.mongo.uri);
    await mongo.connect();
    await seedUsers(mongo.db(config.mongo.db), { leadUnitCodes: ['edu'] });
    await mongo.close();
    return { system, client, token: await login(system.gateway.url), close };
  } catch (error) {
    await close();
    throw error;
  }
}
