import type { Campaign, CaseSnapshot, Hold } from '@duban/contracts';
import type { Collection, Db } from 'mongodb';

/** The kindergarten service's own read models (DESIGN §2: each service keeps its own). */
export const KgCollections = {
  campaigns: 'kg_campaigns',
  cases: 'kg_cases',
  timeline: 'kg_timeline',
  /** 住建局's permits: completion filings (竣工验收备案) held. */
  housPermits: 'kg_permits_hous',
  /** 自然资源局's permits: construction starts held. */
  natresPermits: 'kg_permits_natres',
} as const;

export interface CampaignDoc extends Campaign {
  _id: string;
  createdAt: Date;
}

export interface CaseDoc extends CaseSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface KgTimelineDoc {
  _id: string; // event id
  caseId: string;
  version: number;
  fact: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null };
  step: string | null;
}

/** One hold on one project, as the enforcing bureau knows it. */
export interface PermitHoldDoc {
  _id: string; // `${projectId}|${kind}`
  projectId: string;
  projectName: string;
  caseId: string;
  campaignId: string;
  hold: Hold;
  held: boolean;
  /** Version of the case at the last event applied; older events are ignored. */
  version: number;
  updatedAt: Date;
}

export const campaigns = (db: Db): Collection<CampaignDoc> =>
  db.collection<CampaignDoc>(KgCollections.campaigns);
export const cases = (db: Db): Collection<CaseDoc> => db.collection<CaseDoc>(KgCollections.cases);
export const timeline = (db: Db): Collection<KgTimelineDoc> =>
  db.collection<KgTimelineDoc>(KgCollections.timeline);
export const housPermits = (db: Db): Collection<PermitHoldDoc> =>
  db.collection<PermitHoldDoc>(KgCollections.housPermits);
export const natresPermits = (db: Db): Collection<PermitHoldDoc> =>
  db.collection<PermitHoldDoc>(KgCollections.natresPermits);

export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}

/**
 * Writes a whole document if it is newer than the stored one. FerretDB 1.x has no transactions
 * and `$setOnInsert` drops nulls and empty arrays, so the whole document is inserted or replaced.
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
    if (isDuplicateKey(error)) return false; // a newer (or the same) version is stored
    throw error;
  }
}
