// The node-death run (issue 21, point 4): on the cluster profile, with two replicas of the
// workers and consumers serving, a steady stream of bureau actions goes through the API while one
// NATS node, then the Temporal history process, then one worker replica is SIGKILLed and started
// again a few seconds later. Then: every action the API accepted is in the timelines once, each
// consumer's ledger matches the stream, the chaos run's checks hold (checks.ts), the item whose
// deadline passed turned red, and the stall each outage caused is printed.
import { Client, Connection } from '@temporalio/client';
import { MongoClient, type Db } from 'mongodb';
import { connectBus, EVENTS_STREAM } from '@duban/bus';
import { ReadModels } from '@duban/contracts';
import { readPid, stackUp } from '@duban/stack';
import { seedUsers } from '@duban/service-gateway';
import { SUPERVISION_TASK_QUEUE } from '@duban/workflow-supervision';
import { supervisionWorkflowId, type StartItem } from '@duban/workflow-supervision/client';
import { Api, ApiStats, type Answer } from './api';
import { quiesce, verify, type Check } from './checks';
import { ITEM_UNITS, supervisionFlow, type FlowTally, type Tokens } from './flows';
import { ledgerMatchesStream } from './ledger-check';
import { clusterSizes, type ClusterSizes } from './sizes';
import { ChaosStack, chaosEnv, sleep } from './stack';

/** The parts killed, in this order: a NATS node, Temporal's history service, a worker replica. */
export const NODE_DEATHS = ['nats-2', 'temporal-history', 'replica-2'] as const;
export type NodeDeath = (typeof NODE_DEATHS)[number];

export interface Outage {
  part: NodeDeath;
  killedAt: number;
  /** When it served again (started and healthy, or the replica said ready). */
  backAt: number;
  /** The longest time with no action accepted, among gaps that overlap the outage. */
  stallMs: number;
}

export interface NodeDeathReport {
  outages: Outage[];
  /** The longest gap between accepted actions before the first kill: the stream's own rhythm. */
  baselineGapMs: number;
  accepted: number;
  tally: FlowTally;
  checks: Check[];
  durationMs: number;
  /** Raw figures for sizing (infra/production/README.md). */
  figures: {
    streamMessages: number;
    streamBytes: number;
    actions: number;
    items: number;
    sizes: ClusterSizes | null;
  };
}

export interface NodeDeathOptions {
  /** Stack slot (DUBAN_TEST_STACK): ports and data folder apart from other stacks. */
  slot: number;
  /** A new item every `flowEveryMs`: each takes four actions, so 2,000 ms is about 2 actions a second. */
  flowEveryMs: number;
  /** Steady stream before the first kill, and between a part coming back and the next kill. */
  settleMs: number;
  /** How long a killed part stays down. */
  downMs: number;
  log?: (line: string) => void;
}

/** The cluster profile's settings for this run: three NATS URLs, one gateway port per replica. */
export function nodeDeathEnv(slot: number): { env: Record<string, string>; replicaPort: number } {
  // The slot's offset 45, as test/cluster's file (one of them at a time): ports +0..+3, +10, +11 clear
  // of every other stack of a slot.
  const offset = slot * 100 + 45;
  const base = chaosEnv(`test-${slot}-node-death`, offset);
  const nats = [0, 1, 2].map((i) => `nats://127.0.0.1:${14222 + offset + i}`).join(',');
  return {
    env: { ...base, NATS_URL: nats, DUBAN_PROFILE: 'cluster', MONGODB_DB: 'duban_node_death' },
    replicaPort: 13000 + offset + 1,
  };
}

/** The API client that notes when each action was accepted. */
class TimedApi extends Api {
  readonly acceptedAt: number[] = [];
  readonly accepted: { path: string; requestId: string }[] = [];

  override async send<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; body?: unknown; requestId: string },
  ): Promise<Answer<T>> {
    const answer = await super.send<T>(method, path, options);
    if (path.includes('/actions/') && answer.status >= 200 && answer.status < 300) {
      this.acceptedAt.push(Date.now());
      this.accepted.push({ path, requestId: options.requestId });
    }
    return answer;
  }
}

