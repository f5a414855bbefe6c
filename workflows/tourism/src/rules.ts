// The rewards of 青政办发〔2019〕34号 二.1–8 as pure functions. Thresholds as the text words them:
// 超过 is strict (超过50人: 51 and up), 不少于 and 以上 include the boundary (不少于300人: 300 and
// up; 800人次以上: 800 and up). Where the text is loose the reading taken is a policy setting
// (packages/policy, keys `tourism.*`) and the constant here names it. No I/O, no clock.

/** 二.1 每团超过50人 (strict). */
export const CHARTER_MIN_EXCLUSIVE = 50;
export const CHARTER_RATE = 120;
/** 二.2 每趟专列人数不少于300人次 (inclusive). */
export const TRAIN_MIN = 300;
export const TRAIN_NIGHT_RATE = 80;
export const TRAIN_ONE_SPOT_MEAL_RATE = 10;
export const TRAIN_TWO_SPOTS_MEAL_RATE = 30;
/** 二.3 一次性组织不少于300人的区外游客; 车辆必须为35座以上大巴 (以上: inclusive). */
export const COACH_GROUP_MIN = 300;
export const COACH_MIN_SEATS = 35;
export const COACH_RATE = 500;
/** 二.4 全年累计输送游客800人次以上 (inclusive). */
export const DAY_TOUR_YEAR_MIN = 800;
export const DAY_TOUR_ONE_SPOT_RATE = 5;
export const DAY_TOUR_TWO_SPOTS_RATE = 15;
/** 二.5 全年累计输送游客600人次以上 (inclusive). */
export const OVERNIGHT_YEAR_MIN = 600;
export const OVERNIGHT_RATE = 60;
/** 二.6 每条专线至少3辆; 发往3A级以上景区; 持续时间不少于5个月; 3万元. */
export const EXPRESS_LINE_MIN_COACHES = 3;
export const EXPRESS_LINE_MIN_MONTHS = 5;
export const EXPRESS_LINE_AMOUNT = 30_000;
/** 二.7 年度累计送团超过7000人次 (strict); 前五名 by total, then 前三名 by overnight. */
export const BEST_AGENCY_MIN_EXCLUSIVE = 7000;
export const BEST_AGENCY_SHORTLIST = 5;
export const BEST_AGENCY_PRIZES = [100_000, 80_000, 50_000] as const;
/** 二.8 超过10趟专列 / 超过10架次包机 (strict): each one above 10. */
export const BONUS_FROM_EXCLUSIVE = 10;
export const TRAIN_BONUS = 8000;
export const CHARTER_BONUS = 5000;

export type SpotGrade = '5A' | '4A' | '3A' | 'other';
export type TripKind = 'charter' | 'train' | 'coach' | 'day' | 'overnight';

const GRADE_RANK: Record<SpotGrade, number> = { '5A': 5, '4A': 4, '3A': 3, other: 0 };
/** 4A级及以上景区 (二.1–5). */
export const isFourAOrAbove = (grade: SpotGrade): boolean => GRADE_RANK[grade] >= 4;
/** 3A级以上景区 (二.6; 以上 inclusive). */
export const isThreeAOrAbove = (grade: SpotGrade): boolean => GRADE_RANK[grade] >= 3;

/**
 * 三.2, 三.3(2), 三.4(2): 景区核实的接待人数出现两个景区人数不一样的情况，以最少的计数. The hotel's
 * confirmed count bounds the visitors rewarded for a night as well (a policy reading:
 * `tourism.hotel-count-bounds-night`). No count: nobody was confirmed.
 */
export function countedVisitors(spotCounts: readonly number[], hotelCount?: number | null): number {
  const counts =
    hotelCount === undefined || hotelCount === null ? [...spotCounts] : [...spotCounts, hotelCount];
  return counts.length === 0 ? 0 : Math.max(0, Math.min(...counts));
}

/** One trip as its claim was verified: what the rules of 二 look at. */
export interface VerifiedTrip {
  kind: TripKind;
  /** Visitors counted (the smallest confirmed count, 三.2). */
  visitors: number;
  /** Scenic spots of 4A and above visited, with tickets (须含景区门票消费), as confirmed. */
  fourASpots: number;
  /** One night in 青铜峡, confirmed by the hotel. */
  night: boolean;
  /** 正餐 taken (二.2 trains without a night). */
  meal: boolean;
  /** Seats of each coach (二.3). */
  coachSeats: readonly number[];
  /** 区外游客 (二.3). */
  outOfRegion: boolean;
  /** 切位 (二.5: 切位等同于过夜游). */
  blockBooking: boolean;
}

