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

/** One fact of a trip or a settlement, in Chinese, keyed by the event id. */
export interface TourismTimelineDoc {
  _id: string;
  /** The trip id or the settlement id, and its version after the fact. */
  thingId: string;
  version: number;
  at: Date;
  fact: string;
  summary: string;
  /** Who acted: user, unit and request, as the event attributes them (null: the workflow's clock). */
  actor: Record<'userId' | 'unitCode' | 'requestId', string | null>;
}

const readModel =
  <T extends { _id: string }>(name: string) =>
  (db: Db): Collection<T> =>
    db.collection<T>(name);

export const trips = readModel<TripDoc>(TourismCollections.trips);
export const settlements = readModel<SettlementDoc>(TourismCollections.settlements);
export const timeline = readModel<TourismTimelineDoc>(TourismCollections.timeline);

export async function ensureTourismIndexes(db: Db): Promise<void> {
  await ensureIndexes(trips(db), [
    { key: { 'agency.code': 1, month: 1 }, name: 'agency_month' },
    { key: { status: 1, claimDeadline: 1 }, name: 'status_deadline' },
  ]);
  await ensureIndexes(settlements(db), [{ key: { year: 1 }, name: 'year' }]);
  await ensureIndexes(timeline(db), [{ key: { thingId: 1, version: 1 }, name: 'thing_version' }]);
}
