import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { startInboxModule } from '../inbox-module';
import { landTowns } from '../../towns';

/** The towns' (各镇(场)) module: their inboxes (整改补划方案, 年度报告, 限期整改 — 二(二), 三(八)). */
export function startTownsLandModule(deps: { bus: Bus; db: Db; durable?: string }): Promise<RunningConsumer> {
  const codes = new Set(landTowns().map((t) => t.code));
  return startInboxModule({
    ...deps,
    module: 'towns',
    owns: (u) => codes.has(u),
    durable: deps.durable ?? 'towns-cultivated-land',
  });
}
