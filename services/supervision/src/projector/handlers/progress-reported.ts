import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onProgressReported(db: Db) {
  return projection<typeof SupervisionEvents.ProgressReported.type>(db, ({ data }) => ({
    summary: `${unitName(data.unitCode)}报送进展：${oneLine(data.text)}`,
    progress: { text: data.text, unitCode: data.unitCode },
  }));
}
