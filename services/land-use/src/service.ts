import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { startNatresLandModule } from './bureaus/natres/index';
import { ensureLandUseIndexes } from './collections';

export interface LandUseServiceDeps {
  bus: Bus;
  db: Db;
  /** Prefix for durable names; tests pass their own to stay apart. */
  durablePrefix?: string;
  /** `new`: consumers created now skip the events already on the stream (see @duban/bus). */
  startAt?: 'first' | 'new';
}

/** The land-use process's services in one process (embedded default). */
export async function startLandUseServices(deps: LandUseServiceDeps): Promise<RunningConsumer[]> {
  await ensureLandUseIndexes(deps.db);
  return startNatresLandModule(deps);
}
