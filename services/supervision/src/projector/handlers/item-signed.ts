import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onItemSigned(db: Db) {
  return projection<typeof SupervisionEvents.ItemSigned.type>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}签收${data.note ? `：${oneLine(data.note)}` : ''}`,
  }));
}
