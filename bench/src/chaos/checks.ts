// What the chaos run checks once the killing stops: every flow in its final state, each event id
// stored once, each action and each alert applied once, and the read models the same as a
// rebuild from the stream gives.
import { isDeepStrictEqual } from 'node:util';
import { connectBus, DEAD_LETTER_STREAM, EVENTS_STREAM, type Bus } from '@duban/bus';
import { AlertEvents, ReadModels, type CloudEvent, type TimelineDoc } from '@duban/contracts';
import {
  rebuildReadModels,
  WORKFLOW_REPAIRS,
  type StoreReadModel,
  type WorkflowRepairDoc,
} from '@duban/process';
import { connectStore, type Store } from '@duban/store';
import { PROCESSES } from '@duban/system';
import type { Db } from 'mongodb';
import { sleep, type ChaosStack } from './stack';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Expected {
  run: string;
  items: number;
  campaignId: string;
  cases: number;
}

/**
 * Waits until the stream stops growing and every durable consumer has acked all of it. A consumer
 * still catching up is not a lost event: the wait gives up only after `timeoutMs` with no progress.
 */
export async function quiesce(
  bus: Bus,
  timeoutMs = 180_000,
  onProgress?: (behind: number) => void,
): Promise<void> {
  let deadline = Date.now() + timeoutMs;
  let last = -1;
  let lastBehind = Infinity;
  for (;;) {
    const seq = (await bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq;
    let behind = 0;
    const laggards: string[] = [];
    for await (const c of bus.jsm.consumers.list(EVENTS_STREAM)) {
      const lag = c.num_pending + c.num_ack_pending;
      behind += lag;
      if (lag) laggards.push(`${c.name} ${c.num_pending} pending, ${c.num_ack_pending} unacked`);
    }
    if (seq === last && behind === 0) return;
    if (behind < lastBehind) {
      deadline = Date.now() + timeoutMs;
      lastBehind = behind;
      onProgress?.(behind);
    }
    if (Date.now() > deadline)
      throw new Error(`no progress for ${timeoutMs} ms: ${behind} behind (${laggards.join('; ')})`);
    last = seq;
    await sleep(1_000);
  }
}

/** Every message of the event stream, in order. */
async function readStream(bus: Bus): Promise<CloudEvent[]> {
  const { state } = await bus.jsm.streams.info(EVENTS_STREAM);
  const events: CloudEvent[] = [];
  if (state.messages === 0) return events;
  const consumer = await bus.js.consumers.get(EVENTS_STREAM);
  const messages = await consumer.consume();
  for await (const m of messages) {
    events.push(m.json<CloudEvent>());
    if (m.seq >= state.last_seq) break;
  }
  await messages.close();
  return events;
}

function twice<T>(values: T[], key: (v: T) => string | null): string[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = key(v);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

const check = (name: string, bad: string[], good: string): Check => ({
  name,
  ok: bad.length === 0,
  detail: bad.length === 0 ? good : `${bad.length}: ${bad.slice(0, 5).join('; ')}`,
});

async function finalOrTimeout(db: Db, expected: Expected, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await db
      .collection(ReadModels.items)
      .countDocuments({ _id: { $regex: `^chaos-${expected.run}-` }, state: { $ne: 'closed' } } as never);
    const projected = await db.collection(ReadModels.items).countDocuments({
      _id: { $regex: `^chaos-${expected.run}-` },
    } as never);
    if (open === 0 && projected === expected.items) return;
    await sleep(1_000);
  }
}

/** The checks that read the engines while the service still runs. */
async function liveChecks(bus: Bus, db: Db, expected: Expected): Promise<Check[]> {
  const items = await db
    .collection(ReadModels.items)
    .find({ _id: { $regex: `^chaos-${expected.run}-` } } as never, { projection: { state: 1 } })
    .toArray();
  const openItems = items.filter((i) => i.state !== 'closed').map((i) => String(i._id));
  const cases = await db
    .collection('kg_cases')
    .find({ campaignId: expected.campaignId }, { projection: { phase: 1 } })
    .toArray();
  const openCases = cases.filter((c) => c.phase !== 'closed').map((c) => String(c._id));
  if (items.length !== expected.items) openItems.push(`${expected.items - items.length} items not projected`);
  if (cases.length !== expected.cases) openCases.push(`${expected.cases - cases.length} cases not projected`);

  const events = await readStream(bus);
  const timeline = await db
    .collection<TimelineDoc>(ReadModels.timeline)
    .find({ itemId: { $regex: `^chaos-${expected.run}-` } })
    .toArray();
  const deadLetters = (await bus.jsm.streams.info(DEAD_LETTER_STREAM)).state.messages;
  const repairs = await db
    .collection<WorkflowRepairDoc>(WORKFLOW_REPAIRS)
    .find({}, { projection: { workflowId: 1, outcome: 1 } })
    .toArray();
  const repaired = repairs.filter((r) => r.outcome === 'reset').length;
  return [
    check(
      'no replay failure left to an operator (the workflow doctor)',
      repairs.filter((r) => r.outcome !== 'reset').map((r) => `${r.workflowId} ${r.outcome}`),
      `${repaired} reset by the doctor after the known core split`,
    ),
    check('no event dead-lettered', deadLetters ? [`${deadLetters} dead letters`] : [], 'none'),
    check('supervision items closed', openItems, `${items.length}/${expected.items}`),
    check('kindergarten cases closed', openCases, `${cases.length}/${expected.cases}`),
    check(
      'event ids stored once',
      twice(events, (e) => e.id),
      `${events.length} events`,
    ),
    check(
      'actions applied once (stream)',
      // An alert carries the request id of the action that caused it, once per audience.
      twice(events, (e) =>
        e.requestid && e.type !== AlertEvents.AlertRaised.type
          ? `${e.subject} ${e.type} ${e.requestid}`
          : null,
      ),
      `${events.filter((e) => e.requestid).length} events carry a request id`,
    ),
    check(
      'actions applied once (timelines)',
      twice(timeline, (t) => (t.actor.requestId ? `${t.itemId} ${t.fact} ${t.actor.requestId}` : null)),
      `${timeline.length} timeline entries`,
    ),
    check(
      'alerts announced once',
      twice(
        events.filter((e) => e.type === AlertEvents.AlertRaised.type),
        (e) => String((e.data as { alertId: string }).alertId),
      ),
      `${events.filter((e) => e.type === AlertEvents.AlertRaised.type).length} alerts`,
    ),
  ];
}

async function dump(db: Db, models: readonly StoreReadModel[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...new Set(models.flatMap((m) => m.collections)), ReadModels.inbox]) {
    out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
  }
  return out;
}

