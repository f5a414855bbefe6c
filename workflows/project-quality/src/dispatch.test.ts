import { describe, expect, it } from 'vitest';
import type { Project } from './contracts/model';
import { weekOf, weeklyDispatch } from './dispatch';

const p = (projectId: string, plannedStart: string, over: Partial<Project> = {}): Project => ({
  projectId,
  name: projectId,
  level: 'basic',
  unitCode: 'miit',
  leader: '张某',
  workingGroup: '专班',
  personInCharge: '李某',
  plannedInvestmentWan: 1000,
  yearTargetWan: 500,
  plannedStart,
  plannedCompletion: '2019-12-31',
  reserve: false,
  industrialUpgrade: false,
  ...over,
});

describe('weekly dispatch of 四(二) (3月底前开工的项目，每周召开一次调度会)', () => {
  const ledger = [
    p('A', '2019-03-31'),
    p('B', '2019-04-01'),
    p('C', '2019-02-15'),
    p('D', '2019-03-01', { closedOn: '2019-05-01' }),
  ];
  const started = new Map([['C', { projectId: 'C', investmentDoneWan: 100, started: true, problems: '' }]]);
  it('lists the projects due to start by the end of March (inclusive), not yet started first', () => {
    expect(weeklyDispatch(ledger, started, '2019-05-27').map((l) => [l.projectId, l.started])).toEqual([
      ['A', false],
      ['C', true],
    ]);
  });
  it('runs through the first half of the year only', () => {
    expect(weeklyDispatch(ledger, started, '2019-07-01')).toEqual([]);
  });
  it('meets in the week of a date (Monday)', () => {
    expect(weekOf('2019-05-25')).toBe('2019-05-20');
  });
});