/** A reward of one item, with the figures it came from. */
export interface RewardLine {
  item: string;
  kind: RewardKind;
  basis: string;
  amount: number;
}
export type RewardKind =
  | 'charter'
  | 'train'
  | 'coach'
  | 'day-tour'
  | 'overnight'
  | 'express-line'
  | 'best-agency'
  | 'train-bonus'
  | 'charter-bonus';

export const REWARD_KINDS: Record<RewardKind, { item: string; label: string }> = {
  charter: { item: '二.1', label: '旅游包机奖励' },
  train: { item: '二.2', label: '旅游专列奖励' },
  coach: { item: '二.3', label: '旅游大巴直达奖励' },
  'day-tour': { item: '二.4', label: '全年一日游奖励' },
  overnight: { item: '二.5', label: '全年过夜游奖励' },
  'express-line': { item: '二.6', label: '旅游直通车专线奖' },
  'best-agency': { item: '二.7', label: '最佳送团社奖' },
  'train-bonus': { item: '二.8', label: '专列送团奖' },
  'charter-bonus': { item: '二.8', label: '包机送团奖' },
};

/** 二.1: 超过50人, 2个4A级及以上景区 (门票), 住宿一晚: ¥120 each. */
export function charterReward(t: VerifiedTrip): number {
  if (t.kind !== 'charter') return 0;
  if (t.visitors <= CHARTER_MIN_EXCLUSIVE || t.fourASpots < 2 || !t.night) return 0;
  return CHARTER_RATE * t.visitors;
}

/**
 * 二.2: 不少于300人次. Two spots and a night: ¥80 each; otherwise (不在青铜峡住宿的) with a 正餐:
 * two spots ¥30, one spot ¥10. A train that stayed the night but saw fewer than two spots is paid
 * the rate without a night (reading `tourism.train-short-of-night-rate`).
 */
export function trainRate(t: VerifiedTrip): number {
  if (t.kind !== 'train' || t.visitors < TRAIN_MIN) return 0;
  if (t.night && t.fourASpots >= 2) return TRAIN_NIGHT_RATE;
  if (!t.meal) return 0;
  if (t.fourASpots >= 2) return TRAIN_TWO_SPOTS_MEAL_RATE;
  return t.fourASpots >= 1 ? TRAIN_ONE_SPOT_MEAL_RATE : 0;
}
export const trainReward = (t: VerifiedTrip): number => trainRate(t) * t.visitors;

/**
 * 二.3: 不少于300人的区外游客, at least 2 spots of 4A+ and a night; ¥500 for each coach of 35 seats
 * and up (35座以上: inclusive), on top of the overnight reward (二.5, counted apart).
 */
export function coachReward(t: VerifiedTrip): number {
  if (t.kind !== 'coach' || !t.outOfRegion || t.visitors < COACH_GROUP_MIN) return 0;
  if (t.fourASpots < 2 || !t.night) return 0;
  return COACH_RATE * t.coachSeats.filter((seats) => seats >= COACH_MIN_SEATS).length;
}

/** What a trip adds to the yearly counts of 二.4, 二.5 and 二.7. */
export interface TripTally {
  /** 二.7 送团人次: every counted visitor of a verified claim. */
  total: number;
  dayOneSpot: number;
  dayTwoSpots: number;
  /** 二.5 过夜游 (with 切位, and coach groups: 在享受过夜游奖励的同时). */
  overnight: number;
}

/** 二.4, 二.5: a day tour of one or two 4A+ spots; an overnight tour of two spots and a night (or 切位). */
export function tripTally(t: VerifiedTrip): TripTally {
  const tally: TripTally = { total: t.visitors, dayOneSpot: 0, dayTwoSpots: 0, overnight: 0 };
  if (t.kind === 'day') {
    if (t.fourASpots >= 2) tally.dayTwoSpots = t.visitors;
    else if (t.fourASpots === 1) tally.dayOneSpot = t.visitors;
  }
  const overnightKind = t.kind === 'overnight' || t.kind === 'coach';
  if (overnightKind && t.fourASpots >= 2 && (t.night || t.blockBooking)) tally.overnight = t.visitors;
  return tally;
}

