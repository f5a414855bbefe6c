import { ReadModels, type InboxDoc, type ItemDoc, type TimelineDoc } from '@duban/contracts';
import type { Collection, Db } from 'mongodb';

/** The read models the projector owns; a rebuild drops exactly these. */
export const PROJECTOR_COLLECTIONS = [ReadModels.items, ReadModels.inbox, ReadModels.timeline] as const;

export interface ProjectorCollections {
  items: Collection<ItemDoc>;
  inbox: Collection<InboxDoc>;
  timeline: Collection<TimelineDoc>;
}

export function projectorCollections(db: Db): ProjectorCollections {
  return {
    items: db.collection<ItemDoc>(ReadModels.items),
    inbox: db.collection<InboxDoc>(ReadModels.inbox),
    timeline: db.collection<TimelineDoc>(ReadModels.timeline),
  };
}

/** Idempotent: creating an index that exists with the same keys is a no-op (MongoDB and FerretDB). */
export async function ensureProjectorIndexes(db: Db): Promise<void> {
  const { items, inbox, timeline } = projectorCollections(db);
  await items.createIndexes([
    { key: { state: 1 }, name: 'state' },
    { key: { overallColour: 1 }, name: 'overallColour' },
    { key: { deadline: 1 }, name: 'deadline' },
    { key: { leadUnits: 1 }, name: 'leadUnits' },
    { key: { docNo: 1 }, name: 'docNo' },
  ]);
  await inbox.createIndexes([
    { key: { unitCode: 1 }, name: 'unitCode' },
    { key: { itemId: 1 }, name: 'itemId' },
  ]);
  await timeline.createIndexes([{ key: { itemId: 1, version: 1 }, name: 'itemId_version' }]);
}

/** E11000: an upsert lost the race to insert, or found a newer document under its `_id`. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
