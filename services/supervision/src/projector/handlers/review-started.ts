import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onReviewStarted(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.review_started.v1'>(db, ({ data }) => ({
    summary: `督查室开始复核${data.note ? `：${oneLine(data.note)}` : ''}`,
  }));
}
