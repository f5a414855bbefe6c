import { AlertEvents, ReadModels, type AlertDoc, type CloudEvent } from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { isDuplicateKey } from '../collections';

export const KG_ALERTS_SOURCE = 'duban/services/kindergarten';

export interface RaiseAlertDeps {
  bus: Bus;
  db: Db;
  ledger: MongoHandledEventLedger;
  ledgerName: string;
}

/**
 * Stores an alert in the shared `alerts` collection (insert once) and announces it once as
 * AlertRaised, like the supervision alerts; `announced` adds detail for the live feed.
 */
export async function raiseCaseAlert(
  deps: RaiseAlertDeps,
  event: CloudEvent<string, unknown>,
  alert: AlertDoc,
  announced: string = alert.message,
): Promise<void> {
  try {
    await deps.db.collection<AlertDoc>(ReadModels.alerts).insertOne(alert);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const raisedId = `alert/${event.id}/${alert.audience}`;
  if (await deps.ledger.has(deps.ledgerName, raisedId)) return;
  await publishEvent(deps.bus.js, {
    type: AlertEvents.AlertRaised.type,
    id: raisedId,
    source: KG_ALERTS_SOURCE,
    subject: alert.itemId,
    time: event.time,
    data: {
      alertId: alert._id,
      audience: alert.audience,
      itemId: alert.itemId,
      docNo: alert.docNo,
      ref: alert.ref,
      title: alert.title,
      colour: alert.colour,
      kind: alert.kind,
      message: announced,
      leadUnits: alert.leadUnits,
      createdAt: alert.createdAt.toISOString(),
    },
    actorId: event.actorid ?? 'system',
  });
  await deps.ledger.record(deps.ledgerName, raisedId);
}
