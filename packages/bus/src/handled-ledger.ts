import { Kvm, type KV } from '@nats-io/kv';
import type { Bus } from './connection';
import type { HandledEventLedger } from './ledger';
import { HANDLED_BUCKET } from './names';

/**
 * The handled-event ledger kept in a JetStream key-value bucket beside the events, one key per
 * (consumer, event id).
 *
 * Why not the document store: FerretDB 1.x on SQLite pushes an `_id` filter down as
 * `EXISTS (SELECT … FROM json_each(…))`, which no index serves, so every lookup scanned the whole
 * ledger (explain: `SCAN handled_events_…`). The ledger gains a document per consumer per event
 * and is never emptied, so each event cost more than the last: 1.2 s a lookup at 7,600 entries on
 * a loaded machine, which stalled the chaos run's consumers. A key lookup in JetStream costs the
 * same at any size, and the bucket shares the stream's durability (its sync policy, its replicas).
 */
export class JetStreamHandledEventLedger implements HandledEventLedger {
  private bucket: Promise<KV> | undefined;

  /** `replicas`: as the streams' (3 on a NATS cluster); used only when the bucket is created. */
  constructor(
    private readonly bus: Bus,
    private readonly replicas = bus.streamReplicas,
  ) {}

  async handled(consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const kv = await this.open();
    const found = await Promise.all(
      [...new Set(eventIds)].map(async (id) =>
        (await kv.get(key(consumer, id)))?.operation === 'PUT' ? id : null,
      ),
    );
    return new Set(found.filter((id): id is string => id !== null));
  }

  async recordAll(consumer: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const kv = await this.open();
    const handledAt = new Date().toISOString();
    await Promise.all([...new Set(eventIds)].map((id) => kv.put(key(consumer, id), handledAt)));
  }

  async recordFailure(consumer: string, eventId: string): Promise<number> {
    const kv = await this.open();
    const failuresKey = `${key(consumer, eventId)}.failures`;
    const before = await kv.get(failuresKey);
    const count = (before?.operation === 'PUT' ? Number(before.string()) || 0 : 0) + 1;
    await kv.put(failuresKey, String(count));
    return count;
  }

  /** Forgets a consumer's history, so a projection rebuilt from the stream handles every event. */
  async forgetConsumer(consumer: string): Promise<void> {
    await this.open();
    await this.bus.jsm.streams.purge(`KV_${HANDLED_BUCKET}`, {
      filter: `$KV.${HANDLED_BUCKET}.${token(consumer)}.>`,
    });
  }

  /** Opens the bucket once; a failed open (NATS away) is tried again on the next call. */
  private open(): Promise<KV> {
    this.bucket ??= ensureHandledBucket(this.bus, this.replicas).catch((error: unknown) => {
      this.bucket = undefined;
      throw error;
    });
    return this.bucket;
  }
}

/** Opens the ledger's bucket as it is, or creates it. */
export async function ensureHandledBucket(bus: Bus, replicas = 1): Promise<KV> {
  const kvm = new Kvm(bus.js);
  try {
    await bus.jsm.streams.info(`KV_${HANDLED_BUCKET}`);
    return await kvm.open(HANDLED_BUCKET);
  } catch (error) {
    if (!(error instanceof Error && /stream not found/i.test(error.message))) throw error;
    return await kvm.create(HANDLED_BUCKET, { history: 1, replicas });
  }
}

// A key is tokens of [-/_=.a-zA-Z0-9]; event ids and durable names may hold other characters
// (and dots, which would be token separators), so each part is base64url without padding.
function token(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function key(consumer: string, eventId: string): string {
  return `${token(consumer)}.${token(eventId)}`;
}
