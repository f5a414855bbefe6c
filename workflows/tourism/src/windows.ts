// The calendar of 青政办发〔2019〕34号 三: how early a trip is filed (备案) and by when its claim
// (申请材料) is due. Pure, clock-free: callers pass the dates in (in a workflow, its clock).
import { addCivilDays, civilDateFrom, civilDateParts, lastDayOfMonth, type CivilDate } from '@duban/calendar';
import type { TripKind } from './rules';

/** 包机、专列、大巴: filed and claimed monthly; 一日游、过夜游: filed a day ahead, claimed by quarter. */
export const isGroupKind = (kind: TripKind): boolean =>
  kind === 'charter' || kind === 'train' || kind === 'coach';

export const TRIP_KINDS: Record<TripKind, string> = {
  charter: '旅游包机',
  train: '旅游专列',
  coach: '旅游大巴',
  day: '一日游',
  overnight: '过夜游',
};

/**
 * 三.1 and 三.3(1) 需提前三天 (包机、专列、大巴); 三.4(1) 需提前一天 (一日游、过夜游). Reading
 * (`tourism.filing-advance`): calendar days between the filing date and the arrival date, so a
 * trip arriving 05-10 is filed by 05-07 (three days ahead) or by 05-09 (one day ahead).
 */
export function filingAdvanceDays(kind: TripKind): number {
  return isGroupKind(kind) ? 3 : 1;
}

export const filingClause = (kind: TripKind): string =>
  kind === 'coach' ? '三.3(1)' : isGroupKind(kind) ? '三.1' : '三.4(1)';

/** The last day a trip arriving on `arrival` may be filed. */
export const filingDeadline = (kind: TripKind, arrival: CivilDate): CivilDate =>
  addCivilDays(arrival, -filingAdvanceDays(kind));

/** Why a filing on `filedOn` is too late for a trip arriving on `arrival`, or null when in time. */
export function filingRefusal(kind: TripKind, arrival: CivilDate, filedOn: CivilDate): string | null {
  const deadline = filingDeadline(kind, arrival);
  if (filedOn <= deadline) return null;
  const days = filingAdvanceDays(kind);
  return (
    `${TRIP_KINDS[kind]}须提前${days === 3 ? '三' : '一'}天备案（青政办发〔2019〕34号 ${filingClause(kind)}）：` +
    `抵达日期 ${arrival}，最迟 ${deadline} 备案，今日 ${filedOn} 已逾期`
  );
}

/**
 * Which month's 30th a charter, train or coach claim is due on (三.4(3) 当月30日材料报送审核),
 * policy `tourism.monthly-claim-month`: `trip-month` — the month the trip ends, on its 30th (its
 * last day when the month has none, February); a trip ending after that day is due the next
 * month's. `next-month`: always the month after the trip ends.
 */
export type MonthlyClaimMonth = 'trip-month' | 'next-month';

function monthlyDue(year: number, month: number): CivilDate {
  const last = lastDayOfMonth(year, month);
  return civilDateParts(last).day >= 30 ? civilDateFrom(year, month, 30) : last;
}

function nextMonth(year: number, month: number): { year: number; month: number } {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/**
 * The last day of a trip's claim window. 三.4(3) for charters, trains and coaches (see
 * {@link MonthlyClaimMonth}); 三.4(4) for day and overnight tours: 每一季度第一个月的15日之前报送
 * 上一季度材料 — the 15th of the first month of the next quarter, the 15th itself in time (reading
 * `tourism.quarterly-claim-day`).
 */
export function claimDeadline(
  kind: TripKind,
  departure: CivilDate,
  monthly: MonthlyClaimMonth = 'trip-month',
): CivilDate {
  const { year, month } = civilDateParts(departure);
  if (isGroupKind(kind)) {
    const due = monthlyDue(year, month);
    if (monthly === 'trip-month' && departure <= due) return due;
    const next = nextMonth(year, month);
    return monthlyDue(next.year, next.month);
  }
  const quarterEnd = Math.ceil(month / 3) * 3;
  const next = nextMonth(year, quarterEnd);
  return civilDateFrom(next.year, next.month, 15);
}

export const claimClause = (kind: TripKind): string => (isGroupKind(kind) ? '三.4(3)' : '三.4(4)');

/** Why a claim on `claimedOn` is refused, or null when it is in its window (after the trip ends). */
export function claimRefusal(
  kind: TripKind,
  departure: CivilDate,
  claimedOn: CivilDate,
  monthly: MonthlyClaimMonth = 'trip-month',
): string | null {
  if (claimedOn < departure) return `团队 ${departure} 离青后方可申请（青政办发〔2019〕34号 三.2）`;
  const deadline = claimDeadline(kind, departure, monthly);
  if (claimedOn <= deadline) return null;
  return (
    `${TRIP_KINDS[kind]}的申请材料须在 ${deadline} 前报送（青政办发〔2019〕34号 ${claimClause(kind)}），` +
    `今日 ${claimedOn} 已过申报期，不再接受补报`
  );
}

/**
 * The year whose settlement a trip counts in (二 全年累计; 三.4 年底结算): the year of its arrival
 * (reading `tourism.trip-year`).
 */
export const tripYear = (arrival: CivilDate): number => civilDateParts(arrival).year;

/**
 * The day the year's settlement is due (三.4(3)(4) 年底结算): the day after the last claim window
 * of the year's trips closes — a December charter is due 01-30 of the next year, a fourth-quarter
 * tour 01-15 — so 01-31 of the next year.
 */
export const settlementDueOn = (year: number): CivilDate => civilDateFrom(year + 1, 1, 31);
