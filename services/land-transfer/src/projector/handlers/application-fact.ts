import type { CloudEvent } from '@duban/contracts';
import { LandTransferEvents, type ApplicationSnapshot } from '@duban/workflow-land-transfer/client';
import type { Db } from 'mongodb';
import { releaseArea } from '../../area-ledger';
import { applications, HOLDING_STAGES, insertOnce, timeline, upsertNewer } from '../../collections';
import { syncInbox } from '../inbox';
import { summaryOf } from '../summary';

/** Every fact of the process: each carries the application after it. */
export const handles = Object.values(LandTransferEvents);

/**
 * `lt_applications` is an upsert by version; the inbox follows; each fact once in `lt_timeline`.
 * An application that no longer holds land (closed, or its term ended) gives its area back to the
 * operator's ledger (第二十三条); a redelivered or replayed fact finds nothing left to release.
 */
export const onApplicationFact =
  (db: Db) =>
  async (event: CloudEvent<string, { application: ApplicationSnapshot } & Record<string, unknown>>) => {
    const app = event.data.application;
    const at = new Date(event.time);
    if (await upsertNewer(applications(db), { ...app, _id: app.applicationId, updatedAt: at }))
      await syncInbox(db, app, at);
    if (!HOLDING_STAGES.includes(app.stage))
      await releaseArea(db, app.application.operatorCode, app.applicationId);
    const fact = event.type.split('.').at(-2) ?? event.type;
    await insertOnce(timeline(db), {
      _id: event.id,
      applicationId: app.applicationId,
      version: app.version,
      fact,
      summary: summaryOf(fact, event.data),
      at,
      actor: {
        userId: event.actorid ?? null,
        unitCode: event.actorunit ?? null,
        requestId: event.requestid ?? null,
      },
    });
  };
