import { startConsumer, type Bus, type RunningConsumer, JetStreamHandledEventLedger } from '@duban/bus';
import { ensureIndexes } from '@duban/store';
import type { Db } from 'mongodb';
import { startAgriLandModule } from './bureaus/agri/index';
import { startNatresLandModule } from './bureaus/natres/index';
import { startOfficeLandModule } from './bureaus/office/index';
import { startStatsLandModule } from './bureaus/stats/index';
import { startTownsLandModule } from './bureaus/towns/index';
import { assessments, rectifications, timeline } from './collections';
import { LAND_FACTS, landEventType } from './facts';
import { onLandAlert } from './handlers/alerts';
import { onLandEvent } from './handlers/project';

export interface CultivatedLandServiceDeps {
  bus: Bus;
  db: Db;
  /** Prefix for durable names; tests pass their own to stay apart. */
  durablePrefix?: string;
}

/**
 * The cultivated-land process's services in one process (embedded default): the projection of
 * the towns' rectifications and assessments, the alerts, and the 自然资源局 (suspensions),
 * 农业农村局, 统计局, towns' and 政府督查室's inbox modules, each its own durable consumer.
 */
export async function startCultivatedLandServices(
  deps: CultivatedLandServiceDeps,
): Promise<RunningConsumer[]> {
  const prefix = deps.durablePrefix ?? '';
  await ensureIndexes(rectifications(deps.db), [{ key: { campaignId: 1 }, name: 'campaignId_1' }]);
  await ensureIndexes(assessments(deps.db), [{ key: { year: 1 }, name: 'year_1' }]);
  await ensureIndexes(timeline(deps.db), [{ key: { itemId: 1, version: 1 }, name: 'itemId_1_version_1' }]);
  const ledger = new JetStreamHandledEventLedger(deps.bus);
  const project = onLandEvent(deps.db);
  const projection = await startConsumer(deps.bus, {
    durable: `${prefix}cultivated-land-projection`,
    ledger,
    handlers: Object.fromEntries(LAND_FACTS.map((f) => [landEventType(f), project])) as never,
  });
  const alert = onLandAlert({
    bus: deps.bus,
    db: deps.db,
    ledger,
    ledgerName: `${prefix}cultivated-land-alerts:raised`,
  });
  const alerts = await startConsumer(deps.bus, {
    durable: `${prefix}cultivated-land-alerts`,
    ledger,
    handlers: Object.fromEntries(
      ['rectification_colour_changed', 'assessment_colour_changed', 'accountability_escalated'].map((f) => [
        landEventType(f),
        alert,
      ]),
    ) as never,
  });
  const modules = [
    await startNatresLandModule({ ...deps, durable: `${prefix}bureau-natres-cultivated-land` }),
    await startAgriLandModule({ ...deps, durable: `${prefix}bureau-agri-cultivated-land` }),
    await startStatsLandModule({ ...deps, durable: `${prefix}bureau-stats-cultivated-land` }),
    await startTownsLandModule({ ...deps, durable: `${prefix}towns-cultivated-land` }),
    await startOfficeLandModule({ ...deps, durable: `${prefix}office-cultivated-land` }),
  ];
  return [projection, alerts, ...modules];
}
