import { DiagnosticsEvents } from '@duban/contracts';
import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import type { Db } from 'mongodb';
import { onProbeRecorded } from './handlers/probe-recorded';

export const DIAGNOSTICS_CONSUMER = 'diagnostics';

export function startDiagnosticsService(deps: {
  bus: Bus;
  db: Db;
  durable?: string;
  maxHandlerFailures?: number;
}): Promise<RunningConsumer> {
  return startConsumer(deps.bus, {
    durable: deps.durable ?? DIAGNOSTICS_CONSUMER,
    ledger: new JetStreamHandledEventLedger(deps.bus),
    maxHandlerFailures: deps.maxHandlerFailures,
    handlers: { [DiagnosticsEvents.ProbeRecorded.type]: onProbeRecorded(deps.db) },
  });
}
