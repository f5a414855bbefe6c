// 第二十三条 under concurrency: the area each operator holds (applied for or leased), kept as an
// append-only ledger per operator. The read model lags and FerretDB 1.x (SQLite) runs an update's
// query and its write apart (no transactions, FerretDB issue #3040), so a conditional
// findOneAndUpdate could let two filings both pass the cap. Instead each change is ONE insert
// whose _id is the operator's next sequence number: of two filings at once, one inserts and the
// other meets a duplicate key, reads the new total and decides again (the policy store's way).
import { OPERATOR_CAP_MU } from '@duban/workflow-land-transfer/client';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import type { Collection, Db } from 'mongodb';
import { applications, HOLDING_STAGES } from './collections';
import { clock } from '@duban/contracts';

export const AREA_LEDGER = 'lt_operator_area';

export interface Holding {
  applicationId: string;
  /** The application's area in hundredths of 亩 (sums stay exact). */
  centiMu: number;
}

export interface AreaLedgerDoc {
  /** `<operatorCode>#<sequence>`: two writers of the same sequence collide. */
  _id: string;
  operatorCode: string;
  sequence: number;
  held: Holding[];
  totalCentiMu: number;
  change: { kind: 'seed' | 'reserve' | 'release'; applicationId: string | null };
  at: Date;
}

const ledger = (db: Db): Collection<AreaLedgerDoc> => db.collection<AreaLedgerDoc>(AREA_LEDGER);
const centi = (mu: number) => Math.round(mu * 100);
const sum = (held: Holding[]) => held.reduce((s, h) => s + h.centiMu, 0);

export async function ensureAreaLedgerIndexes(db: Db): Promise<void> {
  await ensureIndexes(ledger(db), [{ key: { operatorCode: 1, sequence: -1 }, name: 'operator_sequence' }]);
}

export type Reservation =
  { reserved: true; otherMu: number; fresh: boolean } | { reserved: false; otherMu: number };

/**
 * Pure: what reserving `areaMu` for an application does to what the operator holds. Held already
 * (a retried request, or the decision after the filing): nothing changes. Over the cap: refused.
 */
export function reserveOn(
  held: Holding[],
  applicationId: string,
  areaMu: number,
  capMu = OPERATOR_CAP_MU,
): { reservation: Reservation; next: Holding[] | null } {
  const own = held.find((h) => h.applicationId === applicationId);
  const otherCenti = sum(held) - (own?.centiMu ?? 0);
  const otherMu = otherCenti / 100;
  if (own) return { reservation: { reserved: true, otherMu, fresh: false }, next: null };
  if (otherCenti + centi(areaMu) > centi(capMu))
    return { reservation: { reserved: false, otherMu }, next: null };
  return {
    reservation: { reserved: true, otherMu, fresh: true },
    next: [...held, { applicationId, centiMu: centi(areaMu) }],
  };
}

async function head(db: Db, operatorCode: string): Promise<AreaLedgerDoc | null> {
  return ledger(db).find({ operatorCode }).sort({ sequence: -1 }).limit(1).next();
}

/** The ledger's first entry: what the read model shows the operator holding (applications from before the ledger). */
async function seedHolding(db: Db, operatorCode: string): Promise<Holding[]> {
  const rows = await applications(db)
    .find(
      { 'application.operatorCode': operatorCode, stage: { $in: HOLDING_STAGES as never[] } },
      { projection: { _id: 1, areaMu: 1 } },
    )
    .toArray();
  return rows.map((r) => ({ applicationId: r._id, centiMu: centi(r.areaMu) }));
}

/** Appends the operator's next entry; false when another writer took that sequence first. */
async function append(
  db: Db,
  operatorCode: string,
  sequence: number,
  held: Holding[],
  change: AreaLedgerDoc['change'],
): Promise<boolean> {
  try {
    await ledger(db).insertOne({
      _id: `${operatorCode}#${sequence}`,
      operatorCode,
      sequence,
      held,
      totalCentiMu: sum(held),
      change,
      at: clock.now(),
    });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

const ATTEMPTS = 50;

/** The operator's current entry, seeding the ledger from the read model the first time. */
async function current(db: Db, operatorCode: string): Promise<AreaLedgerDoc | null> {
  const last = await head(db, operatorCode);
  if (last) return last;
  await append(db, operatorCode, 1, await seedHolding(db, operatorCode), {
    kind: 'seed',
    applicationId: null,
  });
  return head(db, operatorCode);
}

async function retrying<T>(attempt: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < ATTEMPTS; i += 1) {
    const done = await attempt();
    if (done !== undefined) return done;
  }
  throw new Error('第二十三条面积登记并发冲突过多，请稍后重试');
}

/** Reserves the application's area against the operator's 5000 亩 (第二十三条), once per application. */
export function reserveArea(
  db: Db,
  operatorCode: string,
  applicationId: string,
  areaMu: number,
): Promise<Reservation> {
  return retrying(async () => {
    const last = await current(db, operatorCode);
    if (!last) return undefined;
    const { reservation, next } = reserveOn(last.held, applicationId, areaMu);
    if (!next) return reservation;
    const change = { kind: 'reserve', applicationId } as const;
    return (await append(db, operatorCode, last.sequence + 1, next, change)) ? reservation : undefined;
  });
}

/** Gives the area back (refused, not implemented, ended): true when it was held. */
export function releaseArea(db: Db, operatorCode: string, applicationId: string): Promise<boolean> {
  return retrying(async () => {
    const last = await head(db, operatorCode);
    if (!last?.held.some((h) => h.applicationId === applicationId)) return false;
    const next = last.held.filter((h) => h.applicationId !== applicationId);
    const change = { kind: 'release', applicationId } as const;
    return (await append(db, operatorCode, last.sequence + 1, next, change)) ? true : undefined;
  });
}
