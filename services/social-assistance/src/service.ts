import type { Bus, RunningConsumer } from '@duban/bus';
import type { Db } from 'mongodb';
import { ensureSocialAssistanceIndexes } from './collections';
import {
  socialAssistanceDurables,
  startSocialAssistanceAlerts,
  startSocialAssistanceProjection,
} from './projector/index';

export interface SocialAssistanceServiceDeps {
  bus: Bus;
  db: Db;
  durablePrefix?: string;
  startAt?: 'first' | 'new';
}

/** The social-assistance read models and alerts in one process (embedded default). */
export async function startSocialAssistanceServices(
  deps: SocialAssistanceServiceDeps,
): Promise<RunningConsumer[]> {
  await ensureSocialAssistanceIndexes(deps.db);
  const d = socialAssistanceDurables(deps.durablePrefix);
  const common = { bus: deps.bus, db: deps.db, ...(deps.startAt ? { startAt: deps.startAt } : {}) };
  return [
    await startSocialAssistanceProjection({ ...common, durable: d.projection }),
    await startSocialAssistanceAlerts({ ...common, durable: d.alerts }),
  ];
}
