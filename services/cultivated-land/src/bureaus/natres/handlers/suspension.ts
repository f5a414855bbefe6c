import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { isDuplicateKeyError, suspensions, type LandSuspensionDoc } from '../../../collections';

export const handles = [CultivatedEvents.LandBusinessSuspended, CultivatedEvents.SuspensionLifted] as const;
type Data = EventData<(typeof handles)[number]['type']>;

/**
 * 自然资源局: a town that failed its assessment has its land-management business suspended
 * while it rectifies (三(十) 整改期间暂停办理涉及土地管理的有关业务); a passing rectification
 * lifts it. One document per town. A later fact wins; a lift applies only to the suspension it
 * names, so lifting last year's never frees a town suspended again this year.
 */
export const onSuspensionChanged = (db: Db) => async (event: CloudEvent<string, Data>) => {
  const s = event.data.suspension;
  const updatedAt = new Date(event.time);
  const doc: LandSuspensionDoc = {
    _id: s.townCode,
    townCode: s.townCode,
    suspended: s.liftedAt === null,
    assessmentId: s.assessmentId,
    year: s.year,
    reason: s.reason,
    since: s.since,
    rectificationDeadline: s.rectificationDeadline,
    liftedAt: s.liftedAt,
    updatedAt,
  };
  const guard: Record<string, unknown> = { _id: s.townCode, updatedAt: { $lte: updatedAt } };
  if (!doc.suspended) guard.assessmentId = s.assessmentId;
  const replaced = await suspensions(db).replaceOne(guard as never, doc);
  if (replaced.matchedCount > 0) return;
  try {
    await suspensions(db).insertOne(doc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // a newer fact (or another suspension) is stored
  }
};
