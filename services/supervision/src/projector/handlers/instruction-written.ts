import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine } from '../units';

export function onInstructionWritten(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.instruction_written.v1'>(db, ({ data }) => ({
    summary: `领导批示：${oneLine(data.text)}`,
  }));
}
