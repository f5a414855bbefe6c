import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { ensureAreaLedgerIndexes } from './area-ledger';
import { ensureLandTransferIndexes } from './collections';
import { landTransferDurables, startApplicationProjection, startLandTransferAlerts } from './projector/index';

export interface LandTransferServiceDeps {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
  startAt?: 'first' | 'new';
}

/** The land-transfer read models and alerts in one process (embedded default). */
export async function startLandTransferServices(deps: LandTransferServiceDeps): Promise<RunningConsumer[]> {
  await ensureLandTransferIndexes(deps.db);
  await ensureAreaLedgerIndexes(deps.db);
  const d = landTransferDurables(deps.durablePrefix);
  const common = { bus: deps.bus, db: deps.db, ...(deps.startAt ? { startAt: deps.startAt } : {}) };
  return [
    await startApplicationProjection({ ...common, durable: d.projection }),
    await startLandTransferAlerts({ ...common, durable: d.alerts }),
  ];
}
