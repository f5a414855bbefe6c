import type { Collection, Db } from 'mongodb';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import type { Message } from './messages';
import type { ChannelName } from './recipients';

export const OUTBOX = 'delivery_outbox';

/**
 * One message to one recipient by one channel. `pending` until sent; `sending` while a
 * dispatcher holds it (a lease, so one that died lets go); `sent` once; `dead` when retrying
 * cannot help or the attempts ran out, with the reason for the admins.
 */
export interface OutboxDoc {
  _id: string; // delivery id: <source event id>|<channel>|<recipient>
  sourceEvent: string;
  channel: ChannelName;
  recipient: string;
  message: Message;
  about: { process: string; itemId: string; kind: string; colour: string; alertId: string };
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  /**
   * Set just before the channel is called, cleared with the outcome: a claimed entry that still
   * has one was being sent by a dispatcher that died during the call, and whether the receiver
   * accepted it is unknown (absent on entries written before it existed).
   */
  calling?: { attemptId: string; since: Date } | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  deadAt: Date | null;
}

export function outbox(db: Db): Collection<OutboxDoc> {
  return db.collection<OutboxDoc>(OUTBOX);
}

export async function ensureOutboxIndexes(db: Db): Promise<void> {
  await ensureIndexes(outbox(db), [
    { key: { status: 1, nextAttemptAt: 1 }, name: 'status_nextAttemptAt' },
    { key: { channel: 1, recipient: 1, sentAt: -1 }, name: 'channel_recipient_sentAt' },
  ]);
}

/** Inserts once: the same delivery id a second time (a redelivered alert) changes nothing. */
export async function enqueue(db: Db, doc: OutboxDoc): Promise<boolean> {
  try {
    await outbox(db).insertOne(doc);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

/** Takes the next due delivery for `leaseMs`; a lease run out (its dispatcher died) is due again. */
export async function claimNext(db: Db, now: Date, leaseMs: number): Promise<OutboxDoc | null> {
  return outbox(db).findOneAndUpdate(
    {
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { status: 'sending', leaseUntil: { $lte: now } },
      ],
    },
    { $set: { status: 'sending', leaseUntil: new Date(now.getTime() + leaseMs) } },
    { sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after' },
  );
}

/**
 * Records that the channel is being called now, under this attempt's id, while the lease is ours:
 * false when another dispatcher took the entry over (our lease ran out), and then we do not call.
 */
export async function markCalling(
  db: Db,
  id: string,
  attemptId: string,
  leaseUntil: Date,
  now: Date,
): Promise<boolean> {
  const done = await outbox(db).updateOne(
    { _id: id, status: 'sending', leaseUntil },
    { $set: { calling: { attemptId, since: now } } },
  );
  return done.matchedCount === 1;
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await outbox(db).updateOne(
    { _id: id },
    { $set: { status: 'sent', sentAt: now, leaseUntil: null, calling: null }, $inc: { attempts: 1 } },
  );
}

/** Back to pending for later, counting the attempt or not (a rate limit is no failed attempt). */
export async function postpone(
  db: Db,
  id: string,
  at: Date,
  failure: { error: string } | null,
): Promise<void> {
  await outbox(db).updateOne(
    { _id: id },
    {
      $set: {
        status: 'pending',
        nextAttemptAt: at,
        leaseUntil: null,
        calling: null,
        ...(failure ? { lastError: failure.error } : {}),
      },
      ...(failure ? { $inc: { attempts: 1 } } : {}),
    },
  );
}

export async function markDead(db: Db, id: string, now: Date, reason: string): Promise<void> {
  await outbox(db).updateOne(
    { _id: id },
    {
      $set: { status: 'dead', deadAt: now, leaseUntil: null, calling: null, lastError: reason },
      $inc: { attempts: 1 },
    },
  );
}

/** How many messages a target was sent since `since`: its rate limit, kept in the store. */
export async function sentSince(
  db: Db,
  channel: ChannelName,
  recipient: string,
  since: Date,
): Promise<Date[]> {
  const docs = await outbox(db)
    .find({ channel, recipient, sentAt: { $gte: since } }, { projection: { sentAt: 1 } })
    .sort({ sentAt: 1 })
    .toArray();
  return docs.flatMap((d) => (d.sentAt ? [d.sentAt] : []));
}
