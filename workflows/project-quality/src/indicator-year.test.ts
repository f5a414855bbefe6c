import { describe, expect, it } from 'vitest';
import type { StartIndicatorYear } from './contracts/indicators';
import {
  applyIndicatorYearAction,
  checkIndicatorYearAction,
  newIndicatorYearState,
  nextIndicatorYearWakeAt,
  onIndicatorYearTime,
} from './indicator-year';
import { actor } from './testing';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
/** 65号 二.14: 建设美丽乡镇 10 个 by 2020 (住建局). */
const start: StartIndicatorYear = {
  unitCode: 'hous',
  year: 2020,
  warningWindowDays: 7,
  indicators: [
    {
      indicatorId: '65号/二.14/1',
      name: '建设美丽乡镇',
      comparison: 'gte',
      target: 10,
      unit: '个',
      due: '2020-12-31',
    },
  ],
};
const report = (value: number, unit = 'hous') => ({
  action: 'report' as const,
  actor: actor('bureau', unit),
  body: { indicatorId: '65号/二.14/1', value, source: '住建局统计年报' },
});

describe('an indicator’s report date and its value (65号, 30号: our reading of the report date)', () => {
  it('turns blue in the window, red after the date unreported, green once reported, met or missed', () => {
    const s = newIndicatorYearState(start);
    expect(onIndicatorYearTime(s, at('2020-12-01T09:00:00'))).toEqual([]);
    expect(nextIndicatorYearWakeAt(s, at('2020-12-01T09:00:00'))).toBe(at('2020-12-25T00:00:00'));
    expect(onIndicatorYearTime(s, at('2020-12-25T00:00:00'))[0]?.[2]).toMatchObject({ to: 'blue' });
    const red = onIndicatorYearTime(s, at('2021-01-01T00:00:00'));
    expect(red[0]?.[2]).toMatchObject({ from: 'blue', to: 'red' });
    expect(s.y.colour).toBe('red');
    expect(nextIndicatorYearWakeAt(s, at('2021-01-01T00:00:00'))).toBeNull();
    applyIndicatorYearAction(s, report(9), at('2021-01-05T10:00:00'));
    onIndicatorYearTime(s, at('2021-01-05T10:00:00'));
    expect(s.y.lines[0]).toMatchObject({ colour: 'green', value: 9, met: false, reportedOn: '2021-01-05' });
    // 以上 includes the number: 10 meets "10个以上".
    applyIndicatorYearAction(s, report(10), at('2021-01-06T10:00:00'));
    expect(s.y.lines[0]).toMatchObject({ value: 10, met: true });
  });

  it('refuses another unit and an indicator not its own; a re-import changes only what changed', () => {
    const s = newIndicatorYearState(start);
    expect(() =>
      checkIndicatorYearAction(s, { ...report(10), actor: actor('inspector', 'gov-inspection') }),
    ).toThrow(/hous/);
    expect(() =>
      checkIndicatorYearAction(s, { ...report(1), body: { indicatorId: 'x', value: 1, source: 's' } }),
    ).toThrow(/没有指标 x/);
    const track = (target: number) => ({
      action: 'track' as const,
      actor: actor('bureau', 'ndrc'),
      body: { indicators: [{ ...start.indicators[0]!, target }] },
    });
    expect(applyIndicatorYearAction(s, track(10), at('2020-06-01T09:00:00'))).toEqual([]);
    applyIndicatorYearAction(s, report(9), at('2020-06-01T09:00:00'));
    expect(applyIndicatorYearAction(s, track(9), at('2020-06-02T09:00:00'))).toHaveLength(1);
    expect(s.y.lines[0]).toMatchObject({ target: 9, value: 9, met: true });
  });
});
