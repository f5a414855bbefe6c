import type { Campaign, CaseSnapshot, Hold, KindergartenFacts } from '@duban/workflow-kindergarten/client';
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
  /** Ledger imports running as jobs, and their rows (written by the API, not by events). */
  importJobs: 'kg_import_jobs',
  importRows: 'kg_import_rows',
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

/** Where a ledger import stands: as stored and as answered. */
export interface ImportJobCounts {
  state: 'running' | 'done';
  rows: number;
  done: number;
  created: number;
  existing: number;
  rejected: number;
  failed: number;
}

/** One ledger import: its campaign, its state and its counters (the rows hold the report). */
export interface ImportJobDoc extends ImportJobCounts {
  _id: string;
  campaignId: string;
  campaign: Campaign;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export type ImportRowStatus = 'pending' | 'created' | 'exists' | 'rejected' | 'failed';

/** One row of an import: its facts while pending, then its outcome. */
export interface ImportRowDoc {
  _id: string; // `${jobId}:${row}`
  jobId: string;
  row: number;
  status: ImportRowStatus;
  facts?: KindergartenFacts;
  reason?: string;
  caseId?: string;
  projectId?: string;
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

export const importJobs = (db: Db): Collection<ImportJobDoc> =>
  db.collection<ImportJobDoc>(KgCollections.importJobs);
export const importRows = (db: Db): Collection<ImportRowDoc> =>
  db.collection<ImportRowDoc>(KgCollections.importRows);

export { isDuplicateKeyError as isDuplicateKey } from '@duban/store';

// One version-guarded write for every read model (FerretDB has no transactions).
export { upsertNewer } from '@duban/store';
