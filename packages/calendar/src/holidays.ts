/**
 * Statutory working days (法定工作日) of mainland China: weekends and public holidays off, make-up
 * working days (调休上班) on.
 *
 * Data: the `chinese-days` package (State Council holiday notices, 国务院办公厅关于…部分节假日安排的通知,
 * including the 2020 Spring Festival extension). We read its published JSON table
 * (`dist/chinese-days.json`, documented by the package for direct use) and NOT its JavaScript
 * functions, because those build and query their tables with host-local-time `Date` methods: on
 * a machine whose `TZ` is west of UTC they answer for the wrong day (under America/New_York,
 * `isWorkday('2019-10-19')`, a Saturday, returns true). Reading the data table keeps this module
 * independent of the host time zone, and means none of the package's code runs at all (which
 * also keeps Temporal's workflow sandbox free of it).
 *
 * Years not in the table are refused with {@link CalendarOutOfRangeError}: treating an unknown
 * year as "weekends only" would silently compute wrong deadlines around its holidays.
 */
import holidayTable from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addCivilDays, civilDateParts, dayOfWeek, parseCivilDate } from './civil-date';
import type { CivilDate } from './civil-date';

/** Thrown when asked about a date in a year the holiday data does not cover. */
export class CalendarOutOfRangeError extends RangeError {
  override readonly name = 'CalendarOutOfRangeError';
  constructor(
    readonly date: CivilDate,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(
      `No statutory holiday data for ${date}: the calendar covers ${firstYear}–${lastYear} ` +
        `(upgrade chinese-days once the State Council publishes the arrangements for a later year)`,
    );
  }
}

type DayTable = ReadonlyMap<CivilDate, string>;

/** Checks the package's JSON before trusting it, so a format change fails loudly at import. */
function readTable(source: unknown, key: string): DayTable {
  const table = (source as Record<string, unknown> | null)?.[key];
  if (typeof table !== 'object' || table === null) {
    throw new Error(`chinese-days data has no "${key}" table; its format has changed`);
  }
  const result = new Map<CivilDate, string>();
  for (const [date, description] of Object.entries(table)) {
    if (typeof description !== 'string') throw new Error(`chinese-days data: bad entry ${key}[${date}]`);
    // Entries read "English name,中文名,days", e.g. "National Day,国庆节,3".
    result.set(parseCivilDate(date), description.split(',')[1] ?? description);
  }
  return result;
}

/** Days off under a holiday notice (the holidays, their 调休 days, and weekends inside the break). */
const daysOff = readTable(holidayTable, 'holidays');
/** Weekend days that are working days under a holiday notice (调休上班). */
const makeUpWorkingDays = readTable(holidayTable, 'workdays');

/** A year is covered when the State Council's arrangement for it is in the data. */
const coveredYears: ReadonlySet<number> = new Set(
  [...daysOff.keys()].map((date) => civilDateParts(date).year),
);

/** Years for which holiday data exists (inclusive); currently 2004–2026 with chinese-days 1.5.7. */
export const holidayDataCoverage: { readonly firstYear: number; readonly lastYear: number } = Object.freeze({
  firstYear: Math.min(...coveredYears),
  lastYear: Math.max(...coveredYears),
});

for (let year = holidayDataCoverage.firstYear; year <= holidayDataCoverage.lastYear; year++) {
  if (!coveredYears.has(year))
    throw new Error(`chinese-days data has no holidays for ${year}: a gap in the data`);
}

function requireCovered(date: CivilDate): CivilDate {
  const { year } = civilDateParts(date);
  if (!coveredYears.has(year)) {
    throw new CalendarOutOfRangeError(date, holidayDataCoverage.firstYear, holidayDataCoverage.lastYear);
  }
  return date;
}

/**
 * True on a statutory working day: Monday–Friday unless the day is off under a holiday notice,
 * plus the weekend days made working days (调休上班), e.g. Sunday 2019-09-29.
 */
export function isWorkingDay(date: CivilDate): boolean {
  requireCovered(date);
  if (makeUpWorkingDays.has(date)) return true;
  if (daysOff.has(date)) return false;
  return dayOfWeek(date) <= 5;
}

/**
 * True on a day off under a State Council holiday notice (放假): the statutory holiday itself,
 * the weekdays given off in exchange for make-up days (调休), and the weekend days inside the
 * break. E.g. every day of 2019-10-01…07. An ordinary weekend is not a statutory holiday.
 */
export function isStatutoryHoliday(date: CivilDate): boolean {
  requireCovered(date);
  return daysOff.has(date);
}

/** True on a weekend day that is a working day under a holiday notice (调休上班), e.g. 2019-10-12. */
export function isMakeUpWorkingDay(date: CivilDate): boolean {
  requireCovered(date);
  return makeUpWorkingDays.has(date);
}

/**
 * The festival a statutory holiday or make-up working day belongs to ('国庆节', '春节' …), or
 * null on an ordinary day. Useful to explain why a due date moved.
 */
export function holidayNameOf(date: CivilDate): string | null {
  requireCovered(date);
  return daysOff.get(date) ?? makeUpWorkingDays.get(date) ?? null;
}

/**
 * The deadline of "N个工作日内" counted from `from`: the Nth working day after `from`.
 *
 * Convention: the day of the triggering event does not count, counting starts the next day
 * (Civil Code art. 201: 开始的当日不计入，自下一日开始计算), whether or not `from` is itself a
 * working day; only statutory working days count. So `addWorkingDays('2019-09-25', 1)` is
 * 2019-09-26, and the result is always a working day. The deadline is the end of that day
 * (see `endOfCivilDay`). `n` must be a whole number ≥ 1.
 */
export function addWorkingDays(from: CivilDate, n: number): CivilDate {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`);
  let date = parseCivilDate(from);
  let remaining = n;
  while (remaining > 0) {
    date = addCivilDays(date, 1);
    if (isWorkingDay(date)) remaining--;
  }
  return date;
}

/** `date` itself if it is a working day, else the first working day after it (顺延). */
export function nextWorkingDayOnOrAfter(date: CivilDate): CivilDate {
  let day = parseCivilDate(date);
  while (!isWorkingDay(day)) day = addCivilDays(day, 1);
  return day;
}

/** `date` itself if it is a working day, else the last working day before it. */
export function previousWorkingDayOnOrBefore(date: CivilDate): CivilDate {
  let day = parseCivilDate(date);
  while (!isWorkingDay(day)) day = addCivilDays(day, -1);
  return day;
}
