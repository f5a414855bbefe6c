import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './indexes';

/**
 * Writes a whole read-model document if it is newer than the stored one, so a redelivered or
 * older event changes nothing. FerretDB 1.x has no transactions and `$setOnInsert` drops nulls
 * and empty arrays, so the whole document is replaced (when older) or inserted (when absent).
 * Returns false when a newer or the same version is already stored.
 */
export async function upsertNewer<T extends { _id: string; version: number }>(
  collection: Collection<T>,
  doc: T,
): Promise<boolean> {
  const replaced = await collection.replaceOne(
    { _id: doc._id, version: { $lt: doc.version } } as never,
    doc as never,
  );
  if (replaced.matchedCount > 0) return true;
  try {
    await collection.insertOne(doc as never);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
