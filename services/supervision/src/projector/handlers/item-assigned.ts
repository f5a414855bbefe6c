import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import { projection } from '../project';
import { unitNames } from '../units';

export function onItemAssigned(db: Db) {
  return projection<typeof SupervisionEvents.ItemAssigned.type>(db, ({ data: { item } }) => {
    const parts = [`交办：牵头单位${unitNames(item.leadUnits)}`];
    if (item.cooperatingUnits.length > 0) parts.push(`配合单位${unitNames(item.cooperatingUnits)}`);
    parts.push(item.deadline ? `期限${item.deadline}` : '无明确期限');
    return { summary: parts.join('，') };
  });
}
