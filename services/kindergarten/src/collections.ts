import type { Campaign, CaseSnapshot, Hold } from '@duban/workflow-kindergarten/client';
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

export { isDuplicateKeyError as isDuplicateKey } from '@duban/store';

// One version-guarded write for every read model (FerretDB has no transactions).
export { upsertNewer } from '@duban/store';
