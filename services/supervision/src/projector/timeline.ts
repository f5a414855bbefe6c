import { eventDefinition, type TimelineDoc } from '@duban/contracts';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './collections';
import type { SupervisionEvent } from './events';

export function timelineDocOf(event: SupervisionEvent, summary: string): TimelineDoc {
  // The snapshot is in `items`; the timeline keeps what this fact adds to it.
  const { item, ...data } = event.data;
  return {
    _id: event.id,
    itemId: item.itemId,
    version: item.version,
    type: event.type,
    fact: eventDefinition(event.type).fact,
    summary,
    at: new Date(event.time),
    actor: {
      userId: event.actorid ?? null,
      unitCode: event.actorunit ?? null,
      requestId: event.requestid ?? null,
    },
    data,
  };
}

/** One document per event, keyed by the event id: writing it again changes nothing. */
export async function writeTimeline(timeline: Collection<TimelineDoc>, doc: TimelineDoc): Promise<void> {
  try {
    await timeline.replaceOne({ _id: doc._id }, doc, { upsert: true });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await timeline.replaceOne({ _id: doc._id }, doc);
  }
}
