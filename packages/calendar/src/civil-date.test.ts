import { describe, expect, it } from 'vitest';
import {
  InvalidCivilDateError,
  InvalidInstantError,
  addCivilDays,
  civilDateFrom,
  civilDateOf,
  civilDateParts,
  dayOfWeek,
  daysBetween,
  endOfCivilDay,
  isCivilDate,
  lastDayOfMonth,
  parseCivilDate,
  startOfCivilDay,
} from './index';

describe('isCivilDate / parseCivilDate', () => {
  it.each(['2019-02-28', '2020-02-29', '2000-02-29', '2019-06-30', '2019-12-31', '0001-01-01'])(
    'accepts %s',
    (value) => {
      expect(isCivilDate(value)).toBe(true);
      expect(parseCivilDate(value)).toBe(value);
    },
  );

  it.each([
    '2019-02-29', // 2019 is not a leap year
    '1900-02-29', // century, not divisible by 400
    '2019-02-30',
    '2019-06-31',
    '2019-13-01',
    '2019-00-10',
    '2019-06-00',
    '2019-6-30',
    ' 2019-06-30',
    '2019-06-30T00:00:00Z',
    '20190630',
    '',
  ])('rejects %j', (value) => {
    expect(isCivilDate(value)).toBe(false);
    expect(() => parseCivilDate(value)).toThrow(InvalidCivilDateError);
  });

  it('rejects values that are not strings', () => {
    for (const value of [20190630, null, undefined, new Date('2019-06-30'), {}]) {
      expect(isCivilDate(value)).toBe(false);
      expect(() => parseCivilDate(value)).toThrow(InvalidCivilDateError);
    }
  });

  it('names the error and the offending value', () => {
    let caught: unknown;
    try {
      parseCivilDate('2019-02-30');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidCivilDateError);
    const error = caught as InvalidCivilDateError;
    expect(error.name).toBe('InvalidCivilDateError');
    expect(error.value).toBe('2019-02-30');
    expect(error.message).toContain('"2019-02-30"');
    expect(error.message).toContain('day 30 does not exist in 2019-02');
  });

  it('every function taking a civil date validates it', () => {
    expect(() => endOfCivilDay('2019-02-30')).toThrow(InvalidCivilDateError);
    expect(() => startOfCivilDay('2019/06/30')).toThrow(InvalidCivilDateError);
    expect(() => addCivilDays('2019-06-31', 1)).toThrow(InvalidCivilDateError);
    expect(() => daysBetween('2019-06-30', '2019-6-30')).toThrow(InvalidCivilDateError);
    expect(() => dayOfWeek('2019-02-29')).toThrow(InvalidCivilDateError);
  });
});

describe('civilDateFrom / civilDateParts', () => {
  it('builds and splits dates', () => {
    expect(civilDateFrom(2019, 6, 30)).toBe('2019-06-30');
    expect(civilDateFrom(2019, 1, 5)).toBe('2019-01-05');
    expect(civilDateParts('2019-10-08')).toEqual({ year: 2019, month: 10, day: 8 });
  });

  it('refuses impossible parts', () => {
    expect(() => civilDateFrom(2019, 2, 30)).toThrow(InvalidCivilDateError);
    expect(() => civilDateFrom(2019, 13, 1)).toThrow(InvalidCivilDateError);
    expect(() => civilDateFrom(2019, 6.5, 1)).toThrow(InvalidCivilDateError);
    expect(() => civilDateFrom(-1, 1, 1)).toThrow(InvalidCivilDateError);
    expect(() => civilDateFrom(10000, 1, 1)).toThrow(InvalidCivilDateError);
  });
});

