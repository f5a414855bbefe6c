// The rules of 青政发〔2019〕34号 as pure functions: the workflow, the service and the tests call them.
// Each names its article; what the text leaves open is a policy setting (packages/policy,
// `land-transfer.*`) whose value is passed in.
import { addCivilDays, colourFor, endOfCivilDay, startOfCivilDay, warningWindowStart } from '@duban/calendar';
import type { Colour } from '@duban/contracts';
import type { ApplicationBody, DepositArrangement, Tier } from './contracts/model';

const centi = (mu: number) => Math.round(mu * 100);
const fromCenti = (c: number) => c / 100;

/** The area of an application: the sum of its parcels, to the hundredth. */
export const areaOf = (parcels: readonly { areaMu: number }[]): number =>
  fromCenti(parcels.reduce((sum, p) => sum + centi(p.areaMu), 0));

/** 第三十五条(二): 村民小组全体成员大会讨论且80%以上的成员通过 (以上 includes 80%). */
export const MEETING_SHARE_PERCENT = 80;

export function meetingRefusal(m: { members: number; present: number; inFavour: number }): string | null {
  if (m.present > m.members) return `到会 ${m.present} 人多于成员 ${m.members} 人`;
  if (m.inFavour > m.present) return `同意 ${m.inFavour} 人多于到会 ${m.present} 人`;
  return null;
}

/** Whether the meeting passed: in favour ≥ 80% of ALL members (not of those present). */
export function meetingPasses(members: number, inFavour: number): boolean {
  return inFavour * 100 >= members * MEETING_SHARE_PERCENT;
}

export const meetingShare = (members: number, inFavour: number): string =>
  `${((inFavour * 100) / members).toFixed(1)}%`;

/**
 * 第三十六–三十八条: 100亩以下 village, 100亩至500亩 town, 500亩以上 city. Both tiers include 100
 * and both include 500 (《民法典》第一千二百五十九条); the stricter tier reviews there (policy
 * setting `land-transfer.tier-boundary`).
 */
export const TOWN_TIER_FROM_MU = 100;
export const CITY_TIER_FROM_MU = 500;
export function tierOf(areaMu: number): Tier {
  if (centi(areaMu) >= centi(CITY_TIER_FROM_MU)) return 'city';
  if (centi(areaMu) >= centi(TOWN_TIER_FROM_MU)) return 'town';
  return 'village';
}

/** 第二十三条: 经营主体租赁农地的面积上限控制在5000亩以内 (以内 includes 5000). */
export const OPERATOR_CAP_MU = 5000;
export function capRefusal(currentTotalMu: number, areaMu: number): string | null {
  const total = fromCenti(centi(currentTotalMu) + centi(areaMu));
  if (centi(total) <= centi(OPERATOR_CAP_MU)) return null;
  return `第二十三条：经营主体租赁农地面积上限为 ${OPERATOR_CAP_MU} 亩；该经营主体现已租赁（含在办）${currentTotalMu} 亩，本次 ${areaMu} 亩，合计将为 ${total} 亩`;
}

/** 第二十二条: 全市统一确定为最长不得超过2028年12月31日. */
export const LATEST_TERM_END = '2028-12-31';
export function termRefusal(termStart: string, termEnd: string): string | null {
  if (termEnd > LATEST_TERM_END)
    return `第二十二条：租赁期限最长不得超过 ${LATEST_TERM_END}（二轮承包期剩余年限），申请至 ${termEnd}`;
  if (termEnd <= termStart)
    return `第三十一条：合同须有具体的起止时间，终止日 ${termEnd} 不在起始日 ${termStart} 之后`;
  return null;
}

