import { describe, expect, it } from 'vitest';
import {
  CalendarOutOfRangeError,
  InvalidCivilDateError,
  InvalidReportingScheduleError,
  addCivilDays,
  nextReportDue,
  reportDueDatesBetween,
} from './index';
import type { ReportingSchedule } from './index';

/** 青政办发〔2019〕40号: every bureau reports to 发改局 by the 25th of each month. */
const by25th: ReportingSchedule = { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: true };

describe('monthly report by the 25th, moved to the next working day (顺延)', () => {
  it('lists the real 2019–2020 due dates', () => {
    expect(reportDueDatesBetween(by25th, '2019-01-01', '2020-12-31')).toEqual([
      '2019-01-25',
      '2019-02-25',
      '2019-03-25',
      '2019-04-25',
      '2019-05-27', // Sat 05-25 → Monday
      '2019-06-25',
      '2019-07-25',
      '2019-08-26', // Sun 08-25 → Monday
      '2019-09-25',
      '2019-10-25',
      '2019-11-25',
      '2019-12-25',
      '2020-02-03', // Sat 01-25 in the extended Spring Festival → first day back
      '2020-02-25',
      '2020-03-25',
      '2020-04-26', // Sat 04-25 → Sunday 04-26, a make-up working day
      '2020-05-25',
      '2020-06-28', // Thu 06-25 Dragon Boat Festival → Sunday 06-28, a make-up working day
      '2020-07-27', // Sat 07-25 → Monday
      '2020-08-25',
      '2020-09-25',
      '2020-10-26', // Sun 10-25 → Monday
      '2020-11-25',
      '2020-12-25',
    ]);
  });

  it('keeps the nominal day when the schedule does not count working days', () => {
    const calendarDays: ReportingSchedule = { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: false };
    expect(reportDueDatesBetween(calendarDays, '2019-05-01', '2019-08-31')).toEqual([
      '2019-05-25',
      '2019-06-25',
      '2019-07-25',
      '2019-08-25',
    ]);
    expect(nextReportDue(calendarDays, '2019-05-25')).toBe('2019-06-25');
  });

  it('gives the next due date strictly after a day', () => {
    expect(nextReportDue(by25th, '2019-05-24')).toBe('2019-05-27');
    // On Saturday the 25th the report is still ahead: due Monday.
    expect(nextReportDue(by25th, '2019-05-25')).toBe('2019-05-27');
    expect(nextReportDue(by25th, '2019-05-26')).toBe('2019-05-27');
    expect(nextReportDue(by25th, '2019-05-27')).toBe('2019-06-25');
    // The nominal day (01-25) is already behind, but the report is not due until 02-03.
    expect(nextReportDue(by25th, '2020-01-31')).toBe('2020-02-03');
    expect(nextReportDue(by25th, '2020-02-03')).toBe('2020-02-25');
    expect(nextReportDue(by25th, '2019-12-25')).toBe('2020-02-03');
  });

  it('includes both ends of a range', () => {
    expect(reportDueDatesBetween(by25th, '2019-05-27', '2019-06-25')).toEqual(['2019-05-27', '2019-06-25']);
    expect(reportDueDatesBetween(by25th, '2019-05-28', '2019-06-24')).toEqual([]);
    // The nominal 05-25 lies before the range, its due date inside it.
    expect(reportDueDatesBetween(by25th, '2019-05-26', '2019-05-31')).toEqual(['2019-05-27']);
    // …and the other way round: nominal inside, due date after the range.
    expect(reportDueDatesBetween(by25th, '2019-05-20', '2019-05-26')).toEqual([]);
    expect(reportDueDatesBetween(by25th, '2019-06-01', '2019-05-01')).toEqual([]);
  });

  it('agrees with itself: the next due date is the first one listed after the day', () => {
    const schedules: ReportingSchedule[] = [
      by25th,
      { kind: 'monthly', dayOfMonth: 31, workingDaysOnly: true },
      { kind: 'weekly', dayOfWeek: 5, workingDaysOnly: true },
      { kind: 'quarterly', workingDaysOnly: true },
    ];
    for (const schedule of schedules) {
      for (let after = '2019-01-01'; after <= '2020-10-31'; after = addCivilDays(after, 1)) {
        const listed = reportDueDatesBetween(schedule, addCivilDays(after, 1), addCivilDays(after, 100));
        expect(nextReportDue(schedule, after), `${schedule.kind} after ${after}`).toBe(listed[0]);
      }
    }
  });
});

