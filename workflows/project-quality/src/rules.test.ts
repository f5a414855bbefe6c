import { describe, expect, it } from 'vitest';
import { meets } from './comparison';
import type { Project, ProjectProgress } from './contracts/model';
import { previousQuarter, quarterOf, rank, talksAfter, type QuarterRanking } from './ranking';
import { percent, ratesOf } from './rates';
import { standings2019 } from './year-targets';

const project = (over: Partial<Project> & Pick<Project, 'projectId'>): Project => ({
  name: `项目${over.projectId}`,
  level: 'wuzhong',
  unitCode: 'miit',
  leader: '张某',
  workingGroup: '专班',
  personInCharge: '李某',
  plannedInvestmentWan: 20_000,
  yearTargetWan: 10_000,
  plannedStart: '2019-03-01',
  plannedCompletion: '2019-12-31',
  reserve: false,
  industrialUpgrade: false,
  ...over,
});
const line = (projectId: string, investmentDoneWan: number, started = true): ProjectProgress => ({
  projectId,
  investmentDoneWan,
  started,
  problems: '',
});
const lines = (...l: ProjectProgress[]) => new Map(l.map((x) => [x.projectId, x]));

describe('rates of 二(三) (投资完成率、开工率)', () => {
  it('a unit’s completion rate is its money done over its yearly targets; its start rate counts only projects due to start', () => {
    const ps = [
      project({ projectId: 'A', yearTargetWan: 10_000 }),
      project({ projectId: 'B', yearTargetWan: 30_000 }),
      project({ projectId: 'C', plannedStart: '2019-07-01' }),
    ];
    const r = ratesOf(ps, lines(line('A', 5_000), line('B', 15_000, false)), '2019-05-31');
    // (5 000 + 15 000 + 0) / (10 000 + 30 000 + 10 000)
    expect(r.completionRate).toBeCloseTo(0.4);
    // A and B were due to start by 05-31, only A has: 1/2; C (07-01) is not due yet.
    expect(r).toMatchObject({ dueToStart: 2, started: 1, startRate: 0.5 });
    expect(percent(r.startRate)).toBe('50.0%');
  });
  it('a unit with nothing due to start has no start rate (not 0%)', () => {
    const r = ratesOf([project({ projectId: 'A', plannedStart: '2019-09-01' })], lines(), '2019-03-31');
    expect(r.startRate).toBeNull();
  });
});

