import type { CaseSnapshot } from '@duban/workflow-kindergarten/client';
import type { CloudEvent } from '@duban/contracts';
import type { Db } from 'mongodb';
import { cases, isDuplicateKey, timeline, upsertNewer } from '../collections';

/** Every kindergarten fact carries the case after it: the case document is an upsert by version. */
export function onCaseEvent(db: Db) {
  return async (event: CloudEvent<string, { case: CaseSnapshot; step?: string }>): Promise<void> => {
    const snapshot = event.data.case;
    await upsertNewer(cases(db), { ...snapshot, _id: snapshot.caseId, updatedAt: new Date(event.time) });
    try {
      await timeline(db).insertOne({
        _id: event.id,
        caseId: snapshot.caseId,
        version: snapshot.version,
        fact: event.type.split('.').at(-2) ?? event.type,
        at: new Date(event.time),
        actor: { userId: event.actorid ?? null, unitCode: event.actorunit ?? null },
        step: event.data.step ?? null,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  };
}
