import { describe, expect, it } from 'vitest';
import {
  CalendarOutOfRangeError,
  InvalidCivilDateError,
  addWorkingDays,
  holidayDataCoverage,
  holidayNameOf,
  isMakeUpWorkingDay,
  isStatutoryHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
} from './index';

describe('coverage of the holiday data', () => {
  it('covers 2004–2026 with chinese-days 1.5.7 (DESIGN §5 needs 2019 onward)', () => {
    expect(holidayDataCoverage).toEqual({ firstYear: 2004, lastYear: 2026 });
  });

  it('refuses years without data instead of assuming weekends only', () => {
    // 2027-01-04 is a Monday and 2003-12-31 a Wednesday: "weekends only" would call both working days.
    for (const date of ['2027-01-04', '2003-12-31']) {
      expect(() => isWorkingDay(date)).toThrow(CalendarOutOfRangeError);
      expect(() => isStatutoryHoliday(date)).toThrow(CalendarOutOfRangeError);
      expect(() => isMakeUpWorkingDay(date)).toThrow(CalendarOutOfRangeError);
      expect(() => holidayNameOf(date)).toThrow(CalendarOutOfRangeError);
    }
    expect(isWorkingDay('2026-12-31')).toBe(true);
    expect(isWorkingDay('2004-01-02')).toBe(true);
  });

  it('describes the range in the error', () => {
    let caught: unknown;
    try {
      isWorkingDay('2027-01-04');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarOutOfRangeError);
    const error = caught as CalendarOutOfRangeError;
    expect(error.name).toBe('CalendarOutOfRangeError');
    expect(error.date).toBe('2027-01-04');
    expect([error.firstYear, error.lastYear]).toEqual([2004, 2026]);
    expect(error.message).toContain('2004–2026');
  });

  it('validates dates before looking them up', () => {
    expect(() => isWorkingDay('2019-02-30')).toThrow(InvalidCivilDateError);
  });
});

describe('National Day 2019 (国庆节: 10-01…07 off, Sun 09-29 and Sat 10-12 worked)', () => {
  it('gives every day of 10-01…07 off, including the weekend inside the break', () => {
    for (let day = 1; day <= 7; day++) {
      const date = `2019-10-0${day}`;
      expect(isWorkingDay(date), date).toBe(false);
      expect(isStatutoryHoliday(date), date).toBe(true);
      expect(holidayNameOf(date), date).toBe('国庆节');
    }
  });

  it('makes Sunday 09-29 and Saturday 10-12 working days (调休上班)', () => {
    for (const date of ['2019-09-29', '2019-10-12']) {
      expect(isWorkingDay(date), date).toBe(true);
      expect(isMakeUpWorkingDay(date), date).toBe(true);
      expect(isStatutoryHoliday(date), date).toBe(false);
      expect(holidayNameOf(date), date).toBe('国庆节');
    }
  });

  it('leaves the days around it ordinary', () => {
    expect(isWorkingDay('2019-09-30')).toBe(true); // Monday
    expect(isWorkingDay('2019-10-08')).toBe(true); // Tuesday
    expect(isMakeUpWorkingDay('2019-10-08')).toBe(false);
    expect(isWorkingDay('2019-10-13')).toBe(false); // Sunday after the make-up Saturday
    expect(isStatutoryHoliday('2019-10-13')).toBe(false); // an ordinary weekend is no holiday
    expect(isWorkingDay('2019-10-19')).toBe(false); // an ordinary Saturday
    expect(isMakeUpWorkingDay('2019-10-19')).toBe(false);
    expect(holidayNameOf('2019-10-19')).toBeNull();
  });
});

