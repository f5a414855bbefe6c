import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onItemSigned(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.item_signed.v1'>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}签收${data.note ? `：${oneLine(data.note)}` : ''}`,
  }));
}
