import type { ItemSnapshot } from '@duban/workflow-supervision/client';

/** Since when an open item is overdue, and by which of its dates. */
export interface Overdue {
  /** The civil date whose passing made the item overdue. */
  since: string;
  /** The milestone's words (于2019年6月底前) when that date is one of several of the clause. */
  milestone: string | null;
}

/**
 * Since when an open item is overdue: its earliest open milestone whose date has passed (31号
 * 四(二): an item whose 6月底 milestone is not done is overdue since 6月底, although its deadline is
 * 2020年12月底), else its deadline once passed; null when nothing is overdue or the item is closed.
 * A milestone done no longer counts; the deadline still does, as it does for the item's colour.
 */
export function overdueOf(
  item: Pick<ItemSnapshot, 'state' | 'deadline' | 'milestones'>,
  today: string,
): Overdue | null {
  if (item.state === 'closed') return null;
  const passed: Overdue[] = (item.milestones ?? [])
    .filter((m) => m.doneAt === null && m.date < today)
    .map((m) => ({ since: m.date, milestone: m.phrase }));
  if (item.deadline !== null && item.deadline < today) passed.push({ since: item.deadline, milestone: null });
  // Earliest first; on the same date the milestone's words say more than the bare deadline.
  passed.sort((a, b) => a.since.localeCompare(b.since) || (a.milestone ? -1 : b.milestone ? 1 : 0));
  return passed[0] ?? null;
}
