import {
  EVENTS_STREAM,
  type Bus,
  type RebuildableReadModel,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import { ReadModels, type InboxDoc } from '@duban/contracts';
import type { Db, Filter } from 'mongodb';

/** A rebuildable read model kept in the store (MongoDB / FerretDB). */
export type StoreReadModel = RebuildableReadModel<Db>;

export interface RebuildReadModelsOptions {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
  /** Give up waiting for one read model's replay after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Told as each read model is caught up, before the next one starts. */
  onRebuilt?: (rebuilt: ReadModelRebuilt) => void;
}

export interface ReadModelRebuilt {
  name: string;
  label: string;
  /** Caught up and still consuming; the caller keeps them or stops them. */
  consumers: RunningConsumer[];
  /** Events handled during the replay, summed over the read model's consumers. */
  handled: number;
  /** Deliveries recognised as already handled (an event published twice under one id). */
  duplicates: number;
  durationMs: number;
}

/** Read models that are not rebuilt: `alerts` are facts announced once (AlertRaised). */
const NEVER_DROPPED: ReadonlySet<string> = new Set([ReadModels.inbox, ReadModels.alerts]);

/**
 * Rebuilds read models from the stream (DESIGN §2), one after another: deletes each durable
 * consumer, drops the collections, deletes the process's entries of the shared inbox (other
 * processes' entries stay), forgets the events the ledger recorded for those consumers, then
 * starts the consumers again on fresh durables that deliver the whole stream from the start, and
 * goes on once they have nothing pending and nothing unacknowledged.
 *
 * Stop every replica of these consumers first: one left running would keep writing while the
 * collections are dropped. On failure the consumers already started are stopped.
 */
export async function rebuildReadModels(
  models: readonly RebuildableReadModel<Db>[],
  options: RebuildReadModelsOptions,
): Promise<ReadModelRebuilt[]> {
  const done: ReadModelRebuilt[] = [];
  try {
    for (const model of models) {
      const rebuilt = await rebuildReadModel(model, options);
      done.push(rebuilt);
      options.onRebuilt?.(rebuilt);
    }
  } catch (error) {
    for (const rebuilt of done) for (const consumer of rebuilt.consumers) await consumer.stop();
    throw error;
  }
  return done;
}

async function rebuildReadModel(
  model: RebuildableReadModel<Db>,
  { bus, db, durablePrefix, timeoutMs = 600_000 }: RebuildReadModelsOptions,
): Promise<ReadModelRebuilt> {
  const shared = model.collections.filter((name) => NEVER_DROPPED.has(name));
  if (shared.length) throw new Error(`read model ${model.name} would drop ${shared.join(', ')}`);
  const started = Date.now();
  const durables = model.durables(durablePrefix);
  for (const durable of durables) await deleteConsumer(bus, durable);
  for (const name of model.collections) await dropCollection(db, name);
  if (model.inbox) {
    const entries = (model.inboxEntries ?? { process: model.inbox }) as Filter<InboxDoc>;
    await db.collection<InboxDoc>(ReadModels.inbox).deleteMany(entries);
  }
  const ledger = new JetStreamHandledEventLedger(bus);
  for (const durable of durables) await ledger.forgetConsumer(durable);
  const consumers = await model.start({ bus, db, durablePrefix });
  try {
    const deadline = started + timeoutMs;
    for (const durable of durables) {
      await waitUntilCaughtUp(bus, durable, { timeoutMs: Math.max(deadline - Date.now(), 0) });
    }
  } catch (error) {
    for (const consumer of consumers) await consumer.stop();
    throw error;
  }
  const sum = (key: 'handled' | 'duplicates') => consumers.reduce((n, c) => n + c.stats[key], 0);
  return {
    name: model.name,
    label: model.label,
    consumers,
    handled: sum('handled'),
    duplicates: sum('duplicates'),
    durationMs: Date.now() - started,
  };
}

/** Resolves when a durable consumer has delivered every message and every delivery was acked. */
export async function waitUntilCaughtUp(
  bus: Bus,
  durable: string,
  { timeoutMs = 60_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await bus.jsm.consumers.info(EVENTS_STREAM, durable);
    if (info.num_pending === 0 && info.num_ack_pending === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `consumer ${durable} not caught up after ${timeoutMs} ms: ` +
          `${info.num_pending} pending, ${info.num_ack_pending} awaiting ack`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function deleteConsumer(bus: Bus, durable: string): Promise<void> {
  try {
    await bus.jsm.consumers.delete(EVENTS_STREAM, durable);
  } catch (error) {
    if (!(error instanceof Error && /consumer not found/i.test(error.message))) throw error;
  }
}

async function dropCollection(db: Db, name: string): Promise<void> {
  try {
    await db.dropCollection(name);
  } catch (error) {
    // 26 NamespaceNotFound: nothing to drop.
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 26)) throw error;
  }
}
