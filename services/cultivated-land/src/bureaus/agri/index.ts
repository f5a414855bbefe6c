import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { startInboxModule } from '../inbox-module';

/** The 农业农村局 module: its inbox (会同核实, “两区”调整, 参与考核 — 二(二), 三(九)). */
export const startAgriLandModule = (deps: { bus: Bus; db: Db; durable?: string }): Promise<RunningConsumer> =>
  startInboxModule({
    ...deps,
    module: 'agri',
    owns: (u) => u === 'agri',
    durable: deps.durable ?? 'bureau-agri-cultivated-land',
  });
