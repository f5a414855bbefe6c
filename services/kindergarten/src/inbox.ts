// 我的待办 for the kindergarten process: each bureau module keeps its own entries in the shared
// `inbox` read model, one per open step of its unit, from the case each fact carries.
import { ReadModels, inboxEntryId, type InboxDoc } from '@duban/contracts';
import { type CaseSnapshot } from '@duban/workflow-kindergarten/client';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey, upsertNewer } from './collections';

export const KG_PROCESS = 'kindergarten' as const;

export const caseTitle = (c: CaseSnapshot) =>
  `${c.facts.town}${c.facts.projectName}配套幼儿园整改（一园一案）`;

export const caseHref = (caseId: string) => `#/kindergarten/cases/${caseId}`;

export const inboxId = (caseId: string, step: string, unitCode: string) =>
  inboxEntryId(KG_PROCESS, caseId, step, unitCode);

/** A bureau's own view of a case: the newest version it has seen (its inbox follows it). */
export interface BureauCaseDoc {
  _id: string; // `${unitCode}|${caseId}`
  unitCode: string;
  caseId: string;
  version: number;
  case: CaseSnapshot;
  updatedAt: Date;
}

export const bureauCases = (db: Db): Collection<BureauCaseDoc> =>
  db.collection<BureauCaseDoc>('kg_bureau_cases');

const inbox = (db: Db) => db.collection<InboxDoc>(ReadModels.inbox);

/** The open steps of one unit in a case, as inbox entries. */
export function inboxEntriesOf(c: CaseSnapshot, unitCode: string, updatedAt: Date): InboxDoc[] {
  if (c.phase === 'closed') return [];
  return c.steps
    .filter((s) => s.unitCode === unitCode && s.state === 'open')
    .map((s) => ({
      _id: inboxId(c.caseId, s.key, unitCode),
      process: KG_PROCESS,
      itemId: c.caseId,
      href: caseHref(c.caseId),
      unitCode,
      role: 'lead' as const,
      step: s.key,
      stepLabel: s.title,
      docNo: c.docNo,
      ref: s.ref,
      title: caseTitle(c),
      deadline: s.deadline,
      colour: s.colour,
      updatedAt,
    }));
}

/**
 * Keeps the bureau's entries for a case equal to the newest case it has seen, not to the event at
 * hand: a redelivered or older event then leaves the inbox right (FerretDB has no transactions).
 */
export async function syncBureauInbox(db: Db, unitCode: string, c: CaseSnapshot, at: string): Promise<void> {
  // Steps are only ever added to a case: a unit with none in this version never had an entry.
  if (!c.steps.some((s) => s.unitCode === unitCode)) return;
  const _id = `${unitCode}|${c.caseId}`;
  const doc: BureauCaseDoc = {
    _id,
    unitCode,
    caseId: c.caseId,
    version: c.version,
    case: c,
    updatedAt: new Date(at),
  };
  let newest: BureauCaseDoc | null = doc;
  if (!(await upsertNewer(bureauCases(db), doc))) {
    newest = await bureauCases(db).findOne({ _id });
    // A newer fact was applied already; if its sync was cut short, its redelivery finishes it.
    if (!newest || newest.version > c.version) return;
  }
  const entries = inboxEntriesOf(newest.case, unitCode, newest.updatedAt);
  await inbox(db).deleteMany({
    process: KG_PROCESS,
    itemId: c.caseId,
    unitCode,
    _id: { $nin: entries.map((e) => e._id) },
  });
  for (const entry of entries) {
    try {
      await inbox(db).replaceOne({ _id: entry._id }, entry, { upsert: true });
    } catch (error) {
      // Another replica inserted it first: replace what it wrote.
      if (!isDuplicateKey(error)) throw error;
      await inbox(db).replaceOne({ _id: entry._id }, entry);
    }
  }
}
