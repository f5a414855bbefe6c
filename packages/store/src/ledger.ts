import { MongoBulkWriteError, type Collection, type Db } from 'mongodb';
import { isDuplicateKeyError } from './indexes';

interface HandledEventDoc {
  _id: string;
  consumer: string;
  eventId: string;
  handledAt: Date;
}

export const HANDLED_EVENTS = 'handled_events';

/** The store side of the bus's HandledEventLedger: one document per (consumer, event id). */
export class MongoHandledEventLedger {
  private readonly collection: Collection<HandledEventDoc>;

  constructor(db: Db) {
    this.collection = db.collection<HandledEventDoc>(HANDLED_EVENTS);
  }

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.collection.countDocuments({ _id: key(consumer, eventId) }, { limit: 1 })) > 0;
  }

  async record(consumer: string, eventId: string): Promise<void> {
    await this.collection.updateOne(
      { _id: key(consumer, eventId) },
      { $setOnInsert: { consumer, eventId, handledAt: new Date() } },
      { upsert: true },
    );
  }

  async handled(consumer: string, eventIds: readonly string[]): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const found = await this.collection
      .find({ _id: { $in: eventIds.map((id) => key(consumer, id)) } }, { projection: { eventId: 1 } })
      .toArray();
    return new Set(found.map((doc) => doc.eventId));
  }

  /**
   * One unordered insert for the batch; an id already there (another replica recorded it, or a
   * crash came between this write and the acks) is a duplicate key, which is what we wanted.
   */
  async recordAll(consumer: string, eventIds: readonly string[]): Promise<void> {
    if (eventIds.length === 0) return;
    const handledAt = new Date();
    const docs = [...new Set(eventIds)].map((eventId) => ({
      _id: key(consumer, eventId),
      consumer,
      eventId,
      handledAt,
    }));
    try {
      await this.collection.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!onlyDuplicateKeys(error)) throw error;
    }
  }

  /** Forgets a consumer's history, so a projection rebuilt from the stream handles every event. */
  async forgetConsumer(consumer: string): Promise<void> {
    await this.collection.deleteMany({ consumer });
  }
}

/** A batch insert whose every failure is E11000 (the driver's MongoBulkWriteError, or a single one). */
function onlyDuplicateKeys(error: unknown): boolean {
  if (isDuplicateKeyError(error)) return true;
  if (!(error instanceof MongoBulkWriteError)) return false;
  const failures = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return failures.length > 0 && failures.every((failure) => failure.code === 11000);
}

function key(consumer: string, eventId: string): string {
  return `${consumer}|${eventId}`;
}
