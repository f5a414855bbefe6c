import { checkProcessList, type ProcessModule } from '@duban/process';
import { forecastModule } from '@duban/forecast';
import { deliveryModule } from '@duban/service-delivery';
import { cultivatedLandProcess } from '@duban/service-cultivated-land';
import { kindergartenProcess } from '@duban/service-kindergarten';
import { landTransferProcess } from '@duban/service-land-transfer';
import { landUseProcess } from '@duban/service-land-use';
import { projectQualityProcess } from '@duban/service-project-quality';
import { socialAssistanceProcess } from '@duban/service-social-assistance';
import { supervisionProcess } from '@duban/service-supervision';
import { tourismProcess } from '@duban/service-tourism';

/**
 * Every process Duban runs. Gateway, system start, `duban projections rebuild`, the shared inbox,
 * the review queue and the OpenAPI document loop over this list; adding a process is its two
 * folders (`workflows/<name>`, `services/<name>`) and one line here.
 */
export const PROCESSES: readonly ProcessModule[] = [
  supervisionProcess,
  kindergartenProcess,
  cultivatedLandProcess,
  landUseProcess,
  landTransferProcess,
  tourismProcess,
  socialAssistanceProcess,
  projectQualityProcess,
];

checkProcessList(PROCESSES);

/**
 * What `duban start` runs, routes and shows: the processes, then modules shaped like one that
 * are no process of the gazette (no cockpit line, inbox or read model): the delivery of alerts
 * and the forecast of a document's milestones.
 */
export const MODULES: readonly ProcessModule[] = [...PROCESSES, deliveryModule, forecastModule];
