// The 2019 targets of 一, each computed from the ledger and the latest reports, and judged against
// its comparison through the year.
import type { CivilDate } from '@duban/calendar';
import { meets } from './comparison';
import type { Project, ProjectProgress } from './contracts/model';
import { round2 } from './rates';
import { TARGETS_2019, type YearTarget } from './targets';

/** 一(三): "亿元以上" — 10 000 万元 and above. */
const RESERVE_FLOOR_WAN = 10_000;
/** 一(四) "在6月份前": read literally, before June begins (our reading). */
const DESIGN_OUTPUT_BY = '2019-05-31';

export interface TargetStanding extends YearTarget {
  value: number | null;
  met: boolean | null;
  /** How the value was found. */
  basis: string;
}

/** The share of the year's investment due by `asOf` (序时进度, 四(五)): whole months elapsed / 12. */
export function scheduleShare(asOf: CivilDate): number {
  return Number(asOf.slice(5, 7)) / 12;
}

export function standings2019(
  projects: Project[],
  progress: Map<string, ProjectProgress>,
  asOf: CivilDate,
  /** 一(一)'s growth rate, %, as 统计局 reports it (not in the ledger); null until reported. */
  growthPercent: number | null,
): TargetStanding[] {
  const share = scheduleShare(asOf);
  const onSchedule = (level: Project['level']) =>
    projects.filter(
      (p) =>
        p.level === level &&
        !p.reserve &&
        (progress.get(p.projectId)?.investmentDoneWan ?? 0) >= p.yearTargetWan * share,
    ).length;
  const basic = projects.filter((p) => p.level === 'basic' && !p.reserve);
  const reserve = projects.filter((p) => p.reserve && p.plannedInvestmentWan >= RESERVE_FLOOR_WAN);
  const builtEarlier = projects.filter(
    (p) => p.level !== 'basic' && (p.builtIn === 2017 || p.builtIn === 2018),
  );
  const values: Record<YearTarget['key'], [number | null, string]> = {
    growth: [growthPercent, '统计局报送的固定资产投资增速'],
    'region-key': [onSchedule('region'), `投资完成不低于序时进度（${Math.round(share * 12)}/12）的项目数`],
    'wuzhong-key': [onSchedule('wuzhong'), `投资完成不低于序时进度（${Math.round(share * 12)}/12）的项目数`],
    'basic-count': [basic.length, '台账中的基本建设项目数'],
    'basic-investment': [
      round2(basic.reduce((s, p) => s + (progress.get(p.projectId)?.investmentDoneWan ?? 0), 0)),
      '基本建设项目本年累计完成投资',
    ],
    reserve: [reserve.length, '计划总投资1亿元以上的储备项目数'],
    'reserve-upgrade': [
      reserve.length
        ? round2((100 * reserve.filter((p) => p.industrialUpgrade).length) / reserve.length)
        : null,
      '亿元以上储备项目中产业转型升级项目的占比',
    ],
    'design-output': [
      builtEarlier.length
        ? round2(
            (100 *
              builtEarlier.filter((p) => p.designOutputOn && p.designOutputOn <= DESIGN_OUTPUT_BY).length) /
              builtEarlier.length,
          )
        : null,
      `2017—2018年建成的重点项目中 ${DESIGN_OUTPUT_BY} 前达产达效的占比`,
    ],
  };
  return TARGETS_2019.map((t) => {
    const [value, basis] = values[t.key];
    return { ...t, value, basis, met: value === null ? null : meets(value, t.comparison, t.target) };
  });
}
