import { AlertEvents, type AlertDoc, type Attribution, type CloudEvent } from '@duban/contracts';
import { publishEvent, type Bus, type HandledEventLedger } from '@duban/bus';
import type { Collection, Db } from 'mongodb';
import { alertsCollection, isDuplicateKeyError } from './collections';

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
  ledger: HandledEventLedger;
  /** Ledger name under which published AlertRaised ids are recorded. */
  raisedLedger: string;
  stats: AlertStats;
  /** CloudEvents `source` of the AlertRaised events (default: the alerts service). */
  source?: string;
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
export async function raiseAlert(
  deps: RaiseDeps,
  alert: AlertDoc,
  attribution: Attribution,
  /** The live feed's wording, when it says more than the stored message. */
  announced: string = alert.message,
): Promise<void> {
  const { _id } = alert;
  try {
    // A whole insert, not an upsert with $setOnInsert: FerretDB drops empty arrays from those.
    await deps.alerts.insertOne(alert);
    deps.stats.stored++;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error; // stored before (a redelivery) or by another replica
  }

  const raisedId = alertRaisedId(alert.eventId, alert.audience);
  if ((await deps.ledger.handled(deps.raisedLedger, [raisedId])).has(raisedId)) return;
  const published = await publishEvent(deps.bus.js, {
    type: AlertEvents.AlertRaised.type,
    id: raisedId,
    source: deps.source ?? ALERTS_SOURCE,
    subject: alert.itemId,
    time: alert.createdAt.toISOString(),
    data: {
      alertId: _id,
      audience: alert.audience,
      process: alert.process,
      itemId: alert.itemId,
      href: alert.href,
      docNo: alert.docNo,
      ref: alert.ref,
      title: alert.title,
      colour: alert.colour,
      kind: alert.kind,
      message: announced,
      leadUnits: alert.leadUnits,
      createdAt: alert.createdAt.toISOString(),
    },
    ...attribution,
  });
  if (!published.duplicate) deps.stats.raised++;
  await deps.ledger.recordAll(deps.raisedLedger, [raisedId]);
}

/** Carries the cause of the alert (who, which unit, which request) on to the AlertRaised event. */
export function attributionOf(event: CloudEvent): Attribution {
  return {
    ...(event.actorid ? { actorId: event.actorid } : {}),
    ...(event.actorunit ? { actorUnit: event.actorunit } : {}),
    ...(event.requestid ? { requestId: event.requestid } : {}),
  };
}

export interface ProcessAlertDeps {
  bus: Bus;
  db: Db;
  ledger: HandledEventLedger;
  /** The raising consumer's ledger name: its AlertRaised ids are recorded under it. */
  ledgerName: string;
  /** CloudEvents `source` of the AlertRaised events, e.g. `duban/services/kindergarten`. */
  source: string;
}

/**
 * How every process raises an alert from one of its own facts: stored once in the shared
 * `alerts` collection and announced once as AlertRaised, attributed to whoever caused the fact.
 */
export async function raiseProcessAlert(
  deps: ProcessAlertDeps,
  event: CloudEvent<string, unknown>,
  alert: AlertDoc,
  announced?: string,
): Promise<void> {
  const raiseDeps: RaiseDeps = {
    bus: deps.bus,
    alerts: alertsCollection(deps.db),
    ledger: deps.ledger,
    raisedLedger: deps.ledgerName,
    stats: { stored: 0, raised: 0 },
    source: deps.source,
  };
  await raiseAlert(raiseDeps, alert, attributionOf(event), announced);
}
