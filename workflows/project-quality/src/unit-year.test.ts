import { describe, expect, it } from 'vitest';
import { actor, report, start2019 } from './testing';
import {
  applyUnitYearAction,
  checkUnitYearAction,
  newUnitYearState,
  nextUnitYearWakeAt,
  onUnitYearTime,
} from './unit-year';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const cmd = (month: number, unit = 'miit') => ({
  action: 'report' as const,
  actor: actor('bureau', unit),
  body: report(month),
});

describe('a unit’s reporting year (40号 四(三))', () => {
  it('lays the months out from May on the report day, a Saturday 25th moved to Monday', () => {
    const s = newUnitYearState(start2019(), at('2019-05-20T09:00:00'));
    expect(s.y.months.map((m) => m.due)).toEqual([
      '2019-05-27',
      '2019-06-25',
      '2019-07-25',
      '2019-08-26',
      '2019-09-25',
      '2019-10-25',
      '2019-11-25',
      '2019-12-25',
    ]);
  });
  it('turns blue in the window and red after the day; a late report drops back to green, marked late', () => {
    const s = newUnitYearState(start2019(), at('2019-05-20T09:00:00'));
    onUnitYearTime(s, at('2019-05-20T09:00:00'));
    expect(s.y.colour).toBe('green');
    expect(nextUnitYearWakeAt(s, at('2019-05-20T09:00:00'))).toBe(at('2019-05-21T00:00:00'));
    onUnitYearTime(s, at('2019-05-27T23:00:00'));
    expect(s.y.months[0]!.colour).toBe('blue');
    const facts = onUnitYearTime(s, at('2019-05-28T00:00:00'));
    expect(facts[0]?.[2]).toMatchObject({ month: 5, from: 'blue', to: 'red' });
    expect(s.y.colour).toBe('red');
    applyUnitYearAction(s, cmd(5), at('2019-05-28T10:00:00'));
    onUnitYearTime(s, at('2019-05-28T10:00:00'));
    expect(s.y.months[0]).toMatchObject({ colour: 'green', late: true, reportedOn: '2019-05-28' });
  });
  it('refuses another unit’s report, a month reported twice, a month not begun, a project off the ledger', () => {
    const s = newUnitYearState(start2019(), at('2019-05-20T09:00:00'));
    const now = at('2019-05-24T10:00:00');
    expect(() => checkUnitYearAction(s, cmd(5, 'edu'), now)).toThrow(/miit/);
    expect(() => checkUnitYearAction(s, cmd(6), now)).toThrow(/6月尚未开始/);
    const stray = {
      ...cmd(5),
      body: {
        ...report(5),
        progress: [{ projectId: 'XM-9', investmentDoneWan: 1, started: true, problems: '' }],
      },
    };
    expect(() => checkUnitYearAction(s, stray, now)).toThrow(/XM-9/);
    applyUnitYearAction(s, cmd(5), now);
    expect(() => checkUnitYearAction(s, cmd(5), now)).toThrow(/已于 2019-05-24 报送/);
  });
  it('lists a unit for a talk once per quarter, only at 发改局’s hand (二(三))', () => {
    const s = newUnitYearState(start2019(), at('2019-05-20T09:00:00'));
    const body = {
      quarter: '2019Q3',
      previous: '2019Q2',
      measures: ['completion'],
      figures: '投资完成率 2019Q2 10.0%、2019Q3 12.0%',
    };
    const now = at('2019-10-08T10:00:00');
    expect(() =>
      checkUnitYearAction(s, { action: 'summon', actor: actor('bureau', 'miit'), body }, now),
    ).toThrow(/发展和改革局/);
    const summon = { action: 'summon' as const, actor: actor('bureau', 'ndrc'), body };
    checkUnitYearAction(s, summon, now);
    expect(applyUnitYearAction(s, summon, now)).toHaveLength(1);
    expect(applyUnitYearAction(s, summon, now)).toEqual([]);
    expect(s.y.talks).toEqual([{ ...body, listedOn: '2019-10-08' }]);
  });
  it('closes when every month is in, or at the end of the next January with the missing months named', () => {
    const s = newUnitYearState(start2019(), at('2019-05-20T09:00:00'));
    const facts = onUnitYearTime(s, at('2020-02-01T00:00:00'));
    expect(s.y.closed).toBe(true);
    expect(facts.at(-1)?.[2]).toEqual({ missed: [5, 6, 7, 8, 9, 10, 11, 12] });
  });
  it('a past year opened late (entered now) is red at once and stays open a month to be filled in', () => {
    const s = newUnitYearState(start2019(), at('2026-12-01T10:00:00'));
    onUnitYearTime(s, at('2026-12-01T10:00:00'));
    expect(s.y).toMatchObject({ colour: 'red', closed: false, closesAfter: '2027-01-01' });
    onUnitYearTime(s, at('2027-01-02T00:00:00'));
    expect(s.y.closed).toBe(true);
  });
});
