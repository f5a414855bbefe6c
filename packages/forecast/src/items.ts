import type { StartItem } from '@duban/workflow-supervision/client';
import type { ForecastItem } from './plan';

/**
 * A supervision item as the forecast sees it: its milestones, or its one deadline as the only
 * one; null when it has no date (nothing can be late).
 */
export function forecastItemOf(
  item: Pick<StartItem, 'itemId' | 'ref' | 'title' | 'leadUnits' | 'deadline'> & {
    milestones?: readonly { key: string; date: string }[] | null | undefined;
  },
): ForecastItem | null {
  const milestones = item.milestones?.length
    ? item.milestones.map((m) => ({ key: m.key, date: m.date }))
    : item.deadline
      ? [{ key: 'deadline', date: item.deadline }]
      : [];
  if (milestones.length === 0) return null;
  return {
    itemId: item.itemId,
    ref: item.ref,
    title: item.title,
    leadUnits: [...item.leadUnits],
    milestones,
  };
}
