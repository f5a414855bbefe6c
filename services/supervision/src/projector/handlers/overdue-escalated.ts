import type { Db } from 'mongodb';
import { projection } from '../project';

export function onOverdueEscalated(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.overdue_escalated.v1'>(db, ({ data }) => ({
    summary: `逾期超过${data.redDays}天，提请领导小组督办`,
  }));
}
