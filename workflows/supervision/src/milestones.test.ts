// 青政办发〔2019〕31号 四.(二) 全面整改: "于2019年6月底前…于2019年9月底前…于2019年11月底前…2020年12月底前"
// — one item, a milestone per date, each on its own ladder (issue 14, point 1).
import { describe, expect, it } from 'vitest';
import { applyAction, checkAction } from './actions';
import { newItemState, nextWakeAt, refreshColours } from './item';
import { SupervisionEvents } from './contracts/index';
import { applyRevision } from './revision';
import { actor, command } from './testing';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);

function item() {
  return newItemState(
    {
      itemId: 'qzbf-2019-31.4.p2',
      docNo: '青政办发〔2019〕31号',
      ref: '四.(二)',
      title: '全面整改',
      leadUnits: ['edu'],
      deadline: '2020-12-31',
      milestones: [
        { key: '2019-06-30', date: '2019-06-30', phrase: '于2019年6月底前' },
        { key: '2019-09-30', date: '2019-09-30', phrase: '于2019年9月底前' },
        { key: '2019-11-30', date: '2019-11-30', phrase: '于2019年11月底前' },
        { key: '2020-12-31', date: '2020-12-31', phrase: '2020年12月底前' },
      ],
    },
    at('2019-04-30T16:00:00'),
  );
}

const colours = (state: ReturnType<typeof item>) => state.item.milestones!.map((m) => m.colour);

describe('the milestones of 31号 四.(二)', () => {
  it('wake the item on the first milestone, and turn red one by one on their own dates', () => {
    const state = item();
    expect(colours(state)).toEqual(['green', 'green', 'green', 'green']);
    // Blue begins on 2019-06-24, the first day of the 7-day window before 6月底.
    expect(nextWakeAt(state, at('2019-04-30T16:00:00'))).toBe(at('2019-06-24T00:00:00'));

    const changes = refreshColours(state, at('2019-07-01T00:00:30'));
    expect(changes).toEqual([
      { scope: 'milestone:2019-06-30', from: 'green', to: 'red', reason: '已超过办理期限' },
    ]);
    expect(colours(state)).toEqual(['red', 'green', 'green', 'green']);
    expect(state.item.milestones![0]!.redSince).toBe('2019-06-30T16:00:00.000Z');
    expect(state.item).toMatchObject({ colour: 'green', overallColour: 'red' });
    expect(state.item.redSince).toBe('2019-06-30T16:00:00.000Z');
  });

  it('a milestone done no longer counts; an unsigned item or an unknown milestone is refused', () => {
    const state = item();
    refreshColours(state, at('2019-07-01T09:00:00'));
    const edu = actor('bureau', 'edu');
    const done = command('complete-milestone', edu, { milestone: '2019-06-30', note: '排查完成' });
    expect(() => checkAction(state, done)).toThrow(/请先签收事项/);
    applyAction(state, command('sign', edu, {}), at('2019-07-01T09:00:00'));
    expect(() => checkAction(state, command('complete-milestone', edu, { milestone: '2019-07-31' }))).toThrow(
      /没有节点/,
    );
    checkAction(state, done);
    const applied = applyAction(state, done, at('2019-07-02T09:00:00'));
    expect(applied).toMatchObject({
      type: SupervisionEvents.MilestoneCompleted.type,
      extra: { milestone: '2019-06-30', date: '2019-06-30', note: '排查完成' },
    });
    refreshColours(state, at('2019-07-02T09:00:00'));
    expect(colours(state)).toEqual(['none', 'green', 'green', 'green']);
    expect(state.item).toMatchObject({ overallColour: 'green', redSince: null });
    expect(() => checkAction(state, done)).toThrow(/已完成/);
  });

  it('an item without milestones has none in its snapshot', () => {
    const { milestones: _none, ...single } = item().settings;
    expect(newItemState(single, at('2019-04-30T16:00:00')).item).not.toHaveProperty('milestones');
  });
});

