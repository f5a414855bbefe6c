import type { RebuildableReadModel } from '@duban/bus';
import { ReadModels } from '@duban/contracts';
import type { Db } from 'mongodb';
import { SUPERVISION_ENTRIES } from './inbox';
import { PROJECTOR_CONSUMER, startProjectorService, type ProjectorDeps } from './service';

/**
 * Supervision's read models: `items`, `timeline` and supervision's entries of the shared inbox,
 * all kept by the projector's one consumer. `durable` is the name without prefix (tests pass
 * their own).
 */
export function supervisionReadModel(
  durable: string = PROJECTOR_CONSUMER,
  options: Pick<ProjectorDeps, 'maxHandlerFailures' | 'onError'> = {},
): RebuildableReadModel<Db> {
  return {
    name: 'supervision',
    label: '督办事项（事项、时间线、我的待办）',
    durables: (prefix = '') => [`${prefix}${durable}`],
    collections: [ReadModels.items, ReadModels.timeline],
    inbox: 'supervision',
    // Entries written before entries named their process are supervision's too.
    inboxEntries: SUPERVISION_ENTRIES,
    start: async ({ bus, db, durablePrefix = '' }) => [
      await startProjectorService({ ...options, bus, db, durable: `${durablePrefix}${durable}` }),
    ],
  };
}
