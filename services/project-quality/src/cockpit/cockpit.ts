// The leadership cockpit's part of 项目建设 and 指标 (领导驾驶舱): the units ranked on the rates 二(三)
// publishes, the projects at risk, and the indicators missed. Pure: the route passes the ledger, the
// units' years, the indicators' standings and today.
import type { CivilDate } from '@duban/calendar';
import {
  PROJECT_LEVELS,
  rank,
  round2,
  scheduleShare,
  type Project,
  type UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';
import type { TrackedIndicator } from '../indicators/catalog';
import type { IndicatorStanding } from '../indicators/standing';
import { latestProgress, monthlyNotice } from '../notice/notice';

export interface CockpitUnitRow {
  unitCode: string;
  completionRate: number | null;
  completionRank: number | null;
  startRate: number | null;
  startRank: number | null;
  /** 末位 on either rate (二(三)): the ones a second quarter would bring to a 约谈. */
  last: boolean;
  report: string;
  colour: string;
}
/** Why a project is at risk: behind its yearly target's 序时进度, or not started when it was due to. */
export type RiskReason = 'behind' | 'not-started';
export interface ProjectAtRisk {
  projectId: string;
  name: string;
  level: string;
  unitCode: string;
  reasons: RiskReason[];
  yearTargetWan: number;
  /** The share of the yearly target due by now (序时进度, 四(五)). */
  dueByNowWan: number;
  investmentDoneWan: number;
  plannedStart: string;
}
export interface IndicatorMissed {
  id: string;
  docNo: string;
  ref: string;
  name: string;
  unitCode: string;
  year: number;
  comparison: string;
  target: number;
  unit: string;
  value: number | null;
  /** missed: reported and short of the target; red: its report date passed with nothing reported. */
  colour: 'missed' | 'red';
}
export interface ProjectQualityCockpit {
  asOf: CivilDate;
  ranking: CockpitUnitRow[];
  projectsAtRisk: ProjectAtRisk[];
  indicatorsMissed: IndicatorMissed[];
}

export function projectQualityCockpit(
  ledger: Project[],
  years: UnitYearSnapshot[],
  standings: (TrackedIndicator & IndicatorStanding)[],
  asOf: CivilDate,
): ProjectQualityCockpit {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  // The rates of the month so far (the monthly notice's, 二(三)), over the units with key projects.
  const notice = monthlyNotice(ledger, years, year, month);
  const rated = notice.units.filter((u) => u.yearTargetWan > 0 || u.dueToStart > 0);
  const completion = rank(rated.map((u) => ({ unitCode: u.unitCode, value: u.completionRate })));
  const start = rank(rated.map((u) => ({ unitCode: u.unitCode, value: u.startRate })));
  const ranking = rated
    .map((u) => {
      const c = completion.find((r) => r.unitCode === u.unitCode);
      const s = start.find((r) => r.unitCode === u.unitCode);
      return {
        unitCode: u.unitCode,
        completionRate: u.completionRate,
        completionRank: c?.rank ?? null,
        startRate: u.startRate,
        startRank: s?.rank ?? null,
        last: Boolean(c?.last || s?.last),
        report: u.report,
        colour: u.colour,
      };
    })
    .sort(
      (a, b) =>
        (a.completionRank ?? Infinity) - (b.completionRank ?? Infinity) ||
        (a.startRank ?? Infinity) - (b.startRank ?? Infinity) ||
        a.unitCode.localeCompare(b.unitCode),
    );

  const progress = latestProgress(years, year, month);
  const share = scheduleShare(asOf);
  const projectsAtRisk: ProjectAtRisk[] = [];
  for (const p of ledger) {
    if (p.reserve || p.closedOn) continue;
    const line = progress.get(p.projectId);
    const done = line?.investmentDoneWan ?? 0;
    const dueByNowWan = round2(p.yearTargetWan * share);
    const reasons: RiskReason[] = [];
    if (done < dueByNowWan) reasons.push('behind');
    if (p.plannedStart <= asOf && !line?.started) reasons.push('not-started');
    if (reasons.length)
      projectsAtRisk.push({
        projectId: p.projectId,
        name: p.name,
        level: PROJECT_LEVELS[p.level],
        unitCode: p.unitCode,
        reasons,
        yearTargetWan: p.yearTargetWan,
        dueByNowWan,
        investmentDoneWan: done,
        plannedStart: p.plannedStart,
      });
  }
  // Not started first (the start rate is the sharper miss), then the furthest behind.
  projectsAtRisk.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      b.dueByNowWan - b.investmentDoneWan - (a.dueByNowWan - a.investmentDoneWan) ||
      a.projectId.localeCompare(b.projectId),
  );

  const indicatorsMissed = standings
    .filter((s): s is typeof s & { colour: 'missed' | 'red' } => s.colour === 'missed' || s.colour === 'red')
    .map((s) => ({
      id: s.id,
      docNo: s.docNo,
      ref: s.ref,
      name: s.name,
      unitCode: s.unitCode,
      year: s.year,
      comparison: s.comparison,
      target: s.target,
      unit: s.unit,
      value: s.value,
      colour: s.colour,
    }));
  return { asOf, ranking, projectsAtRisk, indicatorsMissed };
}
