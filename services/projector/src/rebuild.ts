import { EVENTS_STREAM, type Bus, type RunningConsumer } from '@duban/bus';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { ReadModels } from '@duban/contracts';
import { PROJECTOR_COLLECTIONS } from './collections';
import { SUPERVISION_ENTRIES } from './inbox';
import { PROJECTOR_CONSUMER, startProjectorService, type ProjectorDeps } from './service';

export interface RebuildOptions extends ProjectorDeps {
  /** Give up waiting for the replay after this long (default 10 minutes). */
  timeoutMs?: number;
}

export interface RebuildResult {
  /** The projector, caught up and still consuming; the caller keeps it or stops it. */
  consumer: RunningConsumer;
  /** Events handled during the replay. */
  handled: number;
  durationMs: number;
}

/**
 * Rebuilds the projector's read models from the stream (DESIGN §2): deletes its durable consumer,
 * drops `items` and `timeline` and its own entries of the shared `inbox` (other processes' entries
 * stay: their services own them), forgets the events its ledger recorded, then starts the
 * projector again on a fresh consumer that delivers the whole stream from the start, and resolves
 * once that consumer has nothing pending and nothing unacknowledged.
 *
 * Stop every projector using the same durable name first: a replica left running would keep
 * writing while the collections are dropped.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const durable = options.durable ?? PROJECTOR_CONSUMER;
  await deleteConsumer(options.bus, durable);
  for (const name of PROJECTOR_COLLECTIONS) {
    if (name === ReadModels.inbox) await options.db.collection(name).deleteMany(SUPERVISION_ENTRIES);
    else await dropCollection(options.db, name);
  }
  await new MongoHandledEventLedger(options.db).forgetConsumer(durable);
  const consumer = await startProjectorService({ ...options, durable });
  try {
    await waitUntilCaughtUp(options.bus, durable, { timeoutMs: options.timeoutMs ?? 600_000 });
  } catch (error) {
    await consumer.stop();
    throw error;
  }
  return { consumer, handled: consumer.stats.handled, durationMs: Date.now() - started };
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
