import {
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import { TourismEvents } from '@duban/workflow-tourism/client';
import type { Db } from 'mongodb';
import { onSettlementFact, onTripFact } from './facts';

export const tourismDurables = (prefix = '') => ({ projection: `${prefix}tourism-projection` });

const SETTLEMENT_FACTS = new Set<string>([
  TourismEvents.SettlementOpened.type,
  TourismEvents.SettlementClaimRecorded.type,
  TourismEvents.ExpressLineRecorded.type,
  TourismEvents.SettlementDue.type,
  TourismEvents.AgencyVoided.type,
  TourismEvents.SettlementSettled.type,
]);

/** Trips, settlements, their timeline and the tourism inbox entries: rebuildable from the stream. */
export function startTourismProjection(deps: {
  bus: Bus;
  db: Db;
  durable: string;
  startAt?: 'first' | 'new';
}): Promise<RunningConsumer> {
  const handlers: Record<string, unknown> = {};
  for (const def of Object.values(TourismEvents))
    handlers[def.type] = SETTLEMENT_FACTS.has(def.type) ? onSettlementFact(deps.db) : onTripFact(deps.db);
  return startConsumer(deps.bus, {
    durable: deps.durable,
    ledger: new JetStreamHandledEventLedger(deps.bus),
    handlers: handlers as EventHandlers,
    ...(deps.startAt ? { startAt: deps.startAt } : {}),
  });
}
