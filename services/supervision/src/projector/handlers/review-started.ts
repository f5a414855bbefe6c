import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onReviewStarted(db: Db) {
  return projection<typeof SupervisionEvents.ReviewStarted.type>(db, ({ data }) => ({
    summary: `督查室开始复核${data.note ? `：${oneLine(data.note)}` : ''}`,
  }));
}
