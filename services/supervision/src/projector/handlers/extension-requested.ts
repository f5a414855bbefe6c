import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onExtensionRequested(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.extension_requested.v1'>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}申请延期至${data.requestedDeadline}：${oneLine(data.reason)}`,
  }));
}
