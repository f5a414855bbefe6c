import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates the indexes a collection lacks, one at a time. Not `createIndexes` with the full list:
 * FerretDB 1.24 (SQLite) panics and drops the connection when that batch names indexes that
 * already exist, which is every start after the first.
 */
export async function ensureIndexes<T extends Document>(
  collection: Collection<T>,
  indexes: (IndexDescription & { name: string })[],
): Promise<void> {
  const existing = new Set(
    (
      await collection
        .listIndexes()
        .toArray()
        .catch(() => [] as Document[])
    ).map((i) => String(i.name)),
  );
  for (const { key, ...options } of indexes) {
    if (!existing.has(options.name)) await collection.createIndex(key, options);
  }
}

/** E11000: an insert or upsert met a document already under its key. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