describe('quarterly ranking and 约谈 after two quarters last (二(三))', () => {
  it('ranks with ties sharing a place; every unit sharing the lowest value is last', () => {
    const r = rank([
      { unitCode: 'a', value: 0.9 },
      { unitCode: 'b', value: 0.5 },
      { unitCode: 'c', value: 0.5 },
      { unitCode: 'd', value: 0.7 },
      { unitCode: 'e', value: null },
    ]);
    expect(r.map((x) => [x.unitCode, x.rank, x.last])).toEqual([
      ['a', 1, false],
      ['d', 2, false],
      ['b', 3, true],
      ['c', 3, true],
    ]);
  });
  it('nobody is last when all tie', () => {
    expect(
      rank([
        { unitCode: 'a', value: 1 },
        { unitCode: 'b', value: 1 },
      ]).some((x) => x.last),
    ).toBe(false);
  });
  const quarter = (
    q: QuarterRanking['quarter'],
    completion: Record<string, number>,
    start: Record<string, number>,
  ) => ({
    quarter: q,
    completion: rank(Object.entries(completion).map(([unitCode, value]) => ({ unitCode, value }))),
    start: rank(Object.entries(start).map(([unitCode, value]) => ({ unitCode, value }))),
  });
  it('lists a unit last on the same rate in Q4 and the next year’s Q1 (a year boundary is no break)', () => {
    expect(previousQuarter('2020Q1')).toBe('2019Q4');
    expect(quarterOf('2019-12-31')).toBe('2019Q4');
    const rankings = [
      quarter('2019Q4', { miit: 0.3, edu: 0.8 }, { miit: 1, edu: 0.5 }),
      quarter('2020Q1', { miit: 0.1, edu: 0.4 }, { miit: 0.5, edu: 1 }),
    ];
    expect(talksAfter(rankings, '2020Q1')).toEqual([
      {
        unitCode: 'miit',
        quarter: '2020Q1',
        previous: '2019Q4',
        measures: [{ measure: 'completion', values: [0.3, 0.1] }],
      },
    ]);
  });
  it('last on one rate then on the other is not two quarters running; a missing quarter breaks the run', () => {
    const rankings = [
      quarter('2019Q2', { miit: 0.9, edu: 0.1 }, { miit: 1, edu: 1 }),
      quarter('2019Q3', { miit: 0.9, edu: 0.9 }, { miit: 1, edu: 0.5 }),
    ];
    expect(talksAfter(rankings, '2019Q3')).toEqual([]);
    expect(
      talksAfter(
        [quarter('2019Q1', { edu: 0.1, miit: 1 }, {}), quarter('2019Q3', { edu: 0.1, miit: 1 }, {})],
        '2019Q3',
      ),
    ).toEqual([]);
  });
  it('tied last units are both listed', () => {
    const q = (k: QuarterRanking['quarter']) => quarter(k, { a: 0.2, b: 0.2, c: 0.6 }, {});
    expect(talksAfter([q('2019Q1'), q('2019Q2')], '2019Q2').map((t) => t.unitCode)).toEqual(['a', 'b']);
  });
});

describe('targets of 一 and their comparisons', () => {
  it('以上 includes the boundary, 正增长 does not', () => {
    expect(meets(672_000, 'gte', 672_000)).toBe(true);
    expect(meets(671_999.99, 'gte', 672_000)).toBe(false);
    expect(meets(0, 'gt', 0)).toBe(false);
    expect(meets(0.1, 'gt', 0)).toBe(true);
    expect(meets(94, 'lte', 94)).toBe(true);
  });
  it('computes each 2019 target from the ledger: 10 reserve projects of exactly 1亿, half upgrading, meet 一(三)', () => {
    const reserve = Array.from({ length: 10 }, (_, i) =>
      project({
        projectId: `R${i}`,
        level: 'basic',
        reserve: true,
        plannedInvestmentWan: 10_000,
        industrialUpgrade: i < 5,
      }),
    );
    const region = [
      project({
        projectId: 'Q1',
        level: 'region',
        yearTargetWan: 12_000,
        builtIn: 2018,
        designOutputOn: '2019-05-20',
      }),
      project({
        projectId: 'Q2',
        level: 'region',
        yearTargetWan: 12_000,
        builtIn: 2017,
        designOutputOn: '2019-06-10',
      }),
    ];
    const basic = [project({ projectId: 'B1', level: 'basic', yearTargetWan: 700_000 })];
    const s = standings2019(
      [...reserve, ...region, ...basic],
      lines(line('Q1', 6_000), line('Q2', 5_999), line('B1', 672_000)),
      '2019-06-30',
      -2.1,
    );
    const by = Object.fromEntries(s.map((t) => [t.key, t]));
    expect(by['reserve']).toMatchObject({ value: 10, met: true });
    expect(by['reserve-upgrade']).toMatchObject({ value: 50, met: true });
    expect(by['basic-investment']).toMatchObject({ value: 672_000, met: true });
    expect(by['basic-count']).toMatchObject({ value: 1, met: false });
    // 序时进度 at June: half the year's target; Q2 is 1 万元 short.
    expect(by['region-key']).toMatchObject({ value: 1, met: false });
    expect(by['growth']).toMatchObject({ value: -2.1, met: false });
    // Q1 before June, Q2 in June: 50%.
    expect(by['design-output']).toMatchObject({ value: 50, met: false });
  });
});
