import { ReadModels, type AlertDoc } from '@duban/contracts';
import type { Collection, Db } from 'mongodb';
import { ensureIndexes } from '@duban/store';

export function alertsCollection(db: Db): Collection<AlertDoc> {
  return db.collection<AlertDoc>(ReadModels.alerts);
}

/** Newest first per audience: what `GET /api/alerts` reads. */
export async function ensureAlertIndexes(db: Db): Promise<void> {
  await ensureIndexes(alertsCollection(db), [
    { key: { audience: 1, createdAt: -1 }, name: 'audience_createdAt' },
    { key: { itemId: 1 }, name: 'itemId' },
  ]);
}

export { isDuplicateKeyError } from '@duban/store';
