// Benchmark (not a test), issue 20 point 2: completed supervision steps per second per core — a
// bureau's `progress` through the API, answered once its workflow's Update completed — driven by a
// bounded load generator (a fixed number of lanes, each waiting for its answer before the next
// request), against bare Temporal Updates per second (echo workflow) with as many lanes on the same
// server, same process, same run; bare, then API, then bare again. The generator shares the
// machine's cores with the server, the workers and the projector: "per core" divides by all cores.
// Usage: pnpm bench throughput [seconds=30] or pnpm tsx bench/src/throughput.ts [seconds] [lanes]
import os from 'node:os';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { supervisionWorkflowId, type StartItem } from '@duban/workflow-supervision/client';
import { SUPERVISION_TASK_QUEUE } from '@duban/workflow-supervision';
import { echoUpdate } from './baseline-workflows';
import { post } from './api';
import { startBenchSystem } from './bench-system';

const root = path.resolve(import.meta.dirname, '../..');
const env = {
  DUBAN_DATA_DIR: path.join(root, '.data', 'bench-throughput'),
  DUBAN_ENGINES_DIR: process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines'),
  TEMPORAL_ADDRESS: '127.0.0.1:19253',
  NATS_URL: 'nats://127.0.0.1:19242',
  NATS_MONITOR_PORT: '19842',
  FERRETDB_PORT: '19037',
  MONGODB_DB: 'duban_bench_throughput',
  NATS_SYNC: 'always',
  LOG_LEVEL: 'warn',
};

/** Runs `lanes` loops of `step` for `seconds`; returns completed steps per second. */
async function drive(lanes: number, seconds: number, step: (lane: number, i: number) => Promise<unknown>) {
  const until = performance.now() + seconds * 1000;
  const t = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; performance.now() < until; i++) {
        await step(lane, i);
        done++;
      }
    }),
  );
  return done / ((performance.now() - t) / 1000);
}

export interface Throughput {
  cores: number;
  lanes: number;
  /** Per second, whole machine: bare before, API, bare after. */
  bare: number[];
  api: number;
}

export async function throughputRatio(seconds = 30, lanes = 8): Promise<Throughput> {
  const { system, client, token, close } = await startBenchSystem(env);
  try {
    const run = Date.now();
    // One item and one echo workflow per lane: a workflow's Updates run one at a time, so lanes
    // sharing one would measure its queue.
    const itemIds: string[] = [];
    const echoes: WorkflowHandle[] = [];
    for (let lane = 0; lane < lanes; lane++) {
      const itemId = `tp-${run}-${lane}`;
      const input: StartItem = {
        itemId,
        docNo: '青政办发〔2019〕31号',
        ref: `tp.${lane}`,
        title: '吞吐量基准事项',
        leadUnits: ['edu'],
        deadline: '2099-12-31',
      };
      const handle = await client.workflow.start('supervisionItemWorkflow', {
        taskQueue: SUPERVISION_TASK_QUEUE,
        workflowId: supervisionWorkflowId(itemId),
        args: [input],
      });
      await handle.query('itemSnapshot');
      await post(system.gateway.url, token, itemId, 'sign', {});
      itemIds.push(itemId);
      echoes.push(
        await client.workflow.start('echoWorkflow', {
          taskQueue: 'bench-baseline',
          workflowId: `tp-echo-${run}-${lane}`,
        }),
      );
    }
    const bareRun = () =>
      drive(lanes, seconds, (lane, i) => echoes[lane]!.executeUpdate(echoUpdate, { args: [i] }));
    const bare = [await bareRun()];
    const api = await drive(lanes, seconds, (lane, i) =>
      post(system.gateway.url, token, itemIds[lane]!, 'progress', { text: `第${i}次进展`, attachments: [] }),
    );
    bare.push(await bareRun());
    for (const echo of echoes) await echo.terminate('benchmark done');
    const cores = os.cpus().length;
    console.log(
      `${lanes} lanes, ${seconds} s each, ${cores} cores: bare Updates ${bare.map((b) => b.toFixed(1)).join(' / ')} per s; ` +
        `API steps ${api.toFixed(1)} per s (${(api / cores).toFixed(1)} per s per core); ratio ${(api / ((bare[0]! + bare[1]!) / 2)).toFixed(2)}`,
    );
    return { cores, lanes, bare, api };
  } finally {
    await close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await throughputRatio(Number(process.argv[2] ?? 30), Number(process.argv[3] ?? 8));
