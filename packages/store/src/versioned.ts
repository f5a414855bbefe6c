import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './indexes';

/**
 * Writes a whole read-model document if it is newer than the stored one, so a redelivered or
 * older event changes nothing. FerretDB 1.x has no transactions and `$setOnInsert` drops nulls
 * and empty arrays, so the whole document is replaced (when older) or inserted (when absent).
 * Returns false when a newer or the same version is already stored.
 *
 * Every filter is `{_id}` alone: FerretDB 1.x on SQLite sends only that shape to SQL, any other
 * filter (`{_id, version: {$lt}}` too) reads every document of the collection, so the version is
 * compared here after an indexed read (bench/src/store-by-key.ts). FerretDB 1.x ran the filtered
 * update as a read then a write anyway (no transaction), so this gives up no atomicity it had.
 * The read and the write are two steps: two replicas writing one document at once could leave
 * the older version last, so each durable consumer is pinned to one replica at a time (@duban/bus
 * consumer.ts, PRIORITY_GROUP) and one replica handles a consumer's events one after another.
 */
export async function upsertNewer<T extends { _id: string; version: number }>(
  collection: Collection<T>,
  doc: T,
): Promise<boolean> {
  const byId = { _id: doc._id } as never;
  const stored = await collection.findOne(byId, { projection: { version: 1 } });
  if (stored) {
    if ((stored as unknown as { version: number }).version >= doc.version) return false;
    await collection.replaceOne(byId, doc as never);
    return true;
  }
  try {
    await collection.insertOne(doc as never);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return upsertNewer(collection, doc);
    throw error;
  }
}
