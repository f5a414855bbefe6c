import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onItemReturned(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.item_returned.v1'>(db, ({ data }) => ({
    summary: `退回：${oneLine(data.reason)}`,
  }));
}
