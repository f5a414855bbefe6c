// 青政办发〔2019〕31号 四.(二) 全面整改: "于2019年6月底前…于2019年9月底前…于2019年11月底前…2020年12月底前"
// — one item, a milestone per date, each on its own ladder (issue 14, point 1).
import { describe, expect, it } from 'vitest';
import { applyAction, checkAction } from './actions';
import { newItemState, nextWakeAt, refreshColours } from './item';
import { SupervisionEvents } from './contracts/index';
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
