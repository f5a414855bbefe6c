import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';
import { ratingLine } from './lifecycle';

export function onItemClosed(db: Db) {
  return projection<typeof SupervisionEvents.ItemClosed.type>(db, ({ data }) => ({
    summary: `销号${data.opinion ? `：${oneLine(data.opinion)}` : ''}${ratingLine(data.rating, data.ratingComment)}`,
  }));
}
