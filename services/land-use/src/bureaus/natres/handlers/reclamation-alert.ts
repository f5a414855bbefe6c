import {
  AlertEvents,
  LU_DOC_NO,
  ReadModels,
  type AlertDoc,
  type CloudEvent,
  type Colour,
  type Occupation,
} from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { insertOnce } from '../../../collections';
import { townName } from '../../../towns';
import { LU_ALERTS_SOURCE } from './case-alert';

type Data = { occupation: Occupation; to: Colour; reason: string };

/**
 * DESIGN §5 for the reclamation deadline of temporary use: every colour change reaches the
 * inspectors, red (复垦逾期) the leadership group too; stored once, announced once.
 */
export function onReclamationAlert(deps: {
  bus: Bus;
  db: Db;
  ledger: MongoHandledEventLedger;
  ledgerName: string;
}) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { occupation: o, to, reason } = event.data;
    if (to === 'green' || to === 'none') return;
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const title = `临时用地复垦：${o.project}（${townName(o.townCode) ?? o.townCode}，${o.areaMu} 亩）`;
    for (const audience of audiences) {
      const alert: AlertDoc = {
        _id: `${event.id}|${audience}`,
        audience,
        itemId: o.occupationId,
        docNo: LU_DOC_NO,
        ref: '二(三)',
        title,
        colour: to,
        kind: 'colour_changed',
        message: reason,
        leadUnits: ['natres'],
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      await insertOnce(deps.db.collection<AlertDoc>(ReadModels.alerts), alert);
      const raisedId = `alert/${event.id}/${audience}`;
      if (await deps.ledger.has(deps.ledgerName, raisedId)) continue;
      await publishEvent(deps.bus.js, {
        type: AlertEvents.AlertRaised.type,
        id: raisedId,
        source: LU_ALERTS_SOURCE,
        subject: o.occupationId,
        time: event.time,
        data: {
          alertId: alert._id,
          audience,
          itemId: o.occupationId,
          docNo: LU_DOC_NO,
          ref: alert.ref,
          title,
          colour: to,
          kind: 'colour_changed',
          message: reason,
          leadUnits: alert.leadUnits,
          createdAt: alert.createdAt.toISOString(),
        },
        actorId: event.actorid ?? 'system',
      });
      await deps.ledger.record(deps.ledgerName, raisedId);
    }
  };
}
