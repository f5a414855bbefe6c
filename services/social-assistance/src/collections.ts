import type { CaseSnapshot, PurchaseSnapshot } from '@duban/workflow-social-assistance/client';
import { ensureIndexes } from '@duban/store';
import type { Collection, Db } from 'mongodb';

/** The social-assistance service's own read models (DESIGN §2: each service keeps its own). */
export const SaCollections = {
  purchases: 'sa_purchases',
  cases: 'sa_cases',
  timeline: 'sa_timeline',
} as const;

export interface PurchaseDoc extends PurchaseSnapshot {
  _id: string;
  updatedAt: Date;
}
export interface CaseDoc extends CaseSnapshot {
  _id: string;
  updatedAt: Date;
}
export interface SaTimelineDoc {
  _id: string; // event id
  itemId: string;
  version: number;
  fact: string;
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null };
}

export const purchases = (db: Db): Collection<PurchaseDoc> =>
  db.collection<PurchaseDoc>(SaCollections.purchases);
export const cases = (db: Db): Collection<CaseDoc> => db.collection<CaseDoc>(SaCollections.cases);
export const timeline = (db: Db): Collection<SaTimelineDoc> =>
  db.collection<SaTimelineDoc>(SaCollections.timeline);

export async function ensureSocialAssistanceIndexes(db: Db): Promise<void> {
  await ensureIndexes(cases(db), [
    { key: { 'household.townCode': 1, step: 1 }, name: 'town_step' },
    { key: { 'officer.code': 1 }, name: 'officer' },
  ]);
  await ensureIndexes(timeline(db), [{ key: { itemId: 1, version: 1 }, name: 'item_version' }]);
}

/** The seat an officer holds in a purchase in service (五(二)), or null. */
export async function seatOf(
  db: Db,
  officerCode: string,
): Promise<{ purchaseId: string; unitCode: string } | null> {
  const p = await purchases(db).findOne({ stage: 'in-service', 'roster.officerCode': officerCode });
  const seat = p?.roster.find((s) => s.officerCode === officerCode);
  return p && seat ? { purchaseId: p.purchaseId, unitCode: seat.unitCode } : null;
}
