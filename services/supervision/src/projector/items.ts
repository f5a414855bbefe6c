import type { ItemDoc, ItemSnapshot } from '@duban/workflow-supervision/client';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './collections';

export type LatestProgress = NonNullable<ItemDoc['latestProgress']>;

/**
 * Writes the snapshot an event carries, only if it is newer than the stored one, with
 * single-document operations (FerretDB 1.x has no transactions):
 * - update filtered on `{_id, version < v}`: applies a newer snapshot to a stored item;
 * - if that matched nothing, insert the whole document: the first event of an item;
 * - if the insert hits E11000, the stored version is the same or newer (a duplicate or an event
 *   out of order), or another replica just inserted an older one, so the update is tried once more.
 * An insert rather than an upsert with `$setOnInsert`, so the document appears whole at once
 * (FerretDB 1.x also drops null values from `$setOnInsert`).
 *
 * `latestProgress` is left alone by other events; an event that carries a progress report sets it
 * when the event is the newest, and otherwise only if it is later than the stored report (a
 * report delivered out of order must not hide a newer one, nor be lost behind a newer snapshot).
 *
 * Returns true when this event's snapshot is now the stored one.
 */
export async function writeItem(
  items: Collection<ItemDoc>,
  item: ItemSnapshot,
  at: Date,
  progress: LatestProgress | null,
): Promise<boolean> {
  const filter = { _id: item.itemId, version: { $lt: item.version } };
  const update = { $set: { ...item, updatedAt: at, ...(progress ? { latestProgress: progress } : {}) } };
  let applied = (await items.updateOne(filter, update)).matchedCount > 0;
  if (!applied) {
    try {
      await items.insertOne({ _id: item.itemId, ...item, updatedAt: at, latestProgress: progress });
      applied = true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      applied = (await items.updateOne(filter, update)).matchedCount > 0;
    }
  }
  if (!applied && progress) {
    await items.updateOne(
      {
        _id: item.itemId,
        $or: [{ latestProgress: null }, { 'latestProgress.at': { $lt: progress.at } }],
      },
      { $set: { latestProgress: progress } },
    );
  }
  return applied;
}
