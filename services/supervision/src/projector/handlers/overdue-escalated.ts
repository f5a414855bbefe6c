import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';

export function onOverdueEscalated(db: Db) {
  return projection<typeof SupervisionEvents.OverdueEscalated.type>(db, ({ data }) => ({
    summary: `逾期超过${data.redDays}天，提请领导小组督办`,
  }));
}
