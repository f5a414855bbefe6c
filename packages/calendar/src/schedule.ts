/**
 * Reporting schedules (汇报频次): when a bureau owes a progress report.
 *
 * A schedule names a nominal day in each period (week, month, quarter, half-year). A day of the
 * month past the month's end clamps to its last day (31 → 30 April, 28/29 February). When
 * `workingDaysOnly` is set and the nominal day is not a statutory working day, the report is due
 * on the next working day (顺延), the usual rule of Chinese administrative practice and of Civil
 * Code art. 203 (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日); a make-up
 * working day (调休上班) counts as a working day. Due dates are civil dates; a report due on X is
 * late from the end of day X.
 *
 * Two nominal days can move to the same working day (weekly on Fridays: 2020-01-24 and 01-31
 * both fall in the extended Spring Festival and both move to 2020-02-03); such a due date is
 * listed once.
 */
import {
  addCivilDays,
  civilDateFrom,
  civilDateParts,
  dayOfWeek,
  lastDayOfMonth,
  parseCivilDate,
} from './civil-date';
import type { CivilDate } from './civil-date';
import { nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore } from './holidays';

export type ReportingSchedule =
  /** No periodic report. */
  | { readonly kind: 'none' }
  /** Every week on `dayOfWeek` (ISO: 1 = Monday … 7 = Sunday). */
  | { readonly kind: 'weekly'; readonly dayOfWeek: number; readonly workingDaysOnly: boolean }
  /** Every month on `dayOfMonth` (1–31, clamped), e.g. 青政办发〔2019〕40号: by the 25th. */
  | { readonly kind: 'monthly'; readonly dayOfMonth: number; readonly workingDaysOnly: boolean }
  /**
   * Every calendar quarter on `dayOfMonth` of its `monthOfQuarter`-th month (1–3). Omitted
   * fields default to the last day of the quarter (3, 31): 31 Mar, 30 Jun, 30 Sep, 31 Dec.
   * "By the 15th of the first month of the next quarter" is `{ monthOfQuarter: 1, dayOfMonth: 15 }`.
   */
  | {
      readonly kind: 'quarterly';
      readonly monthOfQuarter?: number;
      readonly dayOfMonth?: number;
      readonly workingDaysOnly: boolean;
    }
  /**
   * Every calendar half-year on `dayOfMonth` of its `monthOfHalf`-th month (1–6). Omitted fields
   * default to the last day of the half-year (6, 31): 30 Jun and 31 Dec.
   */
  | {
      readonly kind: 'semiannual';
      readonly monthOfHalf?: number;
      readonly dayOfMonth?: number;
      readonly workingDaysOnly: boolean;
    };

/** Thrown for a schedule whose fields are out of range (e.g. `dayOfMonth: 0`). */
export class InvalidReportingScheduleError extends RangeError {
  override readonly name = 'InvalidReportingScheduleError';
  constructor(
    readonly schedule: unknown,
    reason: string,
  ) {
    super(`Invalid reporting schedule ${JSON.stringify(schedule)}: ${reason}`);
  }
}

/** A validated schedule with its defaults filled in. */
type Plan =
  | { readonly kind: 'none' }
  | { readonly kind: 'weekly'; readonly dayOfWeek: number; readonly workingDaysOnly: boolean }
  | {
      readonly kind: 'months';
      /** Period length in months: 1, 3 or 6. */
      readonly months: number;
      readonly monthOfPeriod: number;
      readonly dayOfMonth: number;
      readonly workingDaysOnly: boolean;
    };

