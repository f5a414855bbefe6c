import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import type { Db } from 'mongodb';
import { inboxHandler } from '../../inbox';
import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { LAND_FACTS, landEventType } from '../../facts';
import { onSuspensionChanged } from './handlers/suspension';

/**
 * The 自然资源局 module: the hold on land business in suspended towns (`land_suspensions`) and
 * 自然资源局's own inbox entries; its own durable consumer, runnable alone.
 */
export async function startNatresLandModule(deps: {
  bus: Bus;
  db: Db;
  durable?: string;
}): Promise<RunningConsumer> {
  const inbox = inboxHandler(deps.db, 'natres', (u) => u === 'natres');
  const suspension = onSuspensionChanged(deps.db);
  const handlers: Record<string, (event: never) => Promise<void>> = {};
  for (const fact of LAND_FACTS) handlers[landEventType(fact)] = inbox;
  for (const def of [CultivatedEvents.LandBusinessSuspended, CultivatedEvents.SuspensionLifted])
    handlers[def.type] = async (event: never) => {
      await suspension(event);
      await inbox(event);
    };
  return startConsumer(deps.bus, {
    durable: deps.durable ?? 'bureau-natres-cultivated-land',
    ledger: new JetStreamHandledEventLedger(deps.bus),
    handlers: handlers as never,
  });
}