export async function runNodeDeath(options: NodeDeathOptions): Promise<NodeDeathReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const { env, replicaPort } = nodeDeathEnv(options.slot);
  // Replica 1 serves the gateway too; replica 2 is the same process on another port, whose
  // gateway nobody calls: both take workers on every task queue and join every durable consumer.
  const stack = new ChaosStack(env);
  const replica2 = new ChaosStack({ ...env, PORT: String(replicaPort) });
  const run = Date.now().toString(36);
  const api = new TimedApi(stack.url, new ApiStats());
  const tally: FlowTally = { started: 0, completed: 0, unexpected: [] };

  log('starting the cluster');
  await stack.up();
  const mongo = new MongoClient(stack.config.mongo.uri);
  await mongo.connect();
  const db = mongo.db(stack.config.mongo.db);
  await seedUsers(db, { leadUnitCodes: [...ITEM_UNITS] });
  log('starting two replicas');
  await Promise.all([stack.startService(), replica2.startService()]);
  const connection = Connection.lazy({ address: stack.config.temporal.address });
  const client = new Client({ connection, namespace: stack.config.temporal.namespace });
  try {
    const tokens: Tokens = { inspector: await api.login('inspector', 'duban-inspector-2019') };
    for (const unit of ITEM_UNITS)
      tokens[`bureau-${unit}`] = await api.login(`bureau-${unit}`, 'duban-bureau-2019');

    // The steady stream: a new item every flowEveryMs, each walked through its four actions.
    let stopping = false;
    const flows: Promise<void>[] = [];
    const load = (async () => {
      for (let n = 0; !stopping; n += 1) {
        flows.push(
          supervisionFlow(api, () => client, tokens, run, n, tally).catch((error: unknown) => {
            tally.unexpected.push(`no answer: ${error instanceof Error ? error.message : String(error)}`);
          }),
        );
        await sleep(options.flowEveryMs);
      }
    })();

    await sleep(options.settleMs);
    const firstKill = Date.now();
    const outages: Outage[] = [];
    const deadlineItem = `deadline-${run}`;
    for (const part of NODE_DEATHS) {
      log(`kill -9 ${part}`);
      const killedAt = Date.now();
      await kill(stack, replica2, part);
      // An item whose deadline day is over, started while the part is down: its colour turns red
      // on the cluster with a node missing (a deadline timer of today fires at midnight only).
      if (part === 'temporal-history') void startItemPastDeadline(client, deadlineItem);
      await sleep(options.downMs);
      if (part === 'replica-2') await replica2.startService();
      else await stackUp(stack.plan, { healthTimeoutMs: 120_000 });
      const backAt = Date.now();
      log(`${part} back after ${((backAt - killedAt) / 1000).toFixed(1)} s`);
      await sleep(options.settleMs);
      outages.push({ part, killedAt, backAt, stallMs: 0 });
    }
    stopping = true;
    await load;
    await Promise.all(flows);
    log(`flows done: ${tally.completed}/${tally.started}; checking`);
    await replica2.stopService();

    for (const o of outages) o.stallMs = longestGap(api.acceptedAt, o.killedAt, o.backAt);
    const before = api.acceptedAt.filter((t) => t < firstKill);
    const baselineGapMs = before.length ? longestGap(before, before[0]!, firstKill) : 0;
    for (const o of outages) log(`${o.part}: stall ${(o.stallMs / 1000).toFixed(1)} s`);

    const bus = await connectBus(stack.config.nats.url, { name: 'node-death-checks' });
    const checks: Check[] = [];
    let figures: Omit<NodeDeathReport['figures'], 'sizes'>;
    try {
      await quiesce(bus);
      checks.push(await ledgerMatchesStream(bus));
      const { state } = await bus.jsm.streams.info(EVENTS_STREAM);
      figures = {
        streamMessages: state.messages,
        streamBytes: state.bytes,
        actions: api.accepted.length,
        items: tally.started,
      };
    } finally {
      await bus.close();
    }
    checks.push(await acceptedInTimelines(db, api.accepted));
    checks.push(await turnedRed(db, deadlineItem));
    const sizes = await clusterSizes(stack.plan);
    // A check that cannot finish (an engine call timing out) fails the run; the figures still print.
    checks.push(
      ...(await verify(stack, { run, items: tally.started, campaignId: `none-${run}`, cases: 0 }, log).catch(
        (error: unknown): Check[] => [
          {
            name: 'the chaos checks ran',
            ok: false,
            detail: error instanceof Error ? error.message : String(error),
          },
        ],
      )),
    );
    return {
      outages,
      baselineGapMs,
      accepted: api.accepted.length,
      tally,
      checks,
      durationMs: Date.now() - started,
      figures: { ...figures, sizes },
    };
  } finally {
    await connection.close().catch(() => undefined);
    await mongo.close();
    await replica2.stopService();
    await stack.down();
  }
}