/**
 * How the 800 of 二.4 is counted (policy `tourism.day-tour-threshold-scope`): `combined` — all day
 * tours of the year together (the item is 全年一日游奖励); `per-spot-count` — each sentence's own
 * 800 (one-spot tours and two-spot tours apart).
 */
export type DayTourThresholdScope = 'combined' | 'per-spot-count';

/** 二.4: 全年累计800人次以上: ¥5 each for one spot, ¥15 for two. */
export function dayTourReward(
  oneSpot: number,
  twoSpots: number,
  scope: DayTourThresholdScope = 'combined',
): number {
  if (scope === 'combined')
    return oneSpot + twoSpots >= DAY_TOUR_YEAR_MIN
      ? DAY_TOUR_ONE_SPOT_RATE * oneSpot + DAY_TOUR_TWO_SPOTS_RATE * twoSpots
      : 0;
  return (
    (oneSpot >= DAY_TOUR_YEAR_MIN ? DAY_TOUR_ONE_SPOT_RATE * oneSpot : 0) +
    (twoSpots >= DAY_TOUR_YEAR_MIN ? DAY_TOUR_TWO_SPOTS_RATE * twoSpots : 0)
  );
}

/** 二.5: 全年累计600人次以上: ¥60 each. */
export const overnightReward = (overnight: number): number =>
  overnight >= OVERNIGHT_YEAR_MIN ? OVERNIGHT_RATE * overnight : 0;

/** One express line as the marketing centre recorded it (二.6). */
export interface ExpressLine {
  lineId: string;
  coaches: number;
  branded: boolean;
  destinationGrade: SpotGrade;
  /** Whole months it ran daily on schedule. */
  monthsOnSchedule: number;
  majorAccident: boolean;
}

/** 二.6: 至少3辆, 车身统一喷印, 3A级以上景区, 每天按点发车不少于5个月, 无重大交通安全事故: ¥30,000. */
export function expressLineReward(line: ExpressLine): number {
  const ok =
    line.coaches >= EXPRESS_LINE_MIN_COACHES &&
    line.branded &&
    isThreeAOrAbove(line.destinationGrade) &&
    line.monthsOnSchedule >= EXPRESS_LINE_MIN_MONTHS &&
    !line.majorAccident;
  return ok ? EXPRESS_LINE_AMOUNT : 0;
}

/** 二.8: 超过10趟专列, 每超过1趟多奖励8000元 (rewarded trains of the year). */
export const trainBonus = (trains: number): number =>
  trains > BONUS_FROM_EXCLUSIVE ? (trains - BONUS_FROM_EXCLUSIVE) * TRAIN_BONUS : 0;
/** 二.8: 超过10架次包机, 每超过1架次多奖励5000元 (rewarded charters of the year). */
export const charterBonus = (charters: number): number =>
  charters > BONUS_FROM_EXCLUSIVE ? (charters - BONUS_FROM_EXCLUSIVE) * CHARTER_BONUS : 0;

/** An agency's year as the ranking of 二.7 sees it. */
export interface AgencyStanding {
  agencyCode: string;
  total: number;
  overnight: number;
  /** 四(一): a voided agency is not ranked; the next one moves up. */
  voided: boolean;
}

export interface Ranked extends AgencyStanding {
  rank: number;
  prize: number;
}

/**
 * 二.7: 年度累计送团超过7000人次; 按照申报旅行社全年送团总人数排出前五名，再从中按照过夜游奖人数排出前三名.
 * Ties keep the other figure's order, then the agency code (reading `tourism.best-agency-ties`).
 */
export function rankBestAgencies(standings: readonly AgencyStanding[]): Ranked[] {
  const eligible = standings.filter((s) => !s.voided && s.total > BEST_AGENCY_MIN_EXCLUSIVE);
  const byTotal = [...eligible].sort(
    (a, b) => b.total - a.total || b.overnight - a.overnight || a.agencyCode.localeCompare(b.agencyCode),
  );
  const shortlist = byTotal.slice(0, BEST_AGENCY_SHORTLIST);
  const byOvernight = [...shortlist].sort(
    (a, b) => b.overnight - a.overnight || b.total - a.total || a.agencyCode.localeCompare(b.agencyCode),
  );
  return byOvernight
    .slice(0, BEST_AGENCY_PRIZES.length)
    .map((s, i) => ({ ...s, rank: i + 1, prize: BEST_AGENCY_PRIZES[i]! }));
}

