import type { EventHandler } from '@duban/bus';
import type { Db } from 'mongodb';
import { projectorCollections, type ProjectorCollections } from './collections';
import type { SupervisionEvent, SupervisionEventType } from './events';
import { syncInbox } from './inbox';
import { writeItem } from './items';
import { timelineDocOf, writeTimeline } from './timeline';

/** What a handler reads out of its event beyond the snapshot. */
export interface Facts {
  /** Chinese one-line account for the timeline. */
  summary: string;
  /** Set by events that carry a progress report (报送进展, 申请办结). */
  progress?: { text: string; unitCode: string };
}

/**
 * Applies one supervision event to the three read models. Every write is a single-document
 * idempotent upsert, so handling an event twice, or an older one after a newer, changes nothing.
 */
export async function projectEvent(
  collections: ProjectorCollections,
  event: SupervisionEvent,
  facts: Facts,
): Promise<void> {
  const { item } = event.data;
  const at = new Date(event.time);
  const progress = facts.progress ? { ...facts.progress, at } : null;
  const { applied, previous } = await writeItem(collections.items, item, at, progress);
  // This event's snapshot is now the stored item: the inbox follows it without reading it back.
  const stored = { ...item, updatedAt: at };
  await syncInbox(collections, item.itemId, applied ? { stored, previous } : undefined);
  // One write after the other: the store (FerretDB on SQLite) takes one writer at a time, and
  // writes sent at once only wait on each other (bench/src/store-concurrency.ts).
  await writeTimeline(collections.timeline, timelineDocOf(event, facts.summary));
}

/** A bus handler for one event type, given how to read that type's facts. */
export function projection<T extends SupervisionEventType>(
  db: Db,
  facts: (event: SupervisionEvent<T>) => Facts,
): EventHandler<T> {
  const collections = projectorCollections(db);
  return async (event) => {
    const typed = event as SupervisionEvent<T>;
    await projectEvent(collections, typed as SupervisionEvent, facts(typed));
  };
}
