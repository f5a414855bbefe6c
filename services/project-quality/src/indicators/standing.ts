// An indicator's standing: its latest reported value against its target (met or missed), and the
// warning ladder on its report date when nothing is reported yet.
import { colourFor, endOfCivilDay, type CivilDate } from '@duban/calendar';
import { meets } from '@duban/workflow-project-quality/client';
import type { TrackedIndicator } from './catalog';

/**
 * When a yearly indicator is reported: the end of its target year (our reading: 65号 and 30号 set
 * year targets and no report date; the year's figure is known at its end).
 */
export const indicatorReportDue = (i: Pick<TrackedIndicator, 'year'>): CivilDate => `${i.year}-12-31`;

export interface IndicatorStanding {
  due: CivilDate;
  value: number | null;
  source: string | null;
  met: boolean | null;
  colour: 'green' | 'blue' | 'red' | 'missed';
}

export function standingOf(
  i: TrackedIndicator,
  report: { value: number; source: string } | null,
  now: Date,
  warningWindowDays: number,
): IndicatorStanding {
  const due = indicatorReportDue(i);
  if (report) {
    const met = meets(report.value, i.comparison, i.target);
    return { due, value: report.value, source: report.source, met, colour: met ? 'green' : 'missed' };
  }
  const colour = colourFor({ now, deadline: due, warningWindowDays, reportMissing: false });
  return {
    due,
    value: null,
    source: null,
    met: null,
    colour: now.getTime() > endOfCivilDay(due).getTime() ? 'red' : colour === 'blue' ? 'blue' : 'green',
  };
}
