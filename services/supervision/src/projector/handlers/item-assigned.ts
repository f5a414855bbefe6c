import type { Db } from 'mongodb';
import { projection } from '../project';
import { unitNames } from '../units';

export function onItemAssigned(db: Db) {
  return projection<'cn.gov.qtx.duban.supervision.item_assigned.v1'>(db, ({ data: { item } }) => {
    const parts = [`交办：牵头单位${unitNames(item.leadUnits)}`];
    if (item.cooperatingUnits.length > 0) parts.push(`配合单位${unitNames(item.cooperatingUnits)}`);
    parts.push(item.deadline ? `期限${item.deadline}` : '无明确期限');
    return { summary: parts.join('，') };
  });
}