/** 第四十三、四十八条: 按下一年度土地流转租金的30%给村集体缴纳风险保障金. */
export const DEPOSIT_SHARE_PERCENT = 30;
/** 第四十六条: 对流转土地100亩以上的原则上要缴纳风险保证金. */
export const DEPOSIT_FROM_MU = 100;
/** 第四十七条: 流转面积在500亩以下 (以下 includes 500). */
export const WAIVER_UP_TO_MU = 500;
/** 第四十六条: 固定资产大于当年流转租金5倍以上. */
export const PLEDGE_RENT_MULTIPLE = 5;

export interface DepositRule {
  required: boolean;
  basis: string;
  yearRentYuan: number;
  cashYuan: number;
}

type DepositFacts = Pick<ApplicationBody, 'local' | 'operatorKind' | 'rentPerMuYear'> & { areaMu: number };

/**
 * The deposit an application owes. The next year's rent is taken at this contract's rent per 亩
 * (a contract with increments states them apart; the figure is the floor). 外地 operators pay
 * whatever the area (第四十八条); others from 100 亩 (第四十六条).
 */
export function depositRule(a: DepositFacts): DepositRule {
  const yearRentFen = Math.round(centi(a.areaMu) * a.rentPerMuYear);
  const yearRentYuan = yearRentFen / 100;
  const cashYuan = Math.round((yearRentFen * DEPOSIT_SHARE_PERCENT) / 100) / 100;
  if (!a.local)
    return {
      required: true,
      basis: '第四十八条：新增加的外地流转企业或大户按下一年度土地租金的30%缴纳风险保障金',
      yearRentYuan,
      cashYuan,
    };
  if (centi(a.areaMu) >= centi(DEPOSIT_FROM_MU))
    return {
      required: true,
      basis: '第四十六条：流转土地100亩以上的原则上要缴纳风险保证金（下一年度租金的30%，第四十三条）',
      yearRentYuan,
      cashYuan,
    };
  return {
    required: false,
    basis: '第四十六条：本地经营主体流转不满100亩，原则上不缴纳',
    yearRentYuan,
    cashYuan,
  };
}

export interface Settlement {
  arrangement: DepositArrangement;
  /** 当年流转费全额兑现 (第四十三条) on this day. */
  rentPaidOn: string | null;
  /** 有良好的信誉，历年土地流转租金按时足额兑付 (第四十六、四十七条). */
  cleanRecord: boolean;
  /** 固定资产评估价值 (第四十六条). */
  fixedAssetsYuan?: number | undefined;
  /** The cash paid into the village's account (第四十四条 专户). */
  paidYuan?: number | undefined;
}

/**
 * Whether a settlement of rent and deposit is what 第四十三–四十八条 allow; null: it is. The land
 * may not be used before it (先付租金、后用地).
 */
export function settlementRefusal(a: DepositFacts, s: Settlement): string | null {
  if (!s.rentPaidOn) return '第四十三条：应先付租金、后用地，当年流转费全额兑现';
  const rule = depositRule(a);
  switch (s.arrangement) {
    case 'cash':
      if ((s.paidYuan ?? 0) * 100 < Math.round(rule.cashYuan * 100))
        return `第四十三条：风险保障金为下一年度租金 ${rule.yearRentYuan} 元的30%，即 ${rule.cashYuan} 元，实缴 ${s.paidYuan ?? 0} 元`;
      return null;
    case 'not-required':
      return rule.required ? `须缴纳风险保障金：${rule.basis}` : null;
    case 'collective-assets':
      return a.operatorKind === 'cooperative'
        ? null
        : '第四十五条：只有村土地股份合作社可以村集体“三资”作为风险保证金';
    case 'asset-pledge': {
      if (a.operatorKind !== 'enterprise') return '第四十六条：以固定资产抵押限于企业';
      if (!s.cleanRecord) return '第四十六条：须有良好的信誉，历年土地流转租金按时足额兑付';
      const floor = rule.yearRentYuan * PLEDGE_RENT_MULTIPLE;
      if (!((s.fixedAssetsYuan ?? 0) > floor))
        return `第四十六条：固定资产须大于当年流转租金 ${rule.yearRentYuan} 元的5倍（${floor} 元），评估价值 ${s.fixedAssetsYuan ?? 0} 元`;
      return null;
    }
    case 'waived':
      if (!a.local) return '第四十七条：不收取保证金限于户籍在本镇、本村的经营大户（外地主体适用第四十八条）';
      if (a.operatorKind !== 'household') return '第四十七条：不收取保证金限于本地经营大户';
      if (!s.cleanRecord) return '第四十七条：须有良好的信誉，历年土地流转租金按时足额兑付';
      if (centi(a.areaMu) > centi(WAIVER_UP_TO_MU))
        return `第四十七条：不收取保证金限于流转面积500亩以下，本次 ${a.areaMu} 亩`;
      return null;
  }
}

