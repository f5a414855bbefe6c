import {
  AlertEvents,
  ReadModels,
  type AlertDoc,
  type CloudEvent,
  type Colour,
  type LandCaseSnapshot,
} from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { insertOnce } from '../../../collections';
import { townName } from '../../../towns';

export const LU_ALERTS_SOURCE = 'duban/services/land-use';

type Data = { case: LandCaseSnapshot; reason: string; to?: Colour };

/**
 * 二(七) 挂牌督办 and DESIGN §5: a major case listed for supervision reaches the inspectors and
 * the leadership group at once; a colour change of a case reaches the inspectors, red the
 * leadership group too. Stored in the shared `alerts` collection (once) and announced once as
 * AlertRaised. The alert kinds are the shared ones: a listing is an escalation to the leaders.
 */
export function onCaseAlert(deps: { bus: Bus; db: Db; ledger: MongoHandledEventLedger; ledgerName: string }) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const c = event.data.case;
    const listed = event.type.endsWith('.case_listed_for_supervision.v1');
    const colour: Colour = listed ? 'red' : (event.data.to ?? c.colour);
    const audiences: AlertDoc['audience'][] =
      listed || colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const title = `${c.major ? '【挂牌督办】' : ''}违法占地案件 ${c.facts.parcelNo}（${townName(c.facts.townCode) ?? c.facts.townCode}）`;
    for (const audience of audiences) {
      const alert: AlertDoc = {
        _id: `${event.id}|${audience}`,
        audience,
        itemId: c.caseId,
        docNo: c.docNo,
        ref: '二(七)',
        title,
        colour,
        kind: listed ? 'overdue_escalated' : 'colour_changed',
        message: event.data.reason,
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
        subject: c.caseId,
        time: event.time,
        data: {
          alertId: alert._id,
          audience,
          itemId: c.caseId,
          docNo: c.docNo,
          ref: alert.ref,
          title,
          colour,
          kind: alert.kind,
          message: alert.message,
          leadUnits: alert.leadUnits,
          createdAt: alert.createdAt.toISOString(),
        },
        actorId: event.actorid ?? 'system',
      });
      await deps.ledger.record(deps.ledgerName, raisedId);
    }
  };
}
