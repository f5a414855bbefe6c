import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import { Colours } from '@duban/contracts';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { unitName } from '../units';

export function onColourChanged(db: Db) {
  return projection<typeof SupervisionEvents.ColourChanged.type>(db, ({ data }) => {
    // `item`: the lead's own work; otherwise the co-operating unit whose sub-task changed.
    const scope = data.scope === 'item' ? '' : `${unitName(data.scope)}配合任务`;
    const summary =
      data.to === 'none'
        ? `${scope}预警解除（原为${Colours[data.from]}）`
        : `${scope}预警等级由${Colours[data.from]}变为${Colours[data.to]}`;
    return { summary };
  });
}
