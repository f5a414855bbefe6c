import type { ItemSnapshot } from '@duban/workflow-supervision/client';

/** One date of an open item that has passed undone, and since when it is overdue. */
export interface Overdue {
  /** The civil date whose passing made it overdue. */
  since: string;
  /** The milestone's words (于2019年6月底前) when that date is one of several of the clause. */
  milestone: string | null;
}

type Judged = Pick<ItemSnapshot, 'state' | 'deadline' | 'milestones'>;

/**
 * Every date of an open item that has passed undone, earliest first: each open milestone past its
 * own date (31号 四(二) on 2019-12-05: 6月底, 9月底 and 11月底, each overdue since its own date,
 * although the deadline is 2020年12月底), and the deadline once passed unless an open milestone of
 * that date already stands for it. A milestone done no longer counts; the deadline still does, as
 * it does for the item's colour. None when the item is closed.
 */
export function overduesOf(item: Judged, today: string): Overdue[] {
  if (item.state === 'closed') return [];
  const passed: Overdue[] = (item.milestones ?? [])
    .filter((m) => m.doneAt === null && m.date < today)
    .map((m) => ({ since: m.date, milestone: m.phrase }));
  // On the same date the milestone's words say more than the bare deadline.
  if (item.deadline !== null && item.deadline < today && !passed.some((p) => p.since === item.deadline))
    passed.push({ since: item.deadline, milestone: null });
  return passed.sort((a, b) => a.since.localeCompare(b.since));
}

/** Since when an open item is overdue: the earliest of its overdue dates, null when none. */
export function overdueOf(item: Judged, today: string): Overdue | null {
  return overduesOf(item, today)[0] ?? null;
}

/**
 * The rows of the overdue list (cockpit's longest overdue, 逾期清单): one per overdue date of each
 * item, so each milestone of a clause counts on its own, with its own date and days, as in the
 * inbox's colours and the iCalendar feed. Longest overdue first; ties by item id.
 *
 * `byDeadlineWhenNone`: an item listed though none of its own dates has passed (the cockpit lists
 * every red item, and a co-operating unit's sub-task of an earlier date can make it red) is listed
 * by its deadline, as the cockpit always did.
 */
export function overdueRows<T extends Judged & { _id: string }>(
  items: readonly T[],
  today: string,
  { byDeadlineWhenNone = false } = {},
): { item: T; overdue: Overdue }[] {
  return items
    .flatMap((item) => {
      const dates = overduesOf(item, today);
      if (dates.length === 0 && byDeadlineWhenNone && item.deadline !== null)
        dates.push({ since: item.deadline, milestone: null });
      return dates.map((overdue) => ({ item, overdue }));
    })
    .sort((a, b) => a.overdue.since.localeCompare(b.overdue.since) || a.item._id.localeCompare(b.item._id));
}
