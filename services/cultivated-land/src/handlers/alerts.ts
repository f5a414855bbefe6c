// DESIGN §5 / 三(十): colour changes reach the inspectors, red and 问责 the leadership group too.
// Stored once in the shared `alerts` collection and announced once as AlertRaised, as the
// supervision and kindergarten alerts are.
import {
  AlertEvents,
  ReadModels,
  type AlertDoc,
  type AssessmentSnapshot,
  type CloudEvent,
  type Colour,
  type RectificationSnapshot,
} from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { isDuplicateKeyError } from '../collections';

export const CL_ALERTS_SOURCE = 'duban/services/cultivated-land';

type Data = {
  rectification?: RectificationSnapshot;
  assessment?: AssessmentSnapshot;
  to?: Colour;
  reason: string;
};

export function onLandAlert(deps: { bus: Bus; db: Db; ledger: MongoHandledEventLedger; ledgerName: string }) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { rectification: r, assessment: a } = event.data;
    const escalation = event.type.endsWith('.accountability_escalated.v1');
    const colour: Colour = escalation ? 'red' : (event.data.to ?? 'green');
    const audiences: AlertDoc['audience'][] = colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const itemId = r ? r.rectificationId : a!.assessmentId;
    const title = r
      ? `${r.townName}永久基本农田划定成果核实整改（${r.campaignId}）`
      : `${a!.townName}${a!.year}年度耕地保护责任目标考核`;
    const units = r
      ? [...new Set(r.steps.filter((s) => s.state === 'open').map((s) => s.unitCode))]
      : [a!.openStep?.unitCode ?? a!.townCode];
    const message = escalation ? `问责：${event.data.reason}` : event.data.reason;
    for (const audience of audiences) {
      const _id = `${event.id}|${audience}`;
      const alert: AlertDoc = {
        _id,
        audience,
        itemId,
        docNo: (r ?? a)!.docNo,
        ref: r ? r.ref : '三(十)',
        title,
        colour,
        kind: escalation ? 'overdue_escalated' : 'colour_changed',
        message,
        leadUnits: units,
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      try {
        await deps.db.collection<AlertDoc>(ReadModels.alerts).insertOne(alert);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
      const raisedId = `alert/${event.id}/${audience}`;
      if (await deps.ledger.has(deps.ledgerName, raisedId)) continue;
      await publishEvent(deps.bus.js, {
        type: AlertEvents.AlertRaised.type,
        id: raisedId,
        source: CL_ALERTS_SOURCE,
        subject: itemId,
        time: event.time,
        data: {
          alertId: _id,
          audience,
          itemId,
          docNo: alert.docNo,
          ref: alert.ref,
          title,
          colour,
          kind: alert.kind,
          message,
          leadUnits: units,
          createdAt: alert.createdAt.toISOString(),
        },
        actorId: event.actorid ?? 'system',
      });
      await deps.ledger.record(deps.ledgerName, raisedId);
    }
  };
}
