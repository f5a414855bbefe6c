// 青政办发〔2019〕31号 四.(二) 全面整改: "于2019年6月底前…于2019年9月底前…于2019年11月底前…2020年12月底前"
// — an item whose 6月底 milestone is not done is overdue since 6月底, not since its last date.
import { describe, expect, it } from 'vitest';
import { overdueOf } from './overdue';

const milestone = (date: string, phrase: string, doneAt: string | null = null) => ({
  key: date,
  date,
  phrase,
  colour: 'red' as const,
  redSince: null,
  doneAt,
});

const fullRectification = {
  state: 'in_progress' as const,
  deadline: '2020-12-31',
  milestones: [
    milestone('2019-06-30', '于2019年6月底前'),
    milestone('2019-09-30', '于2019年9月底前'),
    milestone('2019-11-30', '于2019年11月底前'),
    milestone('2020-12-31', '2020年12月底前'),
  ],
};

describe('overdueOf (31号 四.(二))', () => {
  it('counts from the earliest open milestone past its date', () => {
    expect(overdueOf(fullRectification, '2019-07-01')).toEqual({
      since: '2019-06-30',
      milestone: '于2019年6月底前',
    });
    expect(overdueOf(fullRectification, '2021-03-01')).toEqual({
      since: '2019-06-30',
      milestone: '于2019年6月底前',
    });
    // On the milestone's own day it is not yet overdue.
    expect(overdueOf(fullRectification, '2019-06-30')).toBeNull();
  });

  it('skips a milestone done; the next open one past its date counts', () => {
    const item = structuredClone(fullRectification);
    item.milestones[0]!.doneAt = '2019-06-28T02:00:00.000Z';
    expect(overdueOf(item, '2019-07-01')).toBeNull();
    expect(overdueOf(item, '2019-10-08')).toEqual({ since: '2019-09-30', milestone: '于2019年9月底前' });
  });

  it('falls back to the deadline: an item of one date, or every milestone done', () => {
    expect(overdueOf({ state: 'assigned', deadline: '2019-09-30' }, '2019-10-01')).toEqual({
      since: '2019-09-30',
      milestone: null,
    });
    expect(overdueOf({ state: 'assigned', deadline: '2019-09-30' }, '2019-09-30')).toBeNull();
    expect(overdueOf({ state: 'assigned', deadline: null }, '2030-01-01')).toBeNull();
    const done = structuredClone(fullRectification);
    for (const m of done.milestones) m.doneAt = '2019-06-28T02:00:00.000Z';
    expect(overdueOf(done, '2021-01-05')).toEqual({ since: '2020-12-31', milestone: null });
  });

  it('a closed item is overdue no more', () => {
    expect(overdueOf({ ...fullRectification, state: 'closed' }, '2021-01-05')).toBeNull();
  });
});
