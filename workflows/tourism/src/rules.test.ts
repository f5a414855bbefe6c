// 青政办发〔2019〕34号 二.1–8 at each boundary: 超过 is strict, 不少于 and 以上 include the number.
import { describe, expect, it } from 'vitest';
import {
  agencyRewardLines,
  charterBonus,
  charterReward,
  coachReward,
  countedVisitors,
  dayTourReward,
  expressLineReward,
  overnightReward,
  rankBestAgencies,
  trainBonus,
  trainReward,
  tripRewardLines,
  tripTally,
  type ExpressLine,
  type VerifiedTrip,
} from './rules';

const trip = (over: Partial<VerifiedTrip>): VerifiedTrip => ({
  kind: 'charter',
  visitors: 100,
  fourASpots: 2,
  night: true,
  meal: false,
  coachSeats: [],
  outOfRegion: true,
  blockBooking: false,
  ...over,
});

describe('三.2 以最少的计数', () => {
  it('two spots that counted differently: the smaller counts', () => {
    expect(countedVisitors([312, 298])).toBe(298);
  });
  it('the hotel’s count bounds the night too; no confirmation counts nobody', () => {
    expect(countedVisitors([320, 318], 305)).toBe(305);
    expect(countedVisitors([320], null)).toBe(320);
    expect(countedVisitors([])).toBe(0);
  });
});

describe('二.1 旅游包机奖励: 每团超过50人, 2个4A景区, 住宿一晚, 每人120元', () => {
  it('50 is not 超过50; 51 is (¥6,120)', () => {
    expect(charterReward(trip({ visitors: 50 }))).toBe(0);
    expect(charterReward(trip({ visitors: 51 }))).toBe(51 * 120);
  });
  it('one 4A spot or no night earns nothing', () => {
    expect(charterReward(trip({ fourASpots: 1 }))).toBe(0);
    expect(charterReward(trip({ night: false }))).toBe(0);
  });
});

describe('二.2 旅游专列奖励: 不少于300人次', () => {
  const train = (over: Partial<VerifiedTrip>) => trip({ kind: 'train', visitors: 300, ...over });
  it('299 earns nothing; 300 with two spots and a night: ¥80 each', () => {
    expect(trainReward(train({ visitors: 299 }))).toBe(0);
    expect(trainReward(train({}))).toBe(300 * 80);
  });
  it('不在青铜峡住宿: 1 spot and a meal ¥10, 2 spots and a meal ¥30, no meal nothing', () => {
    expect(trainReward(train({ night: false, meal: true, fourASpots: 1 }))).toBe(3000);
    expect(trainReward(train({ night: false, meal: true, fourASpots: 2 }))).toBe(9000);
    expect(trainReward(train({ night: false, meal: false, fourASpots: 2 }))).toBe(0);
    expect(trainReward(train({ night: false, meal: true, fourASpots: 1, visitors: 299 }))).toBe(0);
  });
  it('a night with one spot is paid the rate without a night (tourism.train-short-of-night-rate)', () => {
    expect(trainReward(train({ night: true, meal: true, fourASpots: 1 }))).toBe(3000);
  });
});

describe('二.3 旅游大巴直达奖励: 不少于300人区外游客, 35座以上, 每车500元', () => {
  const coach = (over: Partial<VerifiedTrip>) =>
    trip({ kind: 'coach', visitors: 300, coachSeats: [45, 35, 33], ...over });
  it('300 out-of-region visitors: ¥500 for each coach of 35 seats and up (35 counts, 33 does not)', () => {
    expect(coachReward(coach({}))).toBe(1000);
  });
  it('299, or visitors from within the region, earn nothing', () => {
    expect(coachReward(coach({ visitors: 299 }))).toBe(0);
    expect(coachReward(coach({ outOfRegion: false }))).toBe(0);
    expect(coachReward(coach({ night: false }))).toBe(0);
  });
  it('在享受过夜游奖励的同时: the coach group counts as overnight visitors', () => {
    expect(tripTally(coach({}))).toMatchObject({ total: 300, overnight: 300 });
  });
});

describe('二.4 全年一日游奖励: 800人次以上, 每人5元 / 15元', () => {
  it('799 in the year earns nothing; 800 does (combined reading)', () => {
    expect(dayTourReward(399, 400)).toBe(0);
    expect(dayTourReward(400, 400)).toBe(400 * 5 + 400 * 15);
  });
  it('per-spot-count reading: each sentence its own 800', () => {
    expect(dayTourReward(400, 400, 'per-spot-count')).toBe(0);
    expect(dayTourReward(799, 800, 'per-spot-count')).toBe(800 * 15);
  });
  it('a day tour of one 4A spot counts at ¥5, two at ¥15', () => {
    expect(tripTally(trip({ kind: 'day', fourASpots: 1, night: false }))).toMatchObject({ dayOneSpot: 100 });
    expect(tripTally(trip({ kind: 'day', fourASpots: 2, night: false }))).toMatchObject({ dayTwoSpots: 100 });
  });
});

