// 二(三): "每月通报重点建设项目投资完成率、开工率". 投资完成率 is the investment done in the year so far
// against the project's yearly investment target; 开工率 is the share of the projects due to start by
// the date (planned start on or before it) that have started. A unit's rates are over its projects
// (sums, not a mean of shares, so a large project weighs as its money does: our reading).
import type { CivilDate } from '@duban/calendar';
import type { Project, ProjectProgress } from './contracts/model';

export interface Rates {
  /** Investment done / yearly target, 0–1+ (null when the target is 0). */
  completionRate: number | null;
  /** Started / due to start (null when none was due to start yet). */
  startRate: number | null;
  investmentDoneWan: number;
  yearTargetWan: number;
  dueToStart: number;
  started: number;
}

type Line = Pick<Project, 'projectId' | 'yearTargetWan' | 'plannedStart'>;

/** Rates of some projects as of `asOf`, from the latest progress line of each. */
export function ratesOf(projects: Line[], progress: Map<string, ProjectProgress>, asOf: CivilDate): Rates {
  let done = 0;
  let target = 0;
  let due = 0;
  let started = 0;
  for (const p of projects) {
    const line = progress.get(p.projectId);
    done += line?.investmentDoneWan ?? 0;
    target += p.yearTargetWan;
    if (p.plannedStart <= asOf) {
      due += 1;
      if (line?.started) started += 1;
    }
  }
  return {
    completionRate: target > 0 ? done / target : null,
    startRate: due > 0 ? started / due : null,
    investmentDoneWan: round2(done),
    yearTargetWan: round2(target),
    dueToStart: due,
    started,
  };
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
/** 0.8234 → "82.3%". */
export const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
