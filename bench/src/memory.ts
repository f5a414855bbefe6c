// Benchmark (not a test), issue 20 point 6: worker memory per cached workflow — N open supervision
// items held in a worker's sticky cache sized on purpose (N + 10) — against N empty workflows
// (`idleWorkflow`, waiting on nothing) cached the same way, in the same process, one after the
// other. Both workers run in `debugMode` so that their workflows live in this process's main V8
// heap, which is measured after a full GC (with `reuseV8Context` the threads' heaps are not
// visible to process.memoryUsage): heap bytes per workflow. The supervision worker's publish
// activity does nothing here: what is measured is the workflow's state, not JetStream.
// Usage: pnpm bench memory [items=10000] or pnpm tsx bench/src/memory.ts [items]
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '@duban/config';
import { planFromConfig, stackDown, stackUp } from '@duban/stack';
import { supervisionWorkflowId, type StartItem } from '@duban/workflow-supervision/client';
import { supervisionWorkflowsPath } from '@duban/workflow-supervision';

const root = path.resolve(import.meta.dirname, '../..');
const env = {
  DUBAN_DATA_DIR: path.join(root, '.data', 'bench-memory'),
  DUBAN_ENGINES_DIR: process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines'),
  TEMPORAL_ADDRESS: '127.0.0.1:19263',
  NATS_URL: 'nats://127.0.0.1:19252',
  NATS_MONITOR_PORT: '19852',
  FERRETDB_PORT: '19047',
  MONGODB_DB: 'duban_bench_memory',
  LOG_LEVEL: 'warn',
};
const START_CONCURRENCY = 8;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const giveUpAt = Date.now() + 60 * 60_000;
  while (!check()) {
    if (Date.now() > giveUpAt) throw new Error(`memory: ${what} not reached in 60 min`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts `n` workflows on a fresh worker whose cache holds them all, waits until every one is
 * cached, and returns the heap growth per workflow; the worker is shut down (evicting them).
 */
async function perCachedWorkflow(
  native: NativeConnection,
  client: Client,
  n: number,
  worker: { taskQueue: string; workflowsPath: string; activities?: object },
  start: (i: number) => Promise<unknown>,
): Promise<number> {
  const w = await Worker.create({
    connection: native,
    ...worker,
    maxCachedWorkflows: n + 10,
    debugMode: true,
  });
  const running = w.run();
  const before = heapAfterGc();
  let next = 0;
  await Promise.all(
    Array.from({ length: START_CONCURRENCY }, async () => {
      for (let i = next++; i < n; i = next++) await start(i);
    }),
  );
  await until(() => w.getStatus().numCachedWorkflows >= n, `${n} cached on ${worker.taskQueue}`);
  const perWorkflow = (heapAfterGc() - before) / n;
  w.shutdown();
  await running;
  return perWorkflow;
}

export async function memoryRatio(n = 10_000): Promise<{ n: number; empty: number; item: number }> {
  const config = loadConfig(env);
  const plan = planFromConfig(config, { headless: true });
  await stackUp(plan);
  const connection = await Connection.connect({ address: config.temporal.address });
  const native = await NativeConnection.connect({ address: config.temporal.address });
  const client = new Client({ connection });
  const run = Date.now();
  try {
    const empty = await perCachedWorkflow(
      native,
      client,
      n,
      {
        taskQueue: 'bench-memory-empty',
        workflowsPath: fileURLToPath(new URL('./baseline-workflows.ts', import.meta.url)),
      },
      (i) =>
        client.workflow.start('idleWorkflow', {
          taskQueue: 'bench-memory-empty',
          workflowId: `idle-${run}-${i}`,
        }),
    );
    const item = await perCachedWorkflow(
      native,
      client,
      n,
      {
        taskQueue: 'bench-memory-items',
        workflowsPath: supervisionWorkflowsPath,
        activities: { publishItemEvent: async () => {} },
      },
      (i) => {
        const input: StartItem = {
          itemId: `mem-${run}-${i}`,
          docNo: '青政办发〔2019〕31号',
          ref: `mem.${i}`,
          title: '内存基准事项：按通知要求推进并按月报送进展',
          leadUnits: ['edu'],
          cooperatingUnits: ['agri'],
          deadline: '2099-12-31',
        };
        return client.workflow.start('supervisionItemWorkflow', {
          taskQueue: 'bench-memory-items',
          workflowId: supervisionWorkflowId(input.itemId),
          args: [input],
        });
      },
    );
    const kb = (b: number) => (b / 1024).toFixed(1);
    console.log(
      `${n} cached workflows: empty ${kb(empty)} KiB each, open supervision item ${kb(item)} KiB each; ratio ${(item / empty).toFixed(2)}`,
    );
    return { n, empty, item };
  } finally {
    await native.close();
    await connection.close();
    await stackDown(plan);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await memoryRatio(Number(process.argv[2] ?? 10_000));
