import { milestoneOfScope, type SupervisionEvents } from '@duban/workflow-supervision/client';
import { Colours } from '@duban/contracts';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { unitName } from '../units';

export function onColourChanged(db: Db) {
  return projection<typeof SupervisionEvents.ColourChanged.type>(db, ({ data }) => {
    // `item`: the lead's own work; a milestone of the clause; or the co-operating unit's sub-task.
    const milestone = milestoneOfScope(data.item, data.scope);
    const scope =
      data.scope === 'item'
        ? ''
        : milestone
          ? `节点（${milestone.date}）`
          : `${unitName(data.scope)}配合任务`;
    const summary =
      data.to === 'none'
        ? `${scope}预警解除（原为${Colours[data.from]}）`
        : `${scope}预警等级由${Colours[data.from]}变为${Colours[data.to]}`;
    return { summary };
  });
}
