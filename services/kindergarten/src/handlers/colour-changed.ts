import { AlertEvents, ReadModels, type AlertDoc, type CloudEvent, type EventData } from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { unitName } from '@duban/workflow-kindergarten';
import { isDuplicateKey } from '../collections';

type Data = EventData<'cn.gov.qtx.duban.kindergarten.colour_changed.v1'>;
export const KG_ALERTS_SOURCE = 'duban/services/kindergarten';

/**
 * DESIGN §5 / §7.2: every colour change of a case reaches the inspectors; red reaches the
 * leadership group (领导小组 and 市专项治理办). Stored in the shared `alerts` collection (insert
 * once) and announced once as AlertRaised, like the supervision alerts.
 */
export function onCaseColourChanged(deps: {
  bus: Bus;
  db: Db;
  ledger: MongoHandledEventLedger;
  ledgerName: string;
}) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { case: c, to } = event.data;
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const late = c.steps.filter((s) => s.state !== 'done' && s.colour === to);
    for (const audience of audiences) {
      const _id = `${event.id}|${audience}`;
      const alert: AlertDoc = {
        _id,
        audience,
        itemId: c.caseId,
        docNo: c.docNo,
        ref: late[0]?.ref ?? '四(二)',
        title: `${c.facts.town}${c.facts.projectName}配套幼儿园整改（一园一案）`,
        colour: to,
        kind: 'colour_changed',
        message: event.data.reason,
        leadUnits: [...new Set(late.map((s) => s.unitCode))],
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      try {
        await deps.db.collection<AlertDoc>(ReadModels.alerts).insertOne(alert);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const raisedId = `alert/${event.id}/${audience}`;
      if (await deps.ledger.has(deps.ledgerName, raisedId)) continue;
      await publishEvent(deps.bus.js, {
        type: AlertEvents.AlertRaised.type,
        id: raisedId,
        source: KG_ALERTS_SOURCE,
        subject: c.caseId,
        time: event.time,
        data: {
          alertId: _id,
          audience,
          itemId: c.caseId,
          docNo: c.docNo,
          ref: alert.ref,
          title: alert.title,
          colour: to,
          kind: 'colour_changed',
          message: `${alert.message}${late.length ? `（${[...new Set(late.map((s) => unitName(s.unitCode)))].join('、')}）` : ''}`,
          leadUnits: alert.leadUnits,
          createdAt: alert.createdAt.toISOString(),
        },
        ...(event.actorid ? { actorId: event.actorid } : { actorId: 'system' }),
      });
      await deps.ledger.record(deps.ledgerName, raisedId);
    }
  };
}
