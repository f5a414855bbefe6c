import { startConsumer, type Bus, type RunningConsumer } from '@duban/bus';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { onHoldLifted } from './handlers/hold-lifted';
import { onHoldPlaced } from './handlers/hold-placed';

/** The 住建局 module: its own durable consumer, its own read model; runnable alone. */
export async function startHousModule(deps: {
  bus: Bus;
  db: Db;
  durable?: string;
}): Promise<RunningConsumer> {
  return startConsumer(deps.bus, {
    durable: deps.durable ?? 'bureau-hous-kindergarten',
    ledger: new MongoHandledEventLedger(deps.db),
    handlers: {
      'cn.gov.qtx.duban.kindergarten.hold_placed.v1': onHoldPlaced(deps.db),
      'cn.gov.qtx.duban.kindergarten.hold_lifted.v1': onHoldLifted(deps.db),
    },
  });
}
