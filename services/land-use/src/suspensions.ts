// The suspension hold of 三(十): 对未完成耕地保护任务的镇(场)…责令限期整改，整改期间暂停办理涉及
// 土地管理的有关业务. The yearly assessment (cultivated-land process) announces a suspension and its
// lift as facts; this service keeps its own read model of them (`lu_town_suspensions`) so that
// the two processes share events, never a collection.
import type { CloudEvent } from '@duban/contracts';
import type { Suspension } from '@duban/workflow-cultivated-land/client';
import { afterSuspensionFact, type TownSuspension } from '@duban/workflow-land-use';
import { isDuplicateKeyError } from '@duban/store';
import type { Db } from 'mongodb';
import { townSuspensions, type TownSuspensionDoc } from './collections';
import { townName } from './towns';

/** The town's suspension as an assessment fact states it. */
export function townSuspensionOf(event: CloudEvent<string, { suspension: Suspension }>): TownSuspension {
  const s = event.data.suspension;
  return { ...s, townName: townName(s.townCode) ?? s.townCode, at: event.time };
}

/**
 * Applies one assessment fact to `lu_town_suspensions` (one document per town) by the rule the
 * ledger applies too. The write is guarded by the fact it replaces; should another writer have
 * moved the town meanwhile, the error makes the consumer deliver the fact again.
 */
export async function recordTownSuspension(db: Db, fact: TownSuspension): Promise<void> {
  const current = await townSuspensions(db).findOne({ _id: fact.townCode });
  const next = afterSuspensionFact(current, fact);
  if (!next) return;
  const doc: TownSuspensionDoc = {
    ...next,
    _id: next.townCode,
    suspended: next.liftedAt === null,
    updatedAt: new Date(next.at),
  };
  if (!current) {
    try {
      await townSuspensions(db).insertOne(doc);
      return;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new Error(`town ${fact.townCode} was suspended meanwhile`);
      throw error;
    }
  }
  const replaced = await townSuspensions(db).replaceOne({ _id: doc._id, at: current.at }, doc);
  if (replaced.matchedCount === 0) throw new Error(`town ${fact.townCode} changed meanwhile`);
}

/** The town's suspension in force, if any. */
export async function activeSuspension(db: Db, townCode: string): Promise<TownSuspensionDoc | null> {
  return townSuspensions(db).findOne({ _id: townCode, suspended: true });
}

export async function suspendedTownCodes(db: Db): Promise<string[]> {
  const docs = await townSuspensions(db).find({ suspended: true }).toArray();
  return docs.map((d) => d.townCode);
}
