import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { natresLandDurables, startLedgerSuspensions, startNatresLandModule } from './bureaus/natres/index';
import { ensureLandUseIndexes } from './collections';
import type { LandTemporal } from './temporal';

export interface LandUseServiceDeps {
  bus: Bus;
  db: Db;
  /** Prefix for durable names; tests pass their own to stay apart. */
  durablePrefix?: string;
  /** `new`: consumers created now skip the events already on the stream (see @duban/bus). */
  startAt?: 'first' | 'new';
}

/** The land-use process's read models and alerts in one process (embedded default). */
export async function startLandUseServices(deps: LandUseServiceDeps): Promise<RunningConsumer[]> {
  await ensureLandUseIndexes(deps.db);
  return startNatresLandModule(deps);
}

/**
 * What tells the city's ledger workflow of each town's suspension (三(十)), so that the ledger
 * itself refuses occupations there. Apart from the read models: it acts on a workflow.
 */
export function startLandUseLedgerHold(deps: LandUseServiceDeps & LandTemporal): Promise<RunningConsumer> {
  return startLedgerSuspensions({
    ...deps,
    durable: natresLandDurables(deps.durablePrefix).ledgerSuspensions,
  });
}
