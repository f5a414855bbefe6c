import { StageSchema, type ApplicationSnapshot } from '@duban/workflow-land-transfer/client';
import { ensureIndexes } from '@duban/store';
import type { Collection, Db } from 'mongodb';

/** The land-transfer service's own read models (DESIGN §2: each service keeps its own). */
export const LtCollections = {
  /** Each application as its last fact left it. */
  applications: 'lt_applications',
  timeline: 'lt_timeline',
} as const;

export interface ApplicationDoc extends ApplicationSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface LtTimelineDoc {
  _id: string; // event id
  applicationId: string;
  version: number;
  fact: string;
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null; requestId: string | null };
}

export const applications = (db: Db): Collection<ApplicationDoc> =>
  db.collection<ApplicationDoc>(LtCollections.applications);
export const timeline = (db: Db): Collection<LtTimelineDoc> =>
  db.collection<LtTimelineDoc>(LtCollections.timeline);

export async function ensureLandTransferIndexes(db: Db): Promise<void> {
  await ensureIndexes(applications(db), [
    { key: { 'application.operatorCode': 1 }, name: 'operator' },
    { key: { stage: 1, tier: 1 }, name: 'stage_tier' },
  ]);
  await ensureIndexes(timeline(db), [{ key: { applicationId: 1, version: 1 }, name: 'application_version' }]);
}

export { upsertNewer } from '@duban/store';

/** Writes a document the first time its id is seen; a redelivered fact changes nothing. */
export async function insertOnce<T extends { _id: string }>(
  collection: Collection<T>,
  doc: T,
): Promise<void> {
  await collection.updateOne({ _id: doc._id } as never, { $setOnInsert: doc } as never, { upsert: true });
}

/** Stages in which the land counts against the operator's cap: applied for, or leased (第二十三条). */
export const HOLDING_STAGES: string[] = StageSchema.options.filter((s) => s !== 'expired' && s !== 'closed');

/** The operator's area in its applications that count, leaving one out (the one being decided). */
export async function operatorTotalMu(db: Db, operatorCode: string, except?: string): Promise<number> {
  const rows = await applications(db)
    .find(
      { 'application.operatorCode': operatorCode, stage: { $in: HOLDING_STAGES as never[] } },
      { projection: { _id: 1, areaMu: 1 } },
    )
    .toArray();
  const centi = rows.filter((r) => r._id !== except).reduce((sum, r) => sum + Math.round(r.areaMu * 100), 0);
  return centi / 100;
}
