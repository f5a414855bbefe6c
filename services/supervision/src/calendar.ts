import type { ItemSnapshot } from '@duban/workflow-supervision/client';

/** One all-day date of a unit's calendar feed (期限日历) for one item. */
export interface CalendarDate {
  /** Stable across refreshes, so a calendar app updates the event rather than adding one. */
  uid: string;
  date: string;
  role: 'lead' | 'cooperating';
  /** The milestone's words (于2019年6月底前) when the date is one of several of the clause. */
  milestone: string | null;
}

/**
 * The dates an open item puts in a unit's calendar: the lead gets its deadline, or, for a clause
 * with several dates (31号 四(二)), one date per open milestone; a co-operating unit its unfinished
 * sub-task's deadline.
 */
export function calendarDatesOf(item: ItemSnapshot, unitCode: string): CalendarDate[] {
  if (item.state === 'closed') return [];
  const base = `${item.itemId}.${unitCode}`;
  if (item.leadUnits.includes(unitCode)) {
    if (item.milestones?.length) {
      return item.milestones
        .filter((m) => m.doneAt === null)
        .map((m) => ({ uid: `${base}.${m.key}@duban`, date: m.date, role: 'lead', milestone: m.phrase }));
    }
    return item.deadline
      ? [{ uid: `${base}@duban`, date: item.deadline, role: 'lead', milestone: null }]
      : [];
  }
  const sub = item.subTasks.find((s) => s.unitCode === unitCode);
  return sub && sub.state !== 'done' && sub.deadline
    ? [{ uid: `${base}@duban`, date: sub.deadline, role: 'cooperating', milestone: null }]
    : [];
}
