// Benchmark (not a test): a bureau action through the API until the read model shows it, against
// a bare Temporal Update round trip on the same server, in the same process and run. Prints
// p50/p99 of both and their ratio. Usage: pnpm bench roundtrip [actions=300] (bench/src/main.ts)
import path from 'node:path';
import { supervisionWorkflowId, type StartItem } from '@duban/workflow-supervision/client';
import { updateIdOf } from '@duban/http';
import { SUPERVISION_TASK_QUEUE } from '@duban/workflow-supervision';
import { observeConsumers, type ConsumedEvent } from '@duban/bus';
import { echoUpdate } from './baseline-workflows';
import { printBreakdown, type ClientInstants } from './breakdown';
import { summary, type Summary } from './stats';
import { post } from './api';
import { startBenchSystem } from './bench-system';

// The reader's pause between two reads of the item. The reader runs on the same event loop and
// store as the projector it waits for: `BENCH_POLL_MS=20` shows how much its polling costs them.
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 2);
const root = path.resolve(import.meta.dirname, '../..');
// A stack of its own, on ports no developer stack or test run uses.
const env = {
  DUBAN_DATA_DIR: path.join(root, '.data', 'bench'),
  DUBAN_ENGINES_DIR: process.env.DUBAN_ENGINES_DIR ?? path.join(root, '.engines'),
  TEMPORAL_ADDRESS: '127.0.0.1:19233',
  NATS_URL: 'nats://127.0.0.1:19222',
  NATS_MONITOR_PORT: '19822',
  FERRETDB_PORT: '19017',
  MONGODB_DB: 'duban_bench',
  // `NATS_SYNC=2m pnpm bench` measures nats-server's default sync policy against `always`.
  NATS_SYNC: process.env.NATS_SYNC ?? 'always',
  LOG_LEVEL: 'warn',
};

/** Runs `actions` interleaved pairs and prints the figures; returns p50 and p99 of both sides. */
export async function actionRoundtrip(actions = 300): Promise<{ bare: Summary; api: Summary }> {
  const { system, client, token, close } = await startBenchSystem(env);
  try {
    const run = Date.now();
    const itemIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const itemId = `bench-${run}-${i}`;
      const input: StartItem = {
        itemId,
        docNo: '青政办发〔2019〕31号',
        ref: `bench.${i}`,
        title: '基准测试事项',
        leadUnits: ['edu'],
        deadline: '2099-12-31',
      };
      const handle = await client.workflow.start('supervisionItemWorkflow', {
        taskQueue: SUPERVISION_TASK_QUEUE,
        workflowId: supervisionWorkflowId(itemId),
        args: [input],
      });
      itemIds.push(itemId);
      await handle.query('itemSnapshot');
    }
    for (const id of itemIds) await post(system.gateway.url, token, id, 'sign', {});
    const echo = await client.workflow.start('echoWorkflow', {
      taskQueue: 'bench-baseline',
      workflowId: `echo-${run}`,
    });

    const apiMs: number[] = [];
    const bareMs: number[] = [];
    const traced: ClientInstants[] = [];
    // The projector's deliveries by request id (the event carries the request's id).
    const consumed = new Map<string, ConsumedEvent>();
    const stopObserving = observeConsumers((e) => {
      if (e.outcome === 'handled' && e.requestId && e.durable.endsWith('projector'))
        consumed.set(e.requestId, e);
    });
    for (let i = 0; i < actions; i++) {
      // Interleaved, so both see the same machine state.
      let t = performance.now();
      await echo.executeUpdate(echoUpdate, { args: [i] });
      bareMs.push(performance.now() - t);

      const id = itemIds[i % itemIds.length]!;
      const requestId = `bench-${run}-${i}`;
      t = performance.now();
      const res = await post(
        system.gateway.url,
        token,
        id,
        'progress',
        { text: `第${i}次进展`, attachments: [] },
        requestId,
      );
      const answered = performance.now();
      const version = (res as { item: { version: number } }).item.version;
      await waitForVersion(system.gateway.url, token, id, version);
      const visible = performance.now();
      apiMs.push(visible - t);
      const epoch = (at: number) => performance.timeOrigin + at;
      traced.push({
        requestId,
        workflowId: supervisionWorkflowId(id),
        updateId: updateIdOf('progress', requestId),
        sentAt: epoch(t),
        answeredAt: epoch(answered),
        visibleAt: epoch(visible),
      });
    }
    stopObserving();
    const a = summary(apiMs);
    const b = summary(bareMs);
    const fmt = (n: number) => n.toFixed(1).padStart(8);
    console.log(`actions: ${actions} (each: API → Temporal Update → event → projector → read model)`);
    console.log(`                         p50 ms   p99 ms  mean ms`);
    console.log(`bare Temporal Update  ${fmt(b.p50)} ${fmt(b.p99)} ${fmt(b.mean)}`);
    console.log(`API to read model     ${fmt(a.p50)} ${fmt(a.p99)} ${fmt(a.mean)}`);
    console.log(`ratio (API / bare)    ${fmt(a.p50 / b.p50)} ${fmt(a.p99 / b.p99)} ${fmt(a.mean / b.mean)}`);
    await printBreakdown(client, traced, consumed);
    await echo.terminate('benchmark done');
    return { bare: b, api: a };
  } finally {
    await close();
  }
}

async function waitForVersion(url: string, token: string, id: string, version: number): Promise<void> {
  for (;;) {
    const res = await fetch(`${url}/api/items/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { item?: { version: number } };
    if ((body.item?.version ?? -1) >= version) return;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await actionRoundtrip(Number(process.argv[2] ?? 300));
