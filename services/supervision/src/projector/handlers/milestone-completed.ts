import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onMilestoneCompleted(db: Db) {
  return projection<typeof SupervisionEvents.MilestoneCompleted.type>(db, ({ data }) => ({
    summary:
      `${unitName(data.unitCode)}报送节点完成：${data.phrase || data.date}（${data.date}）` +
      (data.note ? `：${oneLine(data.note)}` : ''),
  }));
}
