import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onExtensionRequested(db: Db) {
  return projection<typeof SupervisionEvents.ExtensionRequested.type>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}申请延期至${data.requestedDeadline}：${oneLine(data.reason)}`,
  }));
}
