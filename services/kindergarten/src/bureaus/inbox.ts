// Shared by every bureau module: its inbox entries follow each kindergarten fact (each carries the case).
import {
  startConsumer,
  type Bus,
  type EventHandlers,
  type RunningConsumer,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import type { CaseSnapshot } from '@duban/workflow-kindergarten/client';
import type { CloudEvent } from '@duban/contracts';
import type { Db } from 'mongodb';
import { syncBureauInbox } from '../inbox';
import { CASE_FACT_TYPES } from '../facts';

/** The handler that keeps `unitCode`'s inbox entries for kindergarten cases. */
export const onCaseFactForInbox =
  (db: Db, unitCode: string) =>
  async (event: CloudEvent<string, { case: CaseSnapshot }>): Promise<void> =>
    syncBureauInbox(db, unitCode, event.data.case, event.time);

/** Every case fact handled by the bureau's inbox handler. */
export function bureauInboxHandlers(db: Db, unitCode: string): EventHandlers {
  const handler = onCaseFactForInbox(db, unitCode);
  return Object.fromEntries(CASE_FACT_TYPES.map((type) => [type, handler])) as EventHandlers;
}

/**
 * A bureau whose only kindergarten read model is its inbox (教育局, 财政局, 发改局, 民政局, 编办):
 * its own durable consumer and its own entries; runnable alone.
 */
export async function startBureauInboxModule(deps: {
  bus: Bus;
  db: Db;
  unitCode: string;
  durable?: string;
}): Promise<RunningConsumer> {
  return startConsumer(deps.bus, {
    durable: deps.durable ?? `bureau-${deps.unitCode}-kindergarten`,
    ledger: new JetStreamHandledEventLedger(deps.bus),
    handlers: bureauInboxHandlers(deps.db, deps.unitCode),
  });
}
