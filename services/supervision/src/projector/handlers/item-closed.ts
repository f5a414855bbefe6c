import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onItemClosed(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.item_closed.v1'>(db, ({ data }) => ({
    summary: `销号${data.opinion ? `：${oneLine(data.opinion)}` : ''}`,
  }));
}
