import type { SettlementSnapshot, TripSnapshot } from '@duban/workflow-tourism/client';
import { ensureIndexes } from '@duban/store';
import type { Collection, Db } from 'mongodb';

/** The tourism service's own read models (DESIGN §2: each service keeps its own). */
export const TourismCollections = {
  /** Each trip as its last fact left it. */
  trips: 'tr_trips',
  /** Each agency's year as its last fact left it. */
  settlements: 'tr_settlements',
  timeline: 'tr_timeline',
} as const;

export interface TripDoc extends TripSnapshot {
  _id: string;
  /** `YYYY-MM` of the arrival: trips by month. */
  month: string;
  /** Scenic spots and hotel of the itinerary: who may read the trip besides its agency. */
  confirmerCodes: string[];
  updatedAt: Date;
}

export interface SettlementDoc extends SettlementSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface TourismTimelineDoc {
  _id: string; // event id
  thingId: string;
  version: number;
  fact: string;
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null; requestId: string | null };
}

export const trips = (db: Db): Collection<TripDoc> => db.collection<TripDoc>(TourismCollections.trips);
export const settlements = (db: Db): Collection<SettlementDoc> =>
  db.collection<SettlementDoc>(TourismCollections.settlements);
export const timeline = (db: Db): Collection<TourismTimelineDoc> =>
  db.collection<TourismTimelineDoc>(TourismCollections.timeline);

export async function ensureTourismIndexes(db: Db): Promise<void> {
  await ensureIndexes(trips(db), [
    { key: { 'agency.code': 1, month: 1 }, name: 'agency_month' },
    { key: { status: 1, claimDeadline: 1 }, name: 'status_deadline' },
  ]);
  await ensureIndexes(settlements(db), [{ key: { year: 1 }, name: 'year' }]);
  await ensureIndexes(timeline(db), [{ key: { thingId: 1, version: 1 }, name: 'thing_version' }]);
}