describe('day of month past the end of the month', () => {
  it('clamps to the last day', () => {
    const endOfMonth: ReportingSchedule = { kind: 'monthly', dayOfMonth: 31, workingDaysOnly: false };
    expect(reportDueDatesBetween(endOfMonth, '2020-01-01', '2020-04-30')).toEqual([
      '2020-01-31',
      '2020-02-29',
      '2020-03-31',
      '2020-04-30',
    ]);
    expect(nextReportDue({ kind: 'monthly', dayOfMonth: 30, workingDaysOnly: false }, '2019-02-01')).toBe(
      '2019-02-28',
    );
  });

  it('clamps first, then moves to the next working day', () => {
    const endOfMonth: ReportingSchedule = { kind: 'monthly', dayOfMonth: 31, workingDaysOnly: true };
    expect(reportDueDatesBetween(endOfMonth, '2019-03-01', '2019-09-30')).toEqual([
      '2019-04-01', // Sun 03-31
      '2019-04-30',
      '2019-05-31',
      '2019-07-01', // Sun 06-30
      '2019-07-31',
      '2019-09-02', // Sat 08-31
      '2019-09-30',
    ]);
  });
});

describe('quarterly and semiannual', () => {
  it('defaults to the last day of the quarter', () => {
    expect(
      reportDueDatesBetween({ kind: 'quarterly', workingDaysOnly: true }, '2019-01-01', '2019-12-31'),
    ).toEqual([
      '2019-01-02', // the Q4 2018 report: 2018-12-31 is in the New Year break 12-30…01-01
      '2019-04-01', // Sun 03-31
      '2019-07-01', // Sun 06-30
      '2019-09-30',
      '2019-12-31',
    ]);
    expect(nextReportDue({ kind: 'quarterly', workingDaysOnly: true }, '2018-12-28')).toBe('2019-01-02');
    expect(nextReportDue({ kind: 'quarterly', workingDaysOnly: false }, '2018-12-28')).toBe('2018-12-31');
  });

  it('supports "by the 15th of the first month of the quarter" (引客入青 claims)', () => {
    const claims: ReportingSchedule = {
      kind: 'quarterly',
      monthOfQuarter: 1,
      dayOfMonth: 15,
      workingDaysOnly: true,
    };
    expect(reportDueDatesBetween(claims, '2019-01-01', '2020-12-31')).toEqual([
      '2019-01-15',
      '2019-04-15',
      '2019-07-15',
      '2019-10-15',
      '2020-01-15',
      '2020-04-15',
      '2020-07-15',
      '2020-10-15',
    ]);
    expect(nextReportDue(claims, '2019-07-15')).toBe('2019-10-15');
  });

  it('supports a day in the middle month of the quarter', () => {
    const middle: ReportingSchedule = {
      kind: 'quarterly',
      monthOfQuarter: 2,
      dayOfMonth: 31,
      workingDaysOnly: false,
    };
    expect(reportDueDatesBetween(middle, '2020-01-01', '2020-12-31')).toEqual([
      '2020-02-29',
      '2020-05-31',
      '2020-08-31',
      '2020-11-30',
    ]);
  });

  it('defaults to the last day of the half-year', () => {
    expect(
      reportDueDatesBetween({ kind: 'semiannual', workingDaysOnly: true }, '2019-01-02', '2020-12-31'),
    ).toEqual(['2019-01-02', '2019-07-01', '2019-12-31', '2020-06-30', '2020-12-31']);
    const firstMonth: ReportingSchedule = {
      kind: 'semiannual',
      monthOfHalf: 1,
      dayOfMonth: 10,
      workingDaysOnly: false,
    };
    expect(reportDueDatesBetween(firstMonth, '2019-01-01', '2019-12-31')).toEqual([
      '2019-01-10',
      '2019-07-10',
    ]);
  });
});

