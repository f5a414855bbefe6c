import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { oneLine, unitName } from '../units';

export function onCloseRequested(db: Db) {
  return projection<typeof SupervisionEvents.CloseRequested.type>(db, (event) => {
    // The lead asks; the envelope names which lead unit did.
    const unitCode = event.actorunit ?? event.data.item.leadUnits[0] ?? '';
    const who = event.actorunit ? unitName(event.actorunit) : '';
    return {
      summary: `${who}申请办结：${oneLine(event.data.summary)}`,
      progress: { text: event.data.summary, unitCode },
    };
  });
}
