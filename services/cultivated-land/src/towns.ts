import { resolveParty, type Unit } from '@duban/units';

/** 各镇(场): the eight towns and the farms the document addresses (青政办发〔2019〕28号). */
export function landTowns(): Unit[] {
  const group = resolveParty('各镇(场)');
  if (group.kind !== 'group') throw new Error('unit registry: 各镇(场) is not a group');
  return group.units;
}

export function landTown(code: string): Unit | undefined {
  return landTowns().find((u) => u.code === code);
}
