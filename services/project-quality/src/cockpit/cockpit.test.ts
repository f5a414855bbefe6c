import { describe, expect, it } from 'vitest';
import type { Project, UnitYearSnapshot } from '@duban/workflow-project-quality/client';
import type { TrackedIndicator } from '../indicators/catalog';
import type { IndicatorStanding } from '../indicators/standing';
import { projectQualityCockpit } from './cockpit';

const project = (projectId: string, unitCode: string, plannedStart = '2019-03-01'): Project => ({
  projectId,
  name: `项目${projectId}`,
  level: 'wuzhong',
  unitCode,
  leader: '张某',
  workingGroup: '专班',
  personInCharge: '李某',
  plannedInvestmentWan: 20_000,
  yearTargetWan: 12_000,
  plannedStart,
  plannedCompletion: '2019-12-31',
  reserve: false,
  industrialUpgrade: false,
});
const june = (unitCode: string, lines: [string, number, boolean][]): UnitYearSnapshot => ({
  unitCode,
  year: 2019,
  projectIds: lines.map(([id]) => id),
  months: [
    {
      month: 6,
      due: '2019-06-25',
      colour: 'green',
      reportedOn: '2019-06-20',
      late: false,
      work: '工作情况',
      progress: lines.map(([projectId, investmentDoneWan, started]) => ({
        projectId,
        investmentDoneWan,
        started,
        problems: '',
      })),
    },
  ],
  colour: 'green',
  closed: false,
  version: 1,
});
const indicator = (
  id: string,
  standing: Partial<IndicatorStanding>,
): TrackedIndicator & IndicatorStanding => ({
  id,
  docNo: '青党办〔2019〕65号',
  ref: '二.1',
  name: `指标${id}`,
  comparison: 'gte',
  target: 80,
  unit: '%',
  year: 2020,
  unitCode: 'eco',
  leadUnits: ['eco'],
  phrase: '',
  due: '2020-12-31',
  value: null,
  source: null,
  met: null,
  colour: 'green',
  ...standing,
});

describe('the leadership cockpit of 项目建设 and 指标 (40号 二(三), 四(五))', () => {
  it('ranks the units on both rates with ties, lists the projects at risk and the indicators missed', () => {
    const ledger = [
      project('A1', 'miit'),
      project('E1', 'edu'),
      project('H1', 'hous'),
      project('L1', 'hous', '2019-09-01'),
    ];
    const years = [
      june('miit', [['A1', 6000, true]]),
      june('edu', [['E1', 6000, true]]),
      june('hous', [['H1', 1000, false]]),
    ];
    const c = projectQualityCockpit(
      ledger,
      years,
      [
        indicator('a', { value: 70, met: false, colour: 'missed' }),
        indicator('b', { value: 90, met: true, colour: 'green' }),
        indicator('c', { colour: 'red' }),
        indicator('d', { colour: 'blue' }),
      ],
      '2019-06-30',
    );
    // edu and miit tie at 50% (rank 1, 1), hous is 3rd and last on both rates.
    expect(c.ranking.map((r) => [r.unitCode, r.completionRank, r.startRank, r.last])).toEqual([
      ['edu', 1, 1, false],
      ['miit', 1, 1, false],
      ['hous', 3, 3, true],
    ]);
    // 序时进度 at June: 6/12 of 12 000 = 6 000 万元; H1 is behind and not started, L1 is only behind.
    expect(c.projectsAtRisk.map((p) => [p.projectId, p.reasons])).toEqual([
      ['H1', ['behind', 'not-started']],
      ['L1', ['behind']],
    ]);
    expect(c.projectsAtRisk[0]).toMatchObject({ dueByNowWan: 6000, investmentDoneWan: 1000 });
    expect(c.indicatorsMissed.map((i) => [i.id, i.colour, i.value])).toEqual([
      ['a', 'missed', 70],
      ['c', 'red', null],
    ]);
  });

  it('leaves closed-out and reserve projects out of the risks', () => {
    const ledger = [
      { ...project('C1', 'edu'), closedOn: '2019-05-01' },
      { ...project('R1', 'edu'), reserve: true },
    ];
    expect(projectQualityCockpit(ledger, [], [], '2019-06-30').projectsAtRisk).toEqual([]);
  });
});