// A revised 31号 reaching the item: each milestone follows the revised notice's own dates, not only
// the one that was the deadline (issue 14, milestones leftovers).
describe('a revised notice with its milestone dates (31号 四.(二))', () => {
  const revise = (
    milestones: { key: string; date: string; phrase: string }[] | undefined,
    deadline: string,
  ) => ({
    actor: actor('inspector'),
    body: {
      change: 'revised' as const,
      catalogVersion: 2,
      title: '全面整改',
      leadUnits: ['edu'],
      cooperatingUnits: [],
      deadline,
      ...(milestones ? { milestones } : {}),
      fields: ['text', 'deadline'],
      source: 'notice-v2.md',
    },
  });
  // 9月底 moved to 8月底, 11月底 struck out, 2020年12月底 moved to 2021年6月底.
  const REVISED = [
    { key: '2019-06-30', date: '2019-06-30', phrase: '于2019年6月底前' },
    { key: '2019-08-31', date: '2019-08-31', phrase: '于2019年8月底前' },
    { key: '2021-06-30', date: '2021-06-30', phrase: '2021年6月底前' },
  ];

  /** The item on 2019-07-01, signed, its 6月底 milestone reported done. */
  function sixthMonthDone() {
    const state = item();
    const edu = actor('bureau', 'edu');
    applyAction(state, command('sign', edu, {}), at('2019-07-01T09:00:00'));
    refreshColours(state, at('2019-07-01T09:00:00'));
    const done = command('complete-milestone', edu, { milestone: '2019-06-30' });
    applyAction(state, done, at('2019-07-01T10:00:00'));
    return state;
  }

  it('takes every revised date; a done milestone the notice keeps stays done', () => {
    const state = sixthMonthDone();
    applyRevision(state, revise(REVISED, '2021-06-30'), at('2019-07-02T09:00:00'));
    refreshColours(state, at('2019-07-02T09:00:00'));
    expect(state.item.milestones!.map((m) => [m.key, m.date, m.phrase, m.colour, m.doneAt !== null])).toEqual(
      [
        ['2019-06-30', '2019-06-30', '于2019年6月底前', 'none', true],
        ['2019-08-31', '2019-08-31', '于2019年8月底前', 'green', false],
        ['2021-06-30', '2021-06-30', '2021年6月底前', 'green', false],
      ],
    );
    expect(state.item.deadline).toBe('2021-06-30');
    // 8月底 is on its own ladder: red on 2019-09-01 while the 2021 milestone is green.
    refreshColours(state, at('2019-09-01T00:00:30'));
    expect(colours(state)).toEqual(['none', 'red', 'green']);
    expect(state.item.milestones![1]!.redSince).toBe('2019-08-31T16:00:00.000Z');
  });

  it('a date the notice no longer gives goes if open, stays if done; none left: no milestones', () => {
    const state = sixthMonthDone();
    // The revised clause has one date: no milestones from the notice; the done 6月底 stays on record.
    applyRevision(state, revise([], '2020-12-31'), at('2019-07-02T09:00:00'));
    expect(state.item.milestones!.map((m) => m.key)).toEqual(['2019-06-30']);
    const fresh = item();
    applyRevision(fresh, revise([], '2020-12-31'), at('2019-05-02T09:00:00'));
    expect(fresh.item).not.toHaveProperty('milestones');
  });

  it('a moved date that was red is judged again on its new date (green: a month ahead)', () => {
    const state = item();
    refreshColours(state, at('2019-07-01T09:00:00'));
    expect(state.item.milestones![0]!.redSince).toBe('2019-06-30T16:00:00.000Z');
    const later = [{ key: '2019-06-30', date: '2019-07-31', phrase: '于2019年7月底前' }, ...REVISED.slice(1)];
    applyRevision(state, revise(later, '2021-06-30'), at('2019-07-01T10:00:00'));
    refreshColours(state, at('2019-07-01T10:00:00'));
    expect(state.item.milestones![0]).toMatchObject({ date: '2019-07-31', colour: 'green', redSince: null });
  });

  it('an item started before milestones existed (one date) takes every date of the revised notice, each on its own ladder', () => {
    // What becomes of the items started before issue 14: they keep their one date (the clause's
    // last) until the notice is revised; the revision brings every milestone, judged on its date.
    const { milestones: _none, ...single } = item().settings;
    const before = newItemState(single, at('2019-04-30T16:00:00'));
    const dates = [
      { key: '2019-06-30', date: '2019-06-30', phrase: '于2019年6月底前' },
      { key: '2019-09-30', date: '2019-09-30', phrase: '于2019年9月底前' },
      { key: '2020-12-31', date: '2020-12-31', phrase: '2020年12月底前' },
    ];
    applyRevision(before, revise(dates, '2020-12-31'), at('2019-07-01T09:00:00'));
    expect(refreshColours(before, at('2019-07-01T09:00:00'))).toEqual([
      { scope: 'milestone:2019-06-30', from: 'green', to: 'red', reason: '已超过办理期限' },
    ]);
    expect(colours(before)).toEqual(['red', 'green', 'green']);
    refreshColours(before, at('2019-10-01T00:00:30'));
    expect(colours(before)).toEqual(['red', 'red', 'green']);
  });

  it('a revision without milestone dates keeps the rule before them: only the deadline milestone moves', () => {
    const state = item();
    applyRevision(state, revise(undefined, '2021-06-30'), at('2019-05-02T09:00:00'));
    expect(state.item.milestones!.map((m) => m.date)).toEqual([
      '2019-06-30',
      '2019-09-30',
      '2019-11-30',
      '2021-06-30',
    ]);
  });
});
