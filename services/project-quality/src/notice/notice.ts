// 一月一通报 (四(五)) of 二(三): "每月通报重点建设项目投资完成率、开工率", and the quarterly ranking behind the
// 约谈 of 二(三). Pure: computed from the ledger and the units' reporting years (the read model).
import { lastDayOfMonth } from '@duban/calendar';
import {
  MEASURE_WORDS,
  PROJECT_LEVELS,
  isKeyProject,
  percent,
  quarterKey,
  rank,
  ratesOf,
  talksAfter,
  type Project,
  type ProjectProgress,
  type QuarterKey,
  type QuarterRanking,
  type Rates,
  type TalkListing,
  type UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';

/** Each project's line from its unit's latest report in `year` up to `month`. */
export function latestProgress(
  years: UnitYearSnapshot[],
  year: number,
  month: number,
): Map<string, ProjectProgress> {
  const out = new Map<string, ProjectProgress>();
  for (const y of years.filter((x) => x.year === year))
    for (const slot of [...y.months].sort((a, b) => a.month - b.month))
      if (slot.month <= month && slot.reportedOn) for (const p of slot.progress) out.set(p.projectId, p);
  return out;
}

export interface NoticeProjectRow {
  projectId: string;
  name: string;
  level: string;
  unitCode: string;
  yearTargetWan: number;
  investmentDoneWan: number;
  completionRate: number | null;
  plannedStart: string;
  started: boolean;
  problems: string;
}
export interface NoticeUnitRow extends Rates {
  unitCode: string;
  /** This month's report: on time, late, missing (red) or not due yet. */
  report: 'on-time' | 'late' | 'missing' | 'not-due';
  colour: string;
}
export interface MonthlyNotice {
  year: number;
  month: number;
  asOf: string;
  projects: NoticeProjectRow[];
  units: NoticeUnitRow[];
}

const keyProjectsOf = (projects: Project[]) => projects.filter((p) => isKeyProject(p) && !p.reserve);

export function monthlyNotice(
  projects: Project[],
  years: UnitYearSnapshot[],
  year: number,
  month: number,
): MonthlyNotice {
  const asOf = lastDayOfMonth(year, month);
  const progress = latestProgress(years, year, month);
  const key = keyProjectsOf(projects);
  const rows = key.map((p) => {
    const line = progress.get(p.projectId);
    const r = ratesOf([p], progress, asOf);
    return {
      projectId: p.projectId,
      name: p.name,
      level: PROJECT_LEVELS[p.level],
      unitCode: p.unitCode,
      yearTargetWan: p.yearTargetWan,
      investmentDoneWan: line?.investmentDoneWan ?? 0,
      completionRate: r.completionRate,
      plannedStart: p.plannedStart,
      started: line?.started ?? false,
      problems: line?.problems ?? '',
    };
  });
  const unitCodes = [
    ...new Set([
      ...key.map((p) => p.unitCode),
      ...years.filter((y) => y.year === year).map((y) => y.unitCode),
    ]),
  ];
  const units = unitCodes.map((unitCode) => {
    const slot = years
      .find((y) => y.year === year && y.unitCode === unitCode)
      ?.months.find((s) => s.month === month);
    const report: NoticeUnitRow['report'] = !slot
      ? 'not-due'
      : slot.reportedOn
        ? slot.late
          ? 'late'
          : 'on-time'
        : slot.colour === 'red'
          ? 'missing'
          : 'not-due';
    return {
      unitCode,
      ...ratesOf(
        key.filter((p) => p.unitCode === unitCode),
        progress,
        asOf,
      ),
      report,
      colour: slot?.colour ?? 'none',
    };
  });
  return { year, month, asOf, projects: rows, units };
}

/** The ranking at a quarter's end, on each rate, over the units with key projects. */
export function quarterRanking(
  projects: Project[],
  years: UnitYearSnapshot[],
  q: QuarterKey,
): QuarterRanking {
  const [y, n] = q.split('Q').map(Number) as [number, number];
  const notice = monthlyNotice(projects, years, y, n * 3);
  const withProjects = notice.units.filter((u) => u.yearTargetWan > 0 || u.dueToStart > 0);
  return {
    quarter: quarterKey(y, n),
    completion: rank(withProjects.map((u) => ({ unitCode: u.unitCode, value: u.completionRate }))),
    start: rank(withProjects.map((u) => ({ unitCode: u.unitCode, value: u.startRate }))),
  };
}

/** The units to summon after quarter `q` (二(三)): last on one rate in `q` and the quarter before. */
export function talksFor(
  projects: Project[],
  years: UnitYearSnapshot[],
  q: QuarterKey,
  previous: QuarterKey,
): TalkListing[] {
  return talksAfter([quarterRanking(projects, years, previous), quarterRanking(projects, years, q)], q);
}

/** "投资完成率 30.0% → 10.0%" for an alert or a queue item. */
export const talkFigures = (t: TalkListing): string =>
  t.measures
    .map(
      (m) =>
        `${MEASURE_WORDS[m.measure]} ${t.previous} ${percent(m.values[0])}、${t.quarter} ${percent(m.values[1])}`,
    )
    .join('；');
