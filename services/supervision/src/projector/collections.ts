import { ReadModels, type InboxDoc, type TimelineDoc } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import type { Collection, Db } from 'mongodb';
import { ensureIndexes } from '@duban/store';

/** The collections the projector writes. `inbox` is shared with the other processes: a rebuild drops
 * `items` and `timeline` but deletes only supervision's inbox entries (see read-model.ts). */
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

/** Idempotent: only missing indexes are created (see ensureIndexes). */
export async function ensureProjectorIndexes(db: Db): Promise<void> {
  const { items, inbox, timeline } = projectorCollections(db);
  await ensureIndexes(items, [
    { key: { state: 1 }, name: 'state' },
    { key: { overallColour: 1 }, name: 'overallColour' },
    { key: { deadline: 1 }, name: 'deadline' },
    { key: { leadUnits: 1 }, name: 'leadUnits' },
    { key: { docNo: 1 }, name: 'docNo' },
  ]);
  await ensureIndexes(inbox, [
    { key: { unitCode: 1 }, name: 'unitCode' },
    { key: { itemId: 1 }, name: 'itemId' },
  ]);
  await ensureIndexes(timeline, [{ key: { itemId: 1, version: 1 }, name: 'itemId_version' }]);
}

export { isDuplicateKeyError } from '@duban/store';