describe('weekly', () => {
  it('lists a due date once when two nominal days move to the same working day', () => {
    const fridays: ReportingSchedule = { kind: 'weekly', dayOfWeek: 5, workingDaysOnly: true };
    // Fridays 01-24 and 01-31 both fall in the extended Spring Festival.
    expect(reportDueDatesBetween(fridays, '2020-01-17', '2020-02-14')).toEqual([
      '2020-01-17',
      '2020-02-03',
      '2020-02-07',
      '2020-02-14',
    ]);
    expect(nextReportDue(fridays, '2020-01-17')).toBe('2020-02-03');
    expect(nextReportDue(fridays, '2020-02-03')).toBe('2020-02-07');
  });

  it('uses a make-up Sunday as it is, and moves holiday Sundays', () => {
    const sundays: ReportingSchedule = { kind: 'weekly', dayOfWeek: 7, workingDaysOnly: true };
    expect(reportDueDatesBetween(sundays, '2019-09-22', '2019-10-13')).toEqual([
      '2019-09-23',
      '2019-09-29', // make-up working Sunday
      '2019-10-08', // Sunday 10-06 in National Day
    ]);
    const calendarSundays: ReportingSchedule = { kind: 'weekly', dayOfWeek: 7, workingDaysOnly: false };
    expect(reportDueDatesBetween(calendarSundays, '2019-09-22', '2019-10-13')).toEqual([
      '2019-09-22',
      '2019-09-29',
      '2019-10-06',
      '2019-10-13',
    ]);
  });
});

describe('no schedule, bad input, limits of the data', () => {
  it('has no due dates without a schedule', () => {
    expect(nextReportDue({ kind: 'none' }, '2019-05-25')).toBeNull();
    expect(reportDueDatesBetween({ kind: 'none' }, '2019-01-01', '2019-12-31')).toEqual([]);
  });

  it('refuses malformed schedules', () => {
    const bad: unknown[] = [
      { kind: 'monthly', dayOfMonth: 0, workingDaysOnly: true },
      { kind: 'monthly', dayOfMonth: 32, workingDaysOnly: true },
      { kind: 'monthly', dayOfMonth: 2.5, workingDaysOnly: true },
      { kind: 'monthly', dayOfMonth: 25 },
      { kind: 'quarterly', monthOfQuarter: 4, workingDaysOnly: true },
      { kind: 'semiannual', monthOfHalf: 7, workingDaysOnly: true },
      { kind: 'weekly', dayOfWeek: 0, workingDaysOnly: true },
      { kind: 'yearly', workingDaysOnly: true },
      null,
    ];
    for (const schedule of bad) {
      expect(
        () => nextReportDue(schedule as ReportingSchedule, '2019-05-01'),
        JSON.stringify(schedule),
      ).toThrow(InvalidReportingScheduleError);
    }
  });

  it('refuses invalid dates', () => {
    expect(() => nextReportDue(by25th, '2019-02-30')).toThrow(InvalidCivilDateError);
    expect(() => reportDueDatesBetween(by25th, '2019-01-01', '2019-13-01')).toThrow(InvalidCivilDateError);
  });

  it('answers up to the end of the data without asking beyond it', () => {
    const dates = reportDueDatesBetween(by25th, '2026-01-01', '2026-12-31');
    expect(dates).toHaveLength(12);
    expect(dates.at(-1)).toBe('2026-12-25');
    expect(() => nextReportDue(by25th, '2026-12-25')).toThrow(CalendarOutOfRangeError);
  });

  it('needs no holiday data for calendar-day schedules', () => {
    const calendarDays: ReportingSchedule = { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: false };
    expect(nextReportDue(calendarDays, '2030-05-25')).toBe('2030-06-25');
  });
});
