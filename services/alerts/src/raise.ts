import { AlertEvents, type AlertDoc, type Attribution, type CloudEvent } from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import type { MongoHandledEventLedger } from '@duban/store';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError } from './collections';

export const ALERTS_SOURCE = 'duban/services/alerts';

export interface AlertStats {
  /** Alerts stored for the first time. */
  stored: number;
  /** AlertRaised events published (not counting ones JetStream or the ledger recognised). */
  raised: number;
}

export interface RaiseDeps {
  bus: Bus;
  alerts: Collection<AlertDoc>;
  ledger: MongoHandledEventLedger;
  /** Ledger name under which published AlertRaised ids are recorded. */
  raisedLedger: string;
  stats: AlertStats;
}

/** `alert/<event id>/<audience>`: the same alert always gets the same AlertRaised id. */
export function alertRaisedId(eventId: string, audience: AlertDoc['audience']): string {
  return `alert/${eventId}/${audience}`;
}

export function alertId(eventId: string, audience: AlertDoc['audience']): string {
  return `${eventId}|${audience}`;
}

/**
 * Stores the alert (insert-once: a second write of the same `_id` leaves the first), then
 * publishes AlertRaised once. The raise is recorded in the ledger after the publish, and the
 * publish carries a deterministic message id, so a redelivery after a crash between the two is
 * dropped by JetStream inside its duplicate window and by the ledger after it.
 */
export async function raiseAlert(deps: RaiseDeps, alert: AlertDoc, attribution: Attribution): Promise<void> {
  const { _id, ...fields } = alert;
  try {
    const result = await deps.alerts.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
    if (result.upsertedCount > 0) deps.stats.stored++;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // stored meanwhile by another replica
  }

  const raisedId = alertRaisedId(alert.eventId, alert.audience);
  if (await deps.ledger.has(deps.raisedLedger, raisedId)) return;
  const published = await publishEvent(deps.bus.js, {
    type: AlertEvents.AlertRaised.type,
    id: raisedId,
    source: ALERTS_SOURCE,
    subject: alert.itemId,
    time: alert.createdAt.toISOString(),
    data: {
      alertId: _id,
      audience: alert.audience,
      itemId: alert.itemId,
      docNo: alert.docNo,
      ref: alert.ref,
      title: alert.title,
      colour: alert.colour,
      kind: alert.kind,
      message: alert.message,
      leadUnits: alert.leadUnits,
      createdAt: alert.createdAt.toISOString(),
    },
    ...attribution,
  });
  if (!published.duplicate) deps.stats.raised++;
  await deps.ledger.record(deps.raisedLedger, raisedId);
}

/** Carries the cause of the alert (who, which unit, which request) on to the AlertRaised event. */
export function attributionOf(event: CloudEvent): Attribution {
  return {
    ...(event.actorid ? { actorId: event.actorid } : {}),
    ...(event.actorunit ? { actorUnit: event.actorunit } : {}),
    ...(event.requestid ? { requestId: event.requestid } : {}),
  };
}
