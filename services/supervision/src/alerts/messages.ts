import { Colours, type Colour } from '@duban/contracts';
import { milestoneOfScope, type ItemSnapshot } from '@duban/workflow-supervision/client';
import { civilDateOf } from '@duban/calendar';
import { unitByCode } from '@duban/units';

const severity: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };

/** What every alert about an item says of it: where it is, and which clause. */
export function itemAlertFields(item: Pick<ItemSnapshot, 'itemId' | 'docNo' | 'ref' | 'title'>) {
  return {
    process: 'supervision' as const,
    itemId: item.itemId,
    href: `#/items/${encodeURIComponent(item.itemId)}`,
    docNo: item.docNo,
    ref: item.ref,
    title: item.title,
  };
}

export function unitName(code: string): string {
  return unitByCode(code)?.shortName ?? code;
}

/** 青政办发〔2019〕31号 第二部分第1条「…」（牵头：教育局、住建局） */
export function itemLine(item: ItemSnapshot): string {
  const title = item.title.length > 40 ? `${item.title.slice(0, 39)}…` : item.title;
  return `${item.docNo} ${item.ref}「${title}」（牵头：${item.leadUnits.map(unitName).join('、')}）`;
}

function scopeLine(item: ItemSnapshot, scope: string): string {
  if (scope === 'item') return '';
  const milestone = milestoneOfScope(item, scope);
  return milestone ? `节点「${milestone.phrase || milestone.date}」` : `配合单位${unitName(scope)}的子任务`;
}

function deadlineLine(item: ItemSnapshot, scope: string): string {
  const deadline =
    scope === 'item'
      ? item.deadline
      : (milestoneOfScope(item, scope)?.date ??
        item.subTasks.find((s) => s.unitCode === scope)?.deadline ??
        null);
  return deadline ? `（期限${deadline}）` : '';
}

/** For the inspectors: every change of colour, up or down. */
export function colourChangeMessage(
  item: ItemSnapshot,
  change: { scope: string; from: Colour; to: Colour; reason: string },
): string {
  const verb = severity[change.to] > severity[change.from] ? '升为' : '降为';
  const reason = change.reason ? `：${change.reason}` : '';
  return (
    `【${Colours[change.to]}】${itemLine(item)}${scopeLine(item, change.scope)}` +
    `预警由${Colours[change.from]}${verb}${Colours[change.to]}${deadlineLine(item, change.scope)}${reason}`
  );
}

/** For the leadership group: an item (or one of its sub-tasks) has gone past its deadline. */
export function overdueMessage(item: ItemSnapshot, scope: string): string {
  return `【逾期】${itemLine(item)}${scopeLine(item, scope)}已逾期${deadlineLine(item, scope)}，请督促办理`;
}

/** For the leadership group: an item red for more than the configured number of days. */
export function escalationMessage(item: ItemSnapshot, redDays: number): string {
  const since = item.redSince ? `，自${civilDateOf(new Date(item.redSince))}起逾期` : '';
  return `【逾期超过${redDays}天】${itemLine(item)}逾期超过${redDays}天${deadlineLine(item, 'item')}${since}，请领导小组督办`;
}
