import type { ItemDoc, ItemSnapshot } from '@duban/contracts';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './collections';

export type LatestProgress = NonNullable<ItemDoc['latestProgress']>;

/**
 * Writes the snapshot an event carries, only if it is newer than the stored one. A single-document
 * conditional upsert (FerretDB 1.x has no transactions): the filter matches only an older version,
 * so when the same or a newer version is stored the upsert tries to insert a second `_id` and
 * fails with E11000, which means "already newer" — unless it lost a race with the first insert of
 * an older version, so the update is retried once without upsert.
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
  const fields = { ...item, updatedAt: at, ...(progress ? { latestProgress: progress } : {}) };
  let applied: boolean;
  try {
    const result = await items.updateOne(
      filter,
      progress ? { $set: fields } : { $set: fields, $setOnInsert: { latestProgress: null } },
      { upsert: true },
    );
    applied = result.matchedCount > 0 || result.upsertedCount > 0;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const retry = await items.updateOne(filter, { $set: fields });
    applied = retry.matchedCount > 0;
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
