import type { LandCaseSnapshot, LedgerSnapshot, Occupation } from '@duban/workflow-land-use/client';
import type { TownSuspension } from '@duban/workflow-land-use';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import type { Collection, Db } from 'mongodb';

/** The land-use service's own read models (DESIGN §2: each service keeps its own). */
export const LuCollections = {
  /** The compensation ledger as its last fact left it: balance per town and total, parcels, queue. */
  ledger: 'lu_ledger',
  occupations: 'lu_occupations',
  cases: 'lu_cases',
  timeline: 'lu_timeline',
  /** Towns whose land business the yearly assessment suspended (三(十)), from its facts. */
  townSuspensions: 'lu_town_suspensions',
} as const;

export interface LedgerDoc extends LedgerSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface OccupationDoc extends Occupation {
  _id: string;
  /** Version of the ledger at the fact that last changed this occupation. */
  version: number;
  updatedAt: Date;
}

export interface CaseDoc extends LandCaseSnapshot {
  _id: string;
  updatedAt: Date;
}

export interface LuTimelineDoc {
  _id: string; // event id
  /** The ledger id or the case id. */
  thingId: string;
  version: number;
  fact: string;
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null; requestId: string | null };
}

/** One document per town: the last assessment fact about its land business. */
export interface TownSuspensionDoc extends TownSuspension {
  _id: string; // townCode
  /** In force: not lifted. */
  suspended: boolean;
  updatedAt: Date;
}

export const ledgers = (db: Db): Collection<LedgerDoc> => db.collection<LedgerDoc>(LuCollections.ledger);
export const occupations = (db: Db): Collection<OccupationDoc> =>
  db.collection<OccupationDoc>(LuCollections.occupations);
export const cases = (db: Db): Collection<CaseDoc> => db.collection<CaseDoc>(LuCollections.cases);
export const timeline = (db: Db): Collection<LuTimelineDoc> =>
  db.collection<LuTimelineDoc>(LuCollections.timeline);

export const townSuspensions = (db: Db): Collection<TownSuspensionDoc> =>
  db.collection<TownSuspensionDoc>(LuCollections.townSuspensions);

export async function ensureLandUseIndexes(db: Db): Promise<void> {
  await ensureIndexes(occupations(db), [{ key: { state: 1, filedAt: 1 }, name: 'state_filedAt' }]);
  await ensureIndexes(cases(db), [{ key: { colour: 1, major: 1 }, name: 'colour_major' }]);
  await ensureIndexes(timeline(db), [{ key: { thingId: 1, version: 1 }, name: 'thing_version' }]);
}

// One version-guarded write for every read model (FerretDB has no transactions).
export { upsertNewer } from '@duban/store';

export async function insertOnce<T extends { _id: string }>(
  collection: Collection<T>,
  doc: T,
): Promise<void> {
  try {
    await collection.insertOne(doc as never);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
}
