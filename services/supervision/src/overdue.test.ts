// 青政办发〔2019〕31号 四.(二) 全面整改: "于2019年6月底前…于2019年9月底前…于2019年11月底前…2020年12月底前"
// — an item whose 6月底 milestone is not done is overdue since 6月底, not since its last date.
import { describe, expect, it } from 'vitest';
import { overdueOf, overdueRows, overduesOf } from './overdue';

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

describe('overduesOf and overdueRows: each overdue milestone on its own (31号 四.(二))', () => {
  it('lists every open milestone past its own date, earliest first, each with its own date', () => {
    expect(overduesOf(fullRectification, '2019-12-05')).toEqual([
      { since: '2019-06-30', milestone: '于2019年6月底前' },
      { since: '2019-09-30', milestone: '于2019年9月底前' },
      { since: '2019-11-30', milestone: '于2019年11月底前' },
    ]);
    // Past the last date: the 2020年12月底 milestone stands for the deadline (one row, not two).
    expect(overduesOf(fullRectification, '2021-01-05').map((o) => o.since)).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2019-11-30',
      '2020-12-31',
    ]);
    expect(overduesOf({ ...fullRectification, state: 'closed' }, '2021-01-05')).toEqual([]);
  });

  it('a milestone done drops out; the deadline still counts once every milestone is done', () => {
    const item = structuredClone(fullRectification);
    item.milestones[1]!.doneAt = '2019-09-20T02:00:00.000Z';
    expect(overduesOf(item, '2019-12-05').map((o) => o.since)).toEqual(['2019-06-30', '2019-11-30']);
    for (const m of item.milestones) m.doneAt = '2019-06-28T02:00:00.000Z';
    expect(overduesOf(item, '2021-01-05')).toEqual([{ since: '2020-12-31', milestone: null }]);
  });

  it('rows: one per overdue date of each item, longest overdue first, ties by item id', () => {
    const rectification = { _id: 'qzbf-2019-31.4.p2', ...fullRectification };
    const oneDate = { _id: 'qzbf-2019-31.3.p3', state: 'signed' as const, deadline: '2019-09-30' };
    const rows = overdueRows([oneDate, rectification], '2019-12-05');
    expect(rows.map((r) => [r.item._id, r.overdue.since, r.overdue.milestone])).toEqual([
      ['qzbf-2019-31.4.p2', '2019-06-30', '于2019年6月底前'],
      ['qzbf-2019-31.3.p3', '2019-09-30', null],
      ['qzbf-2019-31.4.p2', '2019-09-30', '于2019年9月底前'],
      ['qzbf-2019-31.4.p2', '2019-11-30', '于2019年11月底前'],
    ]);
  });

  it('rows: an item listed though none of its dates passed is dated by its deadline only when asked', () => {
    const redBySubTask = { _id: 'qzbf-2019-31.p1', state: 'signed' as const, deadline: '2019-12-31' };
    expect(overdueRows([redBySubTask], '2019-12-05')).toEqual([]);
    expect(overdueRows([redBySubTask], '2019-12-05', { byDeadlineWhenNone: true })).toEqual([
      { item: redBySubTask, overdue: { since: '2019-12-31', milestone: null } },
    ]);
  });
});
