import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import type { Db } from 'mongodb';
import { LAND_FACTS, landEventType } from '../facts';
import { inboxHandler } from '../inbox';

/** A bureau module that only keeps its units' inbox entries of this process. */
export async function startInboxModule(deps: {
  bus: Bus;
  db: Db;
  module: string;
  owns: (unitCode: string) => boolean;
  durable: string;
}): Promise<RunningConsumer> {
  const handler = inboxHandler(deps.db, deps.module, deps.owns);
  return startConsumer(deps.bus, {
    durable: deps.durable,
    ledger: new JetStreamHandledEventLedger(deps.bus),
    handlers: Object.fromEntries(LAND_FACTS.map((f) => [landEventType(f), handler])) as never,
  });
}

/** The module of one unit whose only part in this process is its inbox (given its data). */
export const oneUnitInboxModule =
  (module: string, unitCode: string, defaultDurable: string) =>
  (deps: { bus: Bus; db: Db; durable?: string }): Promise<RunningConsumer> =>
    startInboxModule({
      ...deps,
      module,
      owns: (u) => u === unitCode,
      durable: deps.durable ?? defaultDurable,
    });