/** Cash, a pledge or collective assets stand as a deposit that can be drawn or refunded. */
export const holdsDeposit = (arrangement: DepositArrangement): boolean =>
  arrangement === 'cash' || arrangement === 'asset-pledge' || arrangement === 'collective-assets';

/** The alternatives to cash are decided by the town (由各镇人民政府决定, 第四十六、四十七条). */
export const townDecides = (arrangement: DepositArrangement): boolean =>
  arrangement === 'asset-pledge' || arrangement === 'waived' || arrangement === 'collective-assets';

/** 第三十二条 半年情况报告: the half-year a day falls in, `2019H2`. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}
export function halfYearEnd(period: string): string {
  return `${period.slice(0, 4)}-${period.endsWith('H1') ? '06-30' : '12-31'}`;
}
export function nextHalfYear(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H1') ? `${year}H2` : `${year + 1}H1`;
}

/** The report of `period` is due `dueDays` after the half-year ends (setting land-transfer.report-due-days). */
export const reportDue = (period: string, dueDays: number): string =>
  addCivilDays(halfYearEnd(period), dueDays);

export interface ReportLadder {
  warningWindowDays: number;
  /** Days after the due date a missing report turns red (setting land-transfer.report-red-after-days). */
  redAfterDays: number;
}

/**
 * The ladder of a report's due date: blue 临期 in the window before it, yellow 滞后 once it is
 * late, red 逾期 when still missing `redAfterDays` after it.
 */
export function reportColour(now: number, due: string, ladder: ReportLadder): Colour {
  if (now > endOfCivilDay(addCivilDays(due, ladder.redAfterDays)).getTime()) return 'red';
  const onDue = colourFor({
    now,
    deadline: due,
    warningWindowDays: ladder.warningWindowDays,
    reportMissing: false,
  });
  return onDue === 'red' ? 'yellow' : onDue;
}

/** The next instant after `now` at which the report's colour changes by time alone, or null. */
export function nextReportChangeAt(now: number, due: string, ladder: ReportLadder): number | null {
  const marks = [
    startOfCivilDay(warningWindowStart(due, ladder.warningWindowDays)).getTime(),
    endOfCivilDay(due).getTime() + 1,
    endOfCivilDay(addCivilDays(due, ladder.redAfterDays)).getTime() + 1,
  ];
  return marks.find((m) => m > now) ?? null;
}

/**
 * 第三十九条: 市农业农村局、各镇政府每年…定期开展监督. The supervision of a year is due on the
 * setting's month-day of that year (land-transfer.supervision-due: 12-31, its last day, unless
 * changed); the years run from the one the land goes into use to the one the term ends in.
 */
export const supervisionDue = (year: number, monthDay = '12-31'): string => `${year}-${monthDay}`;

/** The first year from `from` not yet supervised, or null when past the term's last year. */
export function nextSupervisionYear(
  from: number,
  supervised: readonly number[],
  termEnd: string,
): number | null {
  const last = Number(termEnd.slice(0, 4));
  for (let year = from; year <= last; year += 1) if (!supervised.includes(year)) return year;
  return null;
}
