import { ReadModels, type AlertDoc } from '@duban/contracts';
import type { Collection, Db } from 'mongodb';

export function alertsCollection(db: Db): Collection<AlertDoc> {
  return db.collection<AlertDoc>(ReadModels.alerts);
}

/** Newest first per audience: what `GET /api/alerts` reads. */
export async function ensureAlertIndexes(db: Db): Promise<void> {
  await alertsCollection(db).createIndexes([
    { key: { audience: 1, createdAt: -1 }, name: 'audience_createdAt' },
    { key: { itemId: 1 }, name: 'itemId' },
  ]);
}

export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