describe('Spring Festival 2019 (春节: 02-04…10 off, Sat 02-02 and Sun 02-03 worked)', () => {
  it('gives 02-04…10 off', () => {
    for (let day = 4; day <= 10; day++) {
      const date = `2019-02-${String(day).padStart(2, '0')}`;
      expect(isWorkingDay(date), date).toBe(false);
      expect(isStatutoryHoliday(date), date).toBe(true);
      expect(holidayNameOf(date), date).toBe('春节');
    }
  });

  it('works the weekend before it', () => {
    expect(isMakeUpWorkingDay('2019-02-02')).toBe(true);
    expect(isMakeUpWorkingDay('2019-02-03')).toBe(true);
    expect(isWorkingDay('2019-02-02')).toBe(true);
    expect(isWorkingDay('2019-02-03')).toBe(true);
    expect(isWorkingDay('2019-02-11')).toBe(true); // Monday after
    expect(isWorkingDay('2019-02-16')).toBe(false); // ordinary Saturday
  });
});

describe('Spring Festival 2020, extended to 02-02 (国务院办公厅 2020-01-27)', () => {
  it('gives 01-24…02-02 off, including the extension 01-31…02-02', () => {
    for (const date of ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02']) {
      expect(isWorkingDay(date), date).toBe(false);
      expect(isStatutoryHoliday(date), date).toBe(true);
    }
  });

  it('cancels the make-up Saturday 02-01 but keeps Sunday 01-19', () => {
    expect(isMakeUpWorkingDay('2020-02-01')).toBe(false);
    expect(isMakeUpWorkingDay('2020-01-19')).toBe(true);
    expect(isWorkingDay('2020-01-19')).toBe(true);
    expect(isWorkingDay('2020-01-23')).toBe(true);
    expect(isWorkingDay('2020-02-03')).toBe(true);
  });
});

describe('addWorkingDays ("N个工作日内", counting from the next day)', () => {
  it('puts 15 working days after a contract signed 2019-09-25 on 2019-10-21, across National Day', () => {
    // 09-26, 27, 29 (make-up Sunday), 30, then 10-08…11, 12 (make-up Saturday), 14…18, 21.
    // Counting weekends only would give 2019-10-16.
    expect(addWorkingDays('2019-09-25', 15)).toBe('2019-10-21');
  });

  it('does not count the starting day, even when it is a working day', () => {
    expect(addWorkingDays('2019-09-25', 1)).toBe('2019-09-26');
  });

  it('counts make-up working days and skips holidays', () => {
    expect(addWorkingDays('2019-09-27', 1)).toBe('2019-09-29'); // Friday → make-up Sunday
    expect(addWorkingDays('2019-09-30', 1)).toBe('2019-10-08');
    expect(addWorkingDays('2019-10-03', 5)).toBe('2019-10-12'); // from inside the break
    expect(addWorkingDays('2019-02-01', 2)).toBe('2019-02-03'); // Sat 02-02, Sun 02-03
    expect(addWorkingDays('2020-01-23', 1)).toBe('2020-02-03'); // extended Spring Festival
  });

  it('refuses n that is not a whole number ≥ 1', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => addWorkingDays('2019-09-25', n)).toThrow(RangeError);
    }
  });

  it('throws when the count runs past the data', () => {
    expect(() => addWorkingDays('2026-12-30', 5)).toThrow(CalendarOutOfRangeError);
  });
});

describe('nextWorkingDayOnOrAfter / previousWorkingDayOnOrBefore', () => {
  it('keeps a working day', () => {
    expect(nextWorkingDayOnOrAfter('2019-09-30')).toBe('2019-09-30');
    expect(previousWorkingDayOnOrBefore('2019-09-30')).toBe('2019-09-30');
    expect(nextWorkingDayOnOrAfter('2019-09-29')).toBe('2019-09-29'); // make-up Sunday
  });

  it('moves a day off to the nearest working day in its direction', () => {
    expect(nextWorkingDayOnOrAfter('2019-10-01')).toBe('2019-10-08');
    expect(previousWorkingDayOnOrBefore('2019-10-07')).toBe('2019-09-30');
    expect(nextWorkingDayOnOrAfter('2019-05-25')).toBe('2019-05-27');
    expect(previousWorkingDayOnOrBefore('2019-05-26')).toBe('2019-05-24');
    expect(nextWorkingDayOnOrAfter('2020-01-24')).toBe('2020-02-03');
    expect(previousWorkingDayOnOrBefore('2020-02-02')).toBe('2020-01-23');
  });
});
