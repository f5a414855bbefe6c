import type { DiagnosticsEvents } from '@duban/contracts';
import type { EventHandler } from '@duban/bus';
import type { Db } from 'mongodb';

export const PROBES = 'diagnostics_probes';

export function onProbeRecorded(db: Db): EventHandler<typeof DiagnosticsEvents.ProbeRecorded.type> {
  return async (event, context) => {
    // insertOne, not upsert: if the ledger ever let a duplicate through, the test would see two.
    await db.collection(PROBES).insertOne({
      probeId: event.data.probeId,
      note: event.data.note,
      eventId: event.id,
      workflowId: event.subject,
      recordedAt: new Date(event.data.recordedAt),
      streamSequence: context.streamSequence,
    });
  };
}
