import type { CloudEvent } from '@duban/contracts';
import type { LedgerSnapshot, Occupation } from '@duban/workflow-land-use/client';
import type { Db } from 'mongodb';
import { ledgers, occupations, upsertNewer } from '../../../collections';
import { syncReclamationInbox } from './inbox';
import { recordTimeline } from './timeline';

type Data = { ledger: LedgerSnapshot; occupation?: Occupation };

/**
 * Every ledger fact carries the ledger after it: `lu_ledger` and the occupation it names are
 * upserts by version, so a redelivered or late fact never rolls them back.
 */
export const onLedgerFact = (db: Db) => async (event: CloudEvent<string, Data>) => {
  const { ledger, occupation } = event.data;
  const at = new Date(event.time);
  await upsertNewer(ledgers(db), { ...ledger, _id: ledger.ledgerId, updatedAt: at });
  if (occupation) {
    const newer = await upsertNewer(occupations(db), {
      ...occupation,
      _id: occupation.occupationId,
      version: ledger.version,
      updatedAt: at,
    });
    if (newer) await syncReclamationInbox(db, occupation, at);
  }
  await recordTimeline(db, event as never, ledger.ledgerId, ledger.version);
};
