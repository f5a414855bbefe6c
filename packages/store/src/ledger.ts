import type { Collection, Db } from 'mongodb';

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

  /** Forgets a consumer's history, so a projection rebuilt from the stream handles every event. */
  async forgetConsumer(consumer: string): Promise<void> {
    await this.collection.deleteMany({ consumer });
  }
}

function key(consumer: string, eventId: string): string {
  return `${consumer}|${eventId}`;
}
