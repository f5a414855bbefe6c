import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onInstructionWritten(db: Db) {
  return projection<typeof SupervisionEvents.InstructionWritten.type>(db, ({ data }) => ({
    summary: `领导批示：${oneLine(data.text)}`,
  }));
}