function planOf(schedule: ReportingSchedule): Plan {
  const fail = (reason: string): never => {
    throw new InvalidReportingScheduleError(schedule, reason);
  };
  const whole = (name: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return fail(`${name} must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
  if (typeof schedule !== 'object' || schedule === null) return fail('not an object');
  if (schedule.kind === 'none') return { kind: 'none' };
  if (typeof schedule.workingDaysOnly !== 'boolean') return fail('workingDaysOnly must be true or false');
  const { workingDaysOnly } = schedule;
  switch (schedule.kind) {
    case 'weekly':
      return { kind: 'weekly', dayOfWeek: whole('dayOfWeek', schedule.dayOfWeek, 1, 7), workingDaysOnly };
    case 'monthly':
      return {
        kind: 'months',
        months: 1,
        monthOfPeriod: 1,
        dayOfMonth: whole('dayOfMonth', schedule.dayOfMonth, 1, 31),
        workingDaysOnly,
      };
    case 'quarterly':
      return {
        kind: 'months',
        months: 3,
        monthOfPeriod: whole('monthOfQuarter', schedule.monthOfQuarter ?? 3, 1, 3),
        dayOfMonth: whole('dayOfMonth', schedule.dayOfMonth ?? 31, 1, 31),
        workingDaysOnly,
      };
    case 'semiannual':
      return {
        kind: 'months',
        months: 6,
        monthOfPeriod: whole('monthOfHalf', schedule.monthOfHalf ?? 6, 1, 6),
        dayOfMonth: whole('dayOfMonth', schedule.dayOfMonth ?? 31, 1, 31),
        workingDaysOnly,
      };
    default:
      return fail(`unknown kind ${JSON.stringify((schedule as { kind?: unknown }).kind)}`);
  }
}

/** The nominal (unshifted) report days strictly after `after`, in order, without end. */
function* nominalDaysAfter(plan: Exclude<Plan, { kind: 'none' }>, after: CivilDate): Generator<CivilDate> {
  if (plan.kind === 'weekly') {
    const first = addCivilDays(after, 1);
    let day = addCivilDays(first, (plan.dayOfWeek - dayOfWeek(first) + 7) % 7);
    for (;;) {
      yield day;
      day = addCivilDays(day, 7);
    }
  } else {
    const { year, month } = civilDateParts(after);
    // Months counted from January of year 0; periods of 1, 3 or 6 months all start in January.
    for (let period = Math.floor((year * 12 + month - 1) / plan.months); ; period++) {
      const monthIndex = period * plan.months + plan.monthOfPeriod - 1;
      const y = Math.floor(monthIndex / 12);
      const m = (monthIndex % 12) + 1;
      const day = civilDateFrom(y, m, Math.min(plan.dayOfMonth, civilDateParts(lastDayOfMonth(y, m)).day));
      if (day > after) yield day;
    }
  }
}

/**
 * The due dates of `plan` strictly after `after`, in increasing order and without repeats,
 * stopping before any nominal day later than `lastNominal` (so that nothing asks for holiday data
 * past the range a caller wants).
 *
 * With 顺延, a nominal day on or before `after` can still be due after it, when every day from it
 * to `after` is a day off; so the search starts after the last working day on or before `after`.
 */
function* dueDatesAfter(
  plan: Exclude<Plan, { kind: 'none' }>,
  after: CivilDate,
  lastNominal: CivilDate | null,
): Generator<CivilDate> {
  const searchAfter = plan.workingDaysOnly ? previousWorkingDayOnOrBefore(after) : after;
  let previous: CivilDate | null = null;
  for (const nominal of nominalDaysAfter(plan, searchAfter)) {
    if (lastNominal !== null && nominal > lastNominal) return;
    const due = plan.workingDaysOnly ? nextWorkingDayOnOrAfter(nominal) : nominal;
    if (due !== previous) yield due;
    previous = due;
  }
}

/**
 * The first report due date strictly after `after` (typically the previous due date, or the day
 * before an item starts), or null for `{ kind: 'none' }`. On Saturday 2019-05-25 a monthly
 * report "by the 25th, working days" is still ahead: it is due Monday 2019-05-27.
 */
export function nextReportDue(schedule: ReportingSchedule, after: CivilDate): CivilDate | null {
  const plan = planOf(schedule);
  parseCivilDate(after);
  if (plan.kind === 'none') return null;
  const first = dueDatesAfter(plan, after, null).next();
  if (first.done === true) throw new Error('unreachable: a periodic schedule has no end');
  return first.value;
}

/** Every report due date from `from` to `to`, both included, in order; [] when `from` > `to`. */
export function reportDueDatesBetween(
  schedule: ReportingSchedule,
  from: CivilDate,
  to: CivilDate,
): CivilDate[] {
  const plan = planOf(schedule);
  parseCivilDate(from);
  parseCivilDate(to);
  if (plan.kind === 'none' || from > to) return [];
  const result: CivilDate[] = [];
  for (const due of dueDatesAfter(plan, addCivilDays(from, -1), to)) {
    if (due > to) break;
    result.push(due);
  }
  return result;
}
