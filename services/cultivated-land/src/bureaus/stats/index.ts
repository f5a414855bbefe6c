import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { startInboxModule } from '../inbox-module';

/** The 统计局 module: its inbox (参与耕地保护责任目标履行情况考核, 三(九)). */
export const startStatsLandModule = (deps: {
  bus: Bus;
  db: Db;
  durable?: string;
}): Promise<RunningConsumer> =>
  startInboxModule({
    ...deps,
    module: 'stats',
    owns: (u) => u === 'stats',
    durable: deps.durable ?? 'bureau-stats-cultivated-land',
  });