describe('二.5 全年过夜游奖励: 600人次以上, 每人60元, 切位等同于过夜游', () => {
  it('599 earns nothing; 600 earns ¥36,000', () => {
    expect(overnightReward(599)).toBe(0);
    expect(overnightReward(600)).toBe(36_000);
  });
  it('切位 counts as the night; one spot does not make an overnight tour', () => {
    const block = trip({ kind: 'overnight', night: false, blockBooking: true });
    expect(tripTally(block).overnight).toBe(100);
    expect(tripTally(trip({ kind: 'overnight', fourASpots: 1 })).overnight).toBe(0);
  });
});

describe('二.6 旅游直通车专线奖: 至少3辆, 3A级以上, 不少于5个月, 3万元', () => {
  const line = (over: Partial<ExpressLine>): ExpressLine => ({
    lineId: 'L1',
    coaches: 3,
    branded: true,
    destinationGrade: '3A',
    monthsOnSchedule: 5,
    majorAccident: false,
    ...over,
  });
  it('3 coaches, 3A, 5 months: ¥30,000; 2 coaches, 4 months, unbranded or an accident: nothing', () => {
    expect(expressLineReward(line({}))).toBe(30_000);
    expect(expressLineReward(line({ coaches: 2 }))).toBe(0);
    expect(expressLineReward(line({ monthsOnSchedule: 4 }))).toBe(0);
    expect(expressLineReward(line({ branded: false }))).toBe(0);
    expect(expressLineReward(line({ majorAccident: true }))).toBe(0);
    expect(expressLineReward(line({ destinationGrade: 'other' }))).toBe(0);
  });
});

describe('二.7 最佳送团社奖: 超过7000人次, 前五名 by total, 前三名 by overnight', () => {
  const agency = (agencyCode: string, total: number, overnight: number, voided = false) => ({
    agencyCode,
    total,
    overnight,
    voided,
  });
  it('7000 is not 超过7000; 7001 is', () => {
    expect(rankBestAgencies([agency('a', 7000, 5000)])).toEqual([]);
    expect(rankBestAgencies([agency('a', 7001, 5000)])).toMatchObject([
      { agencyCode: 'a', rank: 1, prize: 100_000 },
    ]);
  });
  it('the sixth by total is out however many overnight visitors it has; the five are ranked by overnight', () => {
    const ranked = rankBestAgencies([
      agency('a', 9000, 1000),
      agency('b', 8800, 3000),
      agency('c', 8600, 2000),
      agency('d', 8400, 500),
      agency('e', 8200, 2500),
      agency('f', 8000, 8000),
    ]);
    expect(ranked.map((r) => [r.agencyCode, r.prize])).toEqual([
      ['b', 100_000],
      ['e', 80_000],
      ['c', 50_000],
    ]);
  });
  it('四(一): a voided agency is not ranked and the next moves up', () => {
    const ranked = rankBestAgencies([
      agency('a', 9000, 3000, true),
      agency('b', 8000, 2000),
      agency('c', 7500, 1000),
    ]);
    expect(ranked.map((r) => [r.agencyCode, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
    ]);
  });
});

describe('二.8 专列送团奖、包机送团奖: 超过10趟 / 10架次, 每超过1个 8000 / 5000元', () => {
  it('10 trains or charters earn no bonus; 11 earn one', () => {
    expect(trainBonus(10)).toBe(0);
    expect(trainBonus(11)).toBe(8000);
    expect(charterBonus(10)).toBe(0);
    expect(charterBonus(11)).toBe(5000);
    expect(charterBonus(13)).toBe(15_000);
  });
  it('the year’s sheet counts the rewarded trains and charters (11 trains: +¥8,000)', () => {
    const train = trip({ kind: 'train', visitors: 300 });
    const trips = Array.from({ length: 11 }, () => ({
      rewards: tripRewardLines(train),
      tally: tripTally(train),
    }));
    const lines = agencyRewardLines({ trips, lines: [] });
    expect(lines.map((l) => [l.item, l.kind, l.amount])).toEqual([
      ['二.2', 'train', 11 * 300 * 80],
      ['二.8', 'train-bonus', 8000],
    ]);
  });
});

describe('the year of one agency, one line per reward kind', () => {
  it('overnight tours reaching 600 and a coach group: 二.3 on top of 二.5', () => {
    const coach = trip({ kind: 'coach', visitors: 320, coachSeats: [45, 45, 45, 45, 45, 45, 45] });
    const overnight = trip({ kind: 'overnight', visitors: 280 });
    const trips = [coach, overnight].map((t) => ({ rewards: tripRewardLines(t), tally: tripTally(t) }));
    const lines = agencyRewardLines({ trips, lines: [] }, 'combined', { rank: 2, prize: 80_000 });
    expect(lines.map((l) => [l.kind, l.amount])).toEqual([
      ['coach', 3500],
      ['overnight', 600 * 60],
      ['best-agency', 80_000],
    ]);
  });
});
