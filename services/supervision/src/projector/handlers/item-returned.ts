import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onItemReturned(db: Db) {
  return projection<typeof SupervisionEvents.ItemReturned.type>(db, ({ data }) => ({
    summary: `退回：${oneLine(data.reason)}`,
  }));
}