/** Stops the service (as `duban projections rebuild` asks), rebuilds in place and compares. */
async function rebuildCheck(stack: ChaosStack, bus: Bus, db: Db): Promise<Check> {
  const models = PROCESSES.flatMap((p) => p.readModels ?? []);
  await stack.stopService();
  const before = await dump(db, models);
  const rebuilt = await rebuildReadModels(models, { bus, db, timeoutMs: 300_000 });
  for (const r of rebuilt) for (const c of r.consumers) await c.stop();
  const after = await dump(db, models);
  const differing = Object.keys(before).filter((name) => !isDeepStrictEqual(before[name], after[name]));
  const sizes = Object.entries(before)
    .filter(([, docs]) => docs.length > 0)
    .map(([name, docs]) => `${name} ${docs.length}`);
  return check(
    'read models equal a rebuild from the stream',
    differing.map(
      (name) =>
        `${name} (${before[name]!.length} live, ${after[name]!.length} rebuilt${firstDifference(before[name]!, after[name]!)})`,
    ),
    sizes.join(', '),
  );
}

/** The first document that differs, by id, and the fields that differ, live → rebuilt. */
function firstDifference(live: unknown[], rebuilt: unknown[]): string {
  const byId = new Map(
    rebuilt.map((d) => [String((d as { _id: unknown })._id), d as Record<string, unknown>]),
  );
  for (const doc of live as Record<string, unknown>[]) {
    const other = byId.get(String(doc._id));
    if (isDeepStrictEqual(doc, other)) continue;
    if (!other) return `; ${String(doc._id)} not rebuilt`;
    const fields = Object.keys({ ...doc, ...other }).filter((k) => !isDeepStrictEqual(doc[k], other[k]));
    const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80);
    return `; ${String(doc._id)}: ${fields.map((k) => `${k} ${show(doc[k])} → ${show(other[k])}`).join(', ')}`;
  }
  return '';
}

export async function verify(
  stack: ChaosStack,
  expected: Expected,
  log: (line: string) => void = () => undefined,
): Promise<Check[]> {
  let bus: Bus | undefined;
  let store: Store | undefined;
  try {
    bus = await connectBus(stack.config.nats.url, { name: 'chaos-checks' });
    store = await connectStore(stack.config.mongo.uri, stack.config.mongo.db);
    // Consumers that never catch up fail a check of their own (with how far behind), and the
    // other checks still run on what the read models hold: the figures are printed either way.
    const quiet: Check = { name: 'every consumer caught up', ok: true, detail: 'yes' };
    let reported = 0;
    const progress = (behind: number) => {
      if (Date.now() - reported < 30_000) return;
      reported = Date.now();
      log(`consumers catching up: ${behind} behind`);
    };
    const caughtUp = async () => {
      await quiesce(bus!, undefined, progress).catch((error: unknown) => {
        Object.assign(quiet, { ok: false, detail: error instanceof Error ? error.message : String(error) });
      });
    };
    await caughtUp();
    // A publish cut by a kill is retried only after its activity timeout, which can outlast a
    // quiet second: give the flows time to reach their final state before judging them.
    await finalOrTimeout(store.db, expected);
    await caughtUp();
    const checks = [quiet, ...(await liveChecks(bus, store.db, expected))];
    checks.push(await rebuildCheck(stack, bus, store.db));
    return checks;
  } finally {
    await bus?.close();
    await store?.close();
  }
}
