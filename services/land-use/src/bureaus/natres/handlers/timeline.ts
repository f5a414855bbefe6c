import type { CloudEvent } from '@duban/contracts';
import type { Db } from 'mongodb';
import { insertOnce, timeline } from '../../../collections';
import { summaryOf } from './summary';

/** Every fact once in `lu_timeline`, attributed (who, which bureau, which request). */
export async function recordTimeline(
  db: Db,
  event: CloudEvent<string, Record<string, unknown>>,
  thingId: string,
  version: number,
): Promise<void> {
  await insertOnce(timeline(db), {
    _id: event.id,
    thingId,
    version,
    fact: event.type.split('.').at(-2) ?? event.type,
    summary: summaryOf(event as never),
    at: new Date(event.time),
    actor: {
      userId: event.actorid ?? null,
      unitCode: event.actorunit ?? null,
      requestId: event.requestid ?? null,
    },
  });
}
