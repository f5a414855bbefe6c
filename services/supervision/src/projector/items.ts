import type { ItemDoc, ItemSnapshot } from '@duban/workflow-supervision/client';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './collections';

export type LatestProgress = NonNullable<ItemDoc['latestProgress']>;

/**
 * Writes the snapshot an event carries, only if it is newer than the stored one, with
 * single-document operations (FerretDB 1.x has no transactions), every one filtered on `{_id}`
 * alone: FerretDB 1.x on SQLite sends only that filter shape to SQL and reads the whole
 * collection for any other (bench/src/store-by-key.ts), so the versions are compared here:
 * - the stored item is read by id; if it is older, the newer snapshot is set on it;
 * - if there is none, the whole document is inserted: the first event of an item;
 * - if the insert hits E11000, another replica just inserted it, so the comparison is made again.
 * An insert rather than an upsert with `$setOnInsert`, so the document appears whole at once
 * (FerretDB 1.x also drops null values from `$setOnInsert`). FerretDB 1.x ran a filtered update
 * as a read then a write (no transaction), so comparing here gives up no atomicity it had. The
 * read and the write are two steps, so two replicas must not run it for one item at once: the
 * projector's durable is pinned to one replica at a time (@duban/bus consumer.ts, PRIORITY_GROUP).
 *
 * `latestProgress` is left alone by other events; an event that carries a progress report sets it
 * when the event is the newest, and otherwise only if it is later than the stored report (a
 * report delivered out of order must not hide a newer one, nor be lost behind a newer snapshot).
 *
 * Returns whether this event's snapshot is now the stored one, and the item it replaced (null:
 * there was none).
 */
export async function writeItem(
  items: Collection<ItemDoc>,
  item: ItemSnapshot,
  at: Date,
  progress: LatestProgress | null,
): Promise<{ applied: boolean; previous: ItemDoc | null }> {
  const byId = { _id: item.itemId };
  const stored = await items.findOne(byId);
  if (!stored) {
    try {
      await items.insertOne({ _id: item.itemId, ...item, updatedAt: at, latestProgress: progress });
      return { applied: true, previous: null };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return writeItem(items, item, at, progress);
    }
  }
  if (stored.version < item.version) {
    await items.updateOne(byId, {
      $set: { ...item, updatedAt: at, ...(progress ? { latestProgress: progress } : {}) },
    });
    return { applied: true, previous: stored };
  }
  const storedAt = stored.latestProgress?.at;
  if (progress && (!storedAt || storedAt < progress.at))
    await items.updateOne(byId, { $set: { latestProgress: progress } });
  return { applied: false, previous: stored };
}