/** The rewards of one trip's verified claim (二.1–3), each with its item. */
export function tripRewardLines(t: VerifiedTrip): RewardLine[] {
  const lines: RewardLine[] = [];
  const charter = charterReward(t);
  if (charter) lines.push(line('charter', `${t.visitors} 人 × ${CHARTER_RATE} 元`, charter));
  const rate = trainRate(t);
  if (rate) lines.push(line('train', `${t.visitors} 人 × ${rate} 元`, rate * t.visitors));
  const coach = coachReward(t);
  if (coach) lines.push(line('coach', `${coach / COACH_RATE} 辆 × ${COACH_RATE} 元`, coach));
  return lines;
}

const line = (kind: RewardKind, basis: string, amount: number): RewardLine => ({
  item: REWARD_KINDS[kind].item,
  kind,
  basis,
  amount,
});

/** An agency's year: its verified trips' rewards and tallies, and its express lines. */
export interface AgencyYear {
  trips: readonly { rewards: readonly RewardLine[]; tally: TripTally }[];
  lines: readonly ExpressLine[];
}

export interface AgencyTotals {
  total: number;
  overnight: number;
  dayOneSpot: number;
  dayTwoSpots: number;
  rewardedTrains: number;
  rewardedCharters: number;
}

const TOTAL_KEYS = [
  'total',
  'overnight',
  'dayOneSpot',
  'dayTwoSpots',
  'rewardedTrains',
  'rewardedCharters',
] as const;

export function agencyTotals(year: AgencyYear): AgencyTotals {
  const totals = Object.fromEntries(TOTAL_KEYS.map((k) => [k, 0])) as unknown as AgencyTotals;
  for (const trip of year.trips) {
    totals.total += trip.tally.total;
    totals.overnight += trip.tally.overnight;
    totals.dayOneSpot += trip.tally.dayOneSpot;
    totals.dayTwoSpots += trip.tally.dayTwoSpots;
    if (trip.rewards.some((r) => r.kind === 'train')) totals.rewardedTrains += 1;
    if (trip.rewards.some((r) => r.kind === 'charter')) totals.rewardedCharters += 1;
  }
  return totals;
}

/**
 * The year's reward lines of one agency, one per reward kind (二.1–6, 二.8; 二.7 is given by the
 * ranking of all agencies, `bestAgencyPrize`). A kind that earned nothing has no line.
 */
export function agencyRewardLines(
  year: AgencyYear,
  scope: DayTourThresholdScope = 'combined',
  bestAgency: { rank: number; prize: number } | null = null,
): RewardLine[] {
  const totals = agencyTotals(year);
  const sums = new Map<RewardKind, { amount: number; count: number }>();
  for (const trip of year.trips)
    for (const r of trip.rewards) {
      const sum = sums.get(r.kind) ?? { amount: 0, count: 0 };
      sums.set(r.kind, { amount: sum.amount + r.amount, count: sum.count + 1 });
    }
  const lines: RewardLine[] = [];
  for (const kind of ['charter', 'train', 'coach'] as const) {
    const sum = sums.get(kind);
    if (sum) lines.push(line(kind, `${sum.count} 团`, sum.amount));
  }
  const day = dayTourReward(totals.dayOneSpot, totals.dayTwoSpots, scope);
  if (day)
    lines.push(line('day-tour', `一景区 ${totals.dayOneSpot} 人次，二景区 ${totals.dayTwoSpots} 人次`, day));
  const overnight = overnightReward(totals.overnight);
  if (overnight) lines.push(line('overnight', `${totals.overnight} 人次 × ${OVERNIGHT_RATE} 元`, overnight));
  const lineRewards = year.lines.filter((l) => expressLineReward(l) > 0);
  if (lineRewards.length)
    lines.push(
      line('express-line', `${lineRewards.length} 条专线`, lineRewards.length * EXPRESS_LINE_AMOUNT),
    );
  if (bestAgency) lines.push(line('best-agency', `第 ${bestAgency.rank} 名`, bestAgency.prize));
  const trains = trainBonus(totals.rewardedTrains);
  if (trains) lines.push(line('train-bonus', `${totals.rewardedTrains} 趟专列`, trains));
  const charters = charterBonus(totals.rewardedCharters);
  if (charters) lines.push(line('charter-bonus', `${totals.rewardedCharters} 架次包机`, charters));
  return lines;
}