async function kill(stack: ChaosStack, replica2: ChaosStack, part: NodeDeath): Promise<void> {
  if (part === 'replica-2') return replica2.kill('service');
  const pid = readPid(stack.plan.dataDir, part);
  if (pid === null) throw new Error(`${part}: no pid`);
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
      await sleep(20);
    } catch {
      return;
    }
  }
}

/** The longest time without an accepted action among gaps that overlap [from, to]. */
export function longestGap(times: readonly number[], from: number, to: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let longest = 0;
  let previous = from;
  for (const t of sorted) {
    if (t < from) continue;
    longest = Math.max(longest, t - previous);
    previous = t;
    if (t > to) break;
  }
  return longest;
}

/** Starts an item led by 教育局 whose deadline was yesterday (China Standard Time): it is red at once. */
export async function startItemPastDeadline(client: Client, itemId: string): Promise<void> {
  const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const input: StartItem = {
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: 'node-death.deadline',
    title: '节点故障演练：期限已过的事项',
    leadUnits: ['edu'],
    deadline: yesterday,
  };
  for (;;) {
    try {
      await client.workflow.start('supervisionItemWorkflow', {
        taskQueue: SUPERVISION_TASK_QUEUE,
        workflowId: supervisionWorkflowId(itemId),
        args: [input],
      });
      return;
    } catch (error) {
      if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') return;
      await sleep(500);
    }
  }
}

/**
 * Every action the API accepted left its entry in the item's timeline, under its request id (that
 * none is there twice is the chaos checks' "actions applied once (timelines)").
 */
async function acceptedInTimelines(
  db: Db,
  accepted: readonly { path: string; requestId: string }[],
): Promise<Check> {
  const missing: string[] = [];
  for (const { path, requestId } of accepted) {
    const itemId = path.split('/')[3]!;
    const n = await db
      .collection(ReadModels.timeline)
      .countDocuments({ itemId, 'actor.requestId': requestId });
    if (n === 0) missing.push(requestId);
  }
  return {
    name: 'every accepted action in the timelines',
    ok: missing.length === 0,
    detail: missing.length
      ? `${missing.length} missing: ${missing.slice(0, 5).join('; ')}`
      : `${accepted.length} actions`,
  };
}

async function turnedRed(db: Db, itemId: string): Promise<Check> {
  const deadline = Date.now() + 60_000;
  let colour: unknown = null;
  while (Date.now() < deadline) {
    const item = await db.collection(ReadModels.items).findOne({ _id: itemId } as never);
    colour = item?.overallColour ?? null;
    if (colour === 'red') break;
    await sleep(1_000);
  }
  return {
    name: 'an item past its deadline turned red (started while the history process was down)',
    ok: colour === 'red',
    detail: `overallColour ${String(colour)}`,
  };
}

export function nodeDeathLines(r: NodeDeathReport): string[] {
  const f = r.figures;
  return [
    `items completed/started: ${r.tally.completed}/${r.tally.started}; actions accepted: ${r.accepted}`,
    `longest gap between accepted actions before any kill: ${(r.baselineGapMs / 1000).toFixed(1)} s`,
    ...r.outages.map(
      (o) =>
        `${o.part}: back after ${((o.backAt - o.killedAt) / 1000).toFixed(1)} s; stall (longest gap between accepted actions around it) ${(o.stallMs / 1000).toFixed(1)} s`,
    ),
    `unexpected answers: ${r.tally.unexpected.length}`,
    ...r.tally.unexpected.slice(0, 10).map((u) => `  ${u}`),
    ...r.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
    `stream: ${f.streamMessages} events, ${f.streamBytes} bytes (${(f.streamBytes / Math.max(1, f.streamMessages)).toFixed(0)} bytes an event); ${(f.streamMessages / Math.max(1, f.actions)).toFixed(2)} events an action (starts included)`,
    ...(f.sizes
      ? [
          `temporal: ${f.sizes.workflows} workflows, history tables ${f.sizes.historyBytes} bytes (${(f.sizes.historyBytes / Math.max(1, f.sizes.workflows)).toFixed(0)} a workflow), database ${f.sizes.temporalDbBytes} bytes; ferretdb database ${f.sizes.ferretDbBytes} bytes`,
        ]
      : []),
    `duration: ${(r.durationMs / 1000).toFixed(0)} s`,
  ];
}

export function nodeDeathPassed(r: NodeDeathReport): boolean {
  return (
    r.checks.every((c) => c.ok) &&
    r.tally.unexpected.length === 0 &&
    r.tally.completed === r.tally.started &&
    r.outages.length === NODE_DEATHS.length
  );
}
