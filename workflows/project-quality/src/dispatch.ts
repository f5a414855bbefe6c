// 四(二) 强化项目调度: "抢抓上半年项目建设黄金期，尤其对3月底前开工的项目，每周召开一次调度会". The projects on
// the weekly dispatch list of a given week: due to start by the end of March of their year, not yet
// closed out, and in the first half of the year (黄金期; our reading: the meeting runs through June,
// and a project already started stays on it, since the meeting hears its progress too).
import { addCivilDays, civilDateFrom, dayOfWeek, type CivilDate } from '@duban/calendar';
import type { Project, ProjectProgress } from './contracts/model';

export interface DispatchLine {
  projectId: string;
  name: string;
  unitCode: string;
  leader: string;
  plannedStart: CivilDate;
  started: boolean;
}

/** Monday of the week of `date` (the week the meeting is held in). */
export const weekOf = (date: CivilDate): CivilDate => addCivilDays(date, 1 - dayOfWeek(date));

export function weeklyDispatch(
  projects: Project[],
  progress: Map<string, ProjectProgress>,
  date: CivilDate,
): DispatchLine[] {
  const year = Number(date.slice(0, 4));
  if (date > civilDateFrom(year, 6, 30)) return [];
  return projects
    .filter(
      (p) =>
        !p.reserve &&
        !p.closedOn &&
        p.plannedStart <= civilDateFrom(year, 3, 31) &&
        p.plannedStart >= civilDateFrom(year, 1, 1),
    )
    .map((p) => ({
      projectId: p.projectId,
      name: p.name,
      unitCode: p.unitCode,
      leader: p.leader,
      plannedStart: p.plannedStart,
      started: progress.get(p.projectId)?.started ?? false,
    }))
    .sort((a, b) => Number(a.started) - Number(b.started) || a.plannedStart.localeCompare(b.plannedStart));
}
