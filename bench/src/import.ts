// Benchmark (not a test), issue 20 point 4: the bundled gazette's import (catalog written, one
// supervision workflow started per item, users seeded) until every started item is projected in
// the `items` read model, against starting the same number of empty workflows (same start
// concurrency, each run to completion) on the same server, before and after, in one process.
// A stack of its own on a fresh data directory. Usage: pnpm tsx bench/src/import.ts
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { loadConfig } from '@duban/config';
import { ReadModels } from '@duban/contracts';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { BUNDLED_GAZETTE, startSystem } from '@duban/system';
import { seedUsers } from '@duban/service-gateway';
import {
  importCatalog,
  loadGazetteFile,
  startSupervisionItems,
  supervisionCandidates,
} from '../../services/catalog/src/index';
import { observeConsumers, type ConsumedEvent } from '@duban/bus';
import { startBaselineWorker } from './baseline-worker';

const root = path.resolve(import.meta.dirname, '../..');
const env = {
  DUBAN_DATA_DIR: path.join(root, '.data', 'bench-import'),
  DUBAN_ENGINES_DIR: process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines'),
  TEMPORAL_ADDRESS: '127.0.0.1:19243',
  NATS_URL: 'nats://127.0.0.1:19232',
  NATS_MONITOR_PORT: '19832',
  FERRETDB_PORT: '19027',
  MONGODB_DB: 'duban_bench_import',
  NATS_SYNC: 'always',
  LOG_LEVEL: 'warn',
};
// startSupervisionItems starts 8 at a time; the baseline does the same.
const START_CONCURRENCY = 8;

async function startEmpty(client: Client, n: number, run: string): Promise<number> {
  const t = performance.now();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) {
      const handle = await client.workflow.start('emptyWorkflow', {
        taskQueue: 'bench-baseline',
        workflowId: `empty-${run}-${i}`,
      });
      await handle.result();
    }
  };
  await Promise.all(Array.from({ length: START_CONCURRENCY }, lane));
  return performance.now() - t;
}

export async function importRatio(): Promise<{
  items: number;
  importMs: number;
  bareMs: number[];
  stages: Record<string, number>;
}> {
  fs.rmSync(env.DUBAN_DATA_DIR, { recursive: true, force: true });
  const config = loadConfig(env);
  const plan = planFromConfig(config, { headless: true });
  await stackUp(plan);
  const system = await startSystem(config, { port: 0, importGazette: false });
  const { client, stop: stopBaseline } = await startBaselineWorker(config.temporal.address);
  const mongo = new MongoClient(config.mongo.uri);
  try {
    await mongo.connect();
    const items = mongo.db(config.mongo.db).collection(ReadModels.items);
    // How many items the gazette yields is known once it is imported, so the baselines follow
    // the import; a few empty workflows first warm the worker as the system's are warm.
    await startEmpty(client, 10, 'warm');
    // importAndStart's steps (services/system/src/catalog.ts), timed one by one.
    const db = mongo.db(config.mongo.db);
    // Every delivery the system's consumers settle during the import: when the workflows' events
    // were stored in JetStream, and how long each consumer's handlers ran.
    const consumed: ConsumedEvent[] = [];
    const stopObserving = observeConsumers((e) => consumed.push(e));
    const t = performance.now();
    const loaded = await loadGazetteFile(BUNDLED_GAZETTE);
    const parsed = performance.now();
    await importCatalog(db, loaded.parsed, {
      source: 'bench',
      sourceText: loaded.text,
      importedBy: 'system',
    });
    const catalogued = performance.now();
    const candidates = supervisionCandidates(loaded.parsed.documents);
    const started = await startSupervisionItems(client, candidates);
    const startedAt = performance.now();
    const leadUnitCodes = [
      ...new Set(candidates.flatMap((c) => [...c.task.lead, ...c.task.cooperating].map((u) => u.code))),
    ].sort();
    await seedUsers(db, { leadUnitCodes });
    const seeded = performance.now();
    const ids = started.outcomes.filter((o) => o.outcome === 'started').map((o) => o.itemId);
    const giveUpAt = Date.now() + 20 * 60_000;
    while ((await items.countDocuments({ _id: { $in: ids } } as never)) < ids.length) {
      if (Date.now() > giveUpAt) throw new Error(`import: ${ids.length} items not projected in 20 min`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const importMs = performance.now() - t;
    stopObserving();
    const sinceStart = (epochMs: number) => epochMs - (performance.timeOrigin + t);
    const stages: Record<string, number> = {
      'gazette read and parsed': parsed - t,
      'catalog written': catalogued - parsed,
      [`${ids.length} supervision workflows started (8 at a time)`]: startedAt - catalogued,
      [`${leadUnitCodes.length} unit users seeded (password hashes)`]: seeded - startedAt,
      'last item projected after that': performance.now() - seeded,
    };
    for (const [stage, ms] of Object.entries(stages))
      console.log(`import stage ${stage.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms`);
    const projected = consumed.filter((e) => e.durable.endsWith('projector') && e.outcome === 'handled');
    const latest = (at: (e: ConsumedEvent) => number) => Math.max(...projected.map((e) => sinceStart(at(e))));
    console.log(
      `import: the last projector event was stored by JetStream ${latest((e) => e.storedAt).toFixed(0)} ms ` +
        `and handled ${latest((e) => e.handledAt!).toFixed(0)} ms after the import began`,
    );
    const byDurable = new Map<string, { n: number; busyMs: number; waitMs: number }>();
    for (const e of consumed) {
      const d = byDurable.get(e.durable) ?? { n: 0, busyMs: 0, waitMs: 0 };
      d.n++;
      d.busyMs += (e.handledAt ?? e.settledAt) - e.receivedAt;
      d.waitMs = Math.max(d.waitMs, e.receivedAt - e.storedAt);
      byDurable.set(e.durable, d);
    }
    for (const [durable, d] of byDurable)
      console.log(
        `import consumer ${durable.padEnd(32)} ${String(d.n).padStart(4)} deliveries, received → handled ${d.busyMs.toFixed(0)} ms summed over them (queued in the consumer included), longest wait in the stream ${d.waitMs.toFixed(0)} ms`,
      );
    const bareMs = [await startEmpty(client, ids.length, 'a'), await startEmpty(client, ids.length, 'b')];
    return { items: ids.length, importMs, bareMs, stages };
  } finally {
    await mongo.close();
    await stopBaseline();
    await system.close();
    await stackDown(plan);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { items, importMs, bareMs } = await importRatio();
  const bare = (bareMs[0]! + bareMs[1]!) / 2;
  console.log(
    `items ${items}: import until projected ${importMs.toFixed(0)} ms; ${items} empty workflows ${bareMs.map((b) => b.toFixed(0)).join(' / ')} ms; ratio ${(importMs / bare).toFixed(2)}`,
  );
}
