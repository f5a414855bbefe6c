import { describe, expect, it } from 'vitest';
import type { MonthSlot, UnitYearSnapshot } from '@duban/workflow-project-quality/client';
import { reportEntries } from './inbox';

const slot = (month: number, colour: MonthSlot['colour'], reportedOn: string | null = null): MonthSlot => ({
  month,
  due: `2019-${String(month).padStart(2, '0')}-25`,
  colour,
  reportedOn,
  late: false,
  work: '',
  progress: [],
});
const year = (months: MonthSlot[], closed = false): UnitYearSnapshot => ({
  unitCode: 'edu',
  year: 2019,
  projectIds: [],
  months,
  colour: 'green',
  closed,
  version: 1,
});

describe('monthly reports in 我的待办 (40号 四(三))', () => {
  it('shows the missed months red, the one in its window blue, and the next one coming', () => {
    const y = year([
      slot(5, 'red'),
      slot(6, 'green', '2019-06-20'),
      slot(7, 'blue'),
      slot(8, 'green'),
      slot(9, 'green'),
    ]);
    expect(reportEntries(y).map((e) => [e.step, e.colour, e.deadline])).toEqual([
      ['report-5', 'red', '2019-05-25'],
      ['report-7', 'blue', '2019-07-25'],
      ['report-8', 'green', '2019-08-25'],
    ]);
    expect(reportEntries(y)[0]!.stepLabel).toBe('5月工作情况逾期未报送');
  });

  it('leaves nothing once every month is in or the year is closed', () => {
    expect(reportEntries(year([slot(12, 'green', '2019-12-20')]))).toEqual([]);
    expect(reportEntries(year([slot(12, 'red')], true))).toEqual([]);
  });
});
