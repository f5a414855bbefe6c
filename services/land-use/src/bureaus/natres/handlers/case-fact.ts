import type { CloudEvent } from '@duban/contracts';
import type { LandCaseSnapshot } from '@duban/workflow-land-use/client';
import type { Db } from 'mongodb';
import { cases, upsertNewer } from '../../../collections';
import { syncCaseInbox } from './inbox';
import { recordTimeline } from './timeline';

/** Every case fact carries the case after it: `lu_cases` is an upsert by version. */
export const onCaseFact = (db: Db) => async (event: CloudEvent<string, { case: LandCaseSnapshot }>) => {
  const c = event.data.case;
  const at = new Date(event.time);
  if (await upsertNewer(cases(db), { ...c, _id: c.caseId, updatedAt: at })) await syncCaseInbox(db, c, at);
  await recordTimeline(db, event as never, c.caseId, c.version);
};
