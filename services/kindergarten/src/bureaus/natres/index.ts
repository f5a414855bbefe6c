import { startConsumer, type Bus, type EventHandler, type RunningConsumer } from '@duban/bus';
import { MongoHandledEventLedger } from '@duban/store';
import type { Db } from 'mongodb';
import { bureauInboxHandlers, onCaseFactForInbox } from '../inbox';
import { onHoldLifted } from './handlers/hold-lifted';
import { onHoldPlaced } from './handlers/hold-placed';

export const UNIT_CODE = 'natres';

/** The 自然资源局 module: its own durable consumer, its own permits and inbox entries; runnable alone. */
export async function startNatresModule(deps: {
  bus: Bus;
  db: Db;
  durable?: string;
}): Promise<RunningConsumer> {
  const inbox = onCaseFactForInbox(deps.db, UNIT_CODE);
  const placed = onHoldPlaced(deps.db);
  const lifted = onHoldLifted(deps.db);
  const both =
    <T>(hold: (event: T) => Promise<void>) =>
    async (event: T) => {
      await hold(event);
      await inbox(event as never);
    };
  return startConsumer(deps.bus, {
    durable: deps.durable ?? 'bureau-natres-kindergarten',
    ledger: new MongoHandledEventLedger(deps.db),
    handlers: {
      ...bureauInboxHandlers(deps.db, UNIT_CODE),
      'cn.gov.qtx.duban.kindergarten.hold_placed.v1': both(
        placed,
      ) as EventHandler<'cn.gov.qtx.duban.kindergarten.hold_placed.v1'>,
      'cn.gov.qtx.duban.kindergarten.hold_lifted.v1': both(
        lifted,
      ) as EventHandler<'cn.gov.qtx.duban.kindergarten.hold_lifted.v1'>,
    },
  });
}
