import type {
  AssessmentSnapshot,
  RectificationCampaign,
  RectificationSnapshot,
} from '@duban/workflow-cultivated-land/client';
import { isDuplicateKeyError } from '@duban/store';
import type { Collection, Db } from 'mongodb';

/** The cultivated-land service's own read models (DESIGN §2: each service keeps its own). */
export const ClCollections = {
  campaigns: 'cl_campaigns',
  rectifications: 'cl_rectifications',
  assessments: 'cl_assessments',
  timeline: 'cl_timeline',
  /** 自然资源局's hold on land business per town (三(十)); read by the land-use service too. */
  suspensions: 'land_suspensions',
  /** Last snapshot version each inbox module applied per thing, so an older event never
   * brings back a step that is already done. */
  inboxVersions: 'cl_inbox_versions',
} as const;

export interface CampaignDoc extends RectificationCampaign {
  _id: string;
  createdAt: Date;
  createdBy: string;
}

export interface RectificationDoc extends RectificationSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface AssessmentDoc extends AssessmentSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface ClTimelineDoc {
  _id: string; // event id
  itemId: string;
  kind: 'rectification' | 'assessment';
  version: number;
  fact: string;
  /** Chinese one-line account for the console. */
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null; requestId: string | null };
  data: Record<string, unknown>;
}

/** The cultivated-land service's own record of suspended towns; land-use keeps its own from the events. */
export interface LandSuspensionDoc {
  _id: string; // townCode
  townCode: string;
  suspended: boolean;
  assessmentId: string;
  year: number;
  reason: string;
  since: string;
  rectificationDeadline: string;
  liftedAt: string | null;
  updatedAt: Date;
}

export const campaigns = (db: Db): Collection<CampaignDoc> =>
  db.collection<CampaignDoc>(ClCollections.campaigns);
export const rectifications = (db: Db): Collection<RectificationDoc> =>
  db.collection<RectificationDoc>(ClCollections.rectifications);
export const assessments = (db: Db): Collection<AssessmentDoc> =>
  db.collection<AssessmentDoc>(ClCollections.assessments);
export const timeline = (db: Db): Collection<ClTimelineDoc> =>
  db.collection<ClTimelineDoc>(ClCollections.timeline);
export const suspensions = (db: Db): Collection<LandSuspensionDoc> =>
  db.collection<LandSuspensionDoc>(ClCollections.suspensions);
export const inboxVersions = (db: Db): Collection<{ _id: string; version: number }> =>
  db.collection<{ _id: string; version: number }>(ClCollections.inboxVersions);

// One version-guarded write for every read model (FerretDB has no transactions).
export { upsertNewer } from '@duban/store';

export { isDuplicateKeyError };
