import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onExtensionDecided(db: Db) {
  return projection<typeof SupervisionEvents.ExtensionDecided.type>(db, ({ data }) => ({
    // The old and the new deadline both stay in the history (DESIGN §5).
    summary: data.approved
      ? `同意延期：${data.previousDeadline ?? '无期限'} → ${data.newDeadline ?? '无期限'}`
      : `不同意延期：${oneLine(data.opinion)}`,
  }));
}