describe('instants of Asia/Shanghai (UTC+08:00)', () => {
  it('ends a civil day at 23:59:59.999 +08:00', () => {
    expect(endOfCivilDay('2019-06-30').toISOString()).toBe('2019-06-30T15:59:59.999Z');
    expect(endOfCivilDay('2019-12-31').toISOString()).toBe('2019-12-31T15:59:59.999Z');
    expect(endOfCivilDay('2020-02-29').toISOString()).toBe('2020-02-29T15:59:59.999Z');
  });

  it('starts a civil day at 00:00 +08:00, which is 16:00 UTC the day before', () => {
    expect(startOfCivilDay('2019-06-30').toISOString()).toBe('2019-06-29T16:00:00.000Z');
    expect(startOfCivilDay('2020-01-01').toISOString()).toBe('2019-12-31T16:00:00.000Z');
  });

  it('gives the Shanghai date of an instant, switching at 16:00 UTC', () => {
    expect(civilDateOf(new Date('2019-06-29T15:59:59.999Z'))).toBe('2019-06-29');
    expect(civilDateOf(new Date('2019-06-29T16:00:00.000Z'))).toBe('2019-06-30');
    expect(civilDateOf(new Date('2019-06-30T15:59:59.999Z'))).toBe('2019-06-30');
    expect(civilDateOf(new Date('2019-06-30T16:00:00.000Z'))).toBe('2019-07-01');
    expect(civilDateOf(new Date('2019-12-31T16:00:00.000Z'))).toBe('2020-01-01');
    expect(civilDateOf(Date.parse('2019-10-01T00:00:00+08:00'))).toBe('2019-10-01');
    expect(civilDateOf(Date.parse('2019-09-30T23:59:59.999+08:00'))).toBe('2019-09-30');
  });

  it('round-trips: the first and last instants of a day belong to it, the next one does not', () => {
    for (const date of ['2019-02-04', '2019-10-01', '2020-02-29', '2020-12-31']) {
      expect(civilDateOf(startOfCivilDay(date))).toBe(date);
      expect(civilDateOf(endOfCivilDay(date))).toBe(date);
      expect(civilDateOf(endOfCivilDay(date).getTime() + 1)).toBe(addCivilDays(date, 1));
      expect(endOfCivilDay(date).getTime() - startOfCivilDay(date).getTime()).toBe(86_400_000 - 1);
    }
  });

  it('refuses an invalid instant', () => {
    expect(() => civilDateOf(new Date('not a date'))).toThrow(InvalidInstantError);
    expect(() => civilDateOf(Number.NaN)).toThrow(InvalidInstantError);
    expect(() => civilDateOf(Number.POSITIVE_INFINITY)).toThrow(InvalidInstantError);
  });
});

describe('civil day arithmetic', () => {
  it('adds days across month, leap-day and year ends', () => {
    expect(addCivilDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addCivilDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addCivilDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addCivilDays('2019-10-01', -1)).toBe('2019-09-30');
    expect(addCivilDays('2019-10-01', 0)).toBe('2019-10-01');
    expect(addCivilDays('2019-06-30', 92)).toBe('2019-09-30');
    expect(() => addCivilDays('2019-10-01', 1.5)).toThrow(RangeError);
  });

  it('treats years below 100 as themselves (not 19xx)', () => {
    expect(addCivilDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
  });

  it('counts signed civil days from the first date to the second', () => {
    expect(daysBetween('2019-10-01', '2019-10-08')).toBe(7);
    expect(daysBetween('2019-10-08', '2019-10-01')).toBe(-7);
    expect(daysBetween('2019-10-01', '2019-10-01')).toBe(0);
    expect(daysBetween('2019-01-01', '2020-01-01')).toBe(365);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
  });

  it('knows the ISO day of the week', () => {
    expect(dayOfWeek('2019-09-29')).toBe(7); // Sunday
    expect(dayOfWeek('2019-10-12')).toBe(6); // Saturday
    expect(dayOfWeek('2019-10-01')).toBe(2); // Tuesday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-29')).toBe(1); // Monday, before the epoch
  });

  it('finds the last day of a month ("X月底前")', () => {
    expect(lastDayOfMonth(2019, 2)).toBe('2019-02-28');
    expect(lastDayOfMonth(2020, 2)).toBe('2020-02-29');
    expect(lastDayOfMonth(2019, 6)).toBe('2019-06-30');
    expect(lastDayOfMonth(2019, 12)).toBe('2019-12-31');
    expect(() => lastDayOfMonth(2019, 13)).toThrow(RangeError);
    expect(() => lastDayOfMonth(2019, 0)).toThrow(RangeError);
  });
});
