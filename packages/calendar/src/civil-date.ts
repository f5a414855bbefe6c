/**
 * Civil dates of the Asia/Shanghai calendar, and the instants that bound them.
 *
 * Time zone: Asia/Shanghai is a fixed UTC+08:00 offset. The People's Republic has used one time
 * zone (Beijing Time, UTC+08:00) nationwide since 1949; daylight saving time was observed only
 * from 1986 to 1991 (the last period ended in September 1991) and has not been used since. Every
 * date this product handles (documents from 2019 on, holiday data from 2004 on) is therefore
 * exactly UTC+08:00, and plain arithmetic on epoch milliseconds is correct: no `Intl`, no time
 * zone database, and no dependence on the host's `TZ` (nothing here calls a local-time method
 * such as `getDate()` or `setHours()`). Instants before 1992 are outside the intended range and
 * may be off by the old DST hour.
 *
 * Everything here is pure and synchronous and never reads the clock, so it is safe in Temporal
 * workflow code: callers pass instants in (in a workflow, from the SDK's workflow clock).
 */

/**
 * A civil date in Asia/Shanghai, written `YYYY-MM-DD` (four-digit year, proleptic Gregorian).
 * Being a zero-padded ISO string, two civil dates compare chronologically with `<` / `>`.
 */
export type CivilDate = string;

/** Thrown when a value is not a real civil date (wrong shape, or e.g. `2019-02-30`). */
export class InvalidCivilDateError extends Error {
  override readonly name = 'InvalidCivilDateError';
  constructor(
    readonly value: unknown,
    reason: string,
  ) {
    super(`Invalid civil date ${describe(value)}: ${reason} (expected a real date written YYYY-MM-DD)`);
  }
}

/** Thrown when an instant is not a finite point in time (e.g. `new Date('nonsense')`). */
export class InvalidInstantError extends RangeError {
  override readonly name = 'InvalidInstantError';
  constructor(readonly value: unknown) {
    super(`Invalid instant ${describe(value)}: expected a valid Date or epoch milliseconds`);
  }
}

/** UTC+08:00, fixed (see the module comment for why a constant is correct). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
const CIVIL_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  return String(value);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Why `value` is not a civil date, or `null` when it is one. */
function civilDateProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `not a string but ${typeof value}`;
  const match = CIVIL_DATE_SHAPE.exec(value);
  if (match === null) return 'not of the form YYYY-MM-DD';
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  if (day < 1 || day > daysInMonth(year, month))
    return `day ${day} does not exist in ${year}-${pad(month, 2)}`;
  return null;
}

/** True when `value` is a string naming a real date as `YYYY-MM-DD`. Never throws. */
export function isCivilDate(value: unknown): value is CivilDate {
  return civilDateProblem(value) === null;
}

/** Returns `value` as a civil date, or throws {@link InvalidCivilDateError} saying what is wrong. */
export function parseCivilDate(value: unknown): CivilDate {
  const problem = civilDateProblem(value);
  if (problem !== null) throw new InvalidCivilDateError(value, problem);
  return value as CivilDate;
}

/** Year, month (1–12) and day of a civil date. Throws {@link InvalidCivilDateError}. */
export function civilDateParts(date: CivilDate): CivilDateParts {
  parseCivilDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds a civil date from its parts; throws {@link InvalidCivilDateError} for e.g. (2019, 2, 30). */
export function civilDateFrom(year: number, month: number, day: number): CivilDate {
  if (![year, month, day].every(Number.isInteger)) {
    throw new InvalidCivilDateError(`${year}-${month}-${day}`, 'year, month and day must be whole numbers');
  }
  // Out-of-range parts (negative, a five-digit year, month 13 …) fail the shape or range check.
  return parseCivilDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
}

/** Days since 1970-01-01 of a validated civil date. */
function dayNumber(date: CivilDate): number {
  const { year, month, day } = civilDateParts(date);
  // setUTCFullYear (not Date.UTC) so that years 0–99 are not read as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNo: number): CivilDate {
  const t = new Date(dayNo * MS_PER_DAY);
  const year = t.getUTCFullYear();
  if (Number.isNaN(year) || year < 0 || year > 9999) {
    throw new RangeError(`Date arithmetic left the supported years 0000–9999 (day number ${dayNo})`);
  }
  return `${pad(year, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/** Epoch milliseconds of an instant; throws {@link InvalidInstantError}. (Internal to the package.) */
export function instantMs(instant: Date | number): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new InvalidInstantError(instant);
  return ms;
}

function requireInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

/** The Asia/Shanghai civil date of an instant (a `Date` or epoch milliseconds). */
export function civilDateOf(instant: Date | number): CivilDate {
  return fromDayNumber(Math.floor((instantMs(instant) + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** 00:00:00.000 +08:00 of the day: the first instant of `date`. */
export function startOfCivilDay(date: CivilDate): Date {
  return new Date(dayNumber(date) * MS_PER_DAY - SHANGHAI_OFFSET_MS);
}

/**
 * 23:59:59.999 +08:00 of the day: the last instant of `date`. A deadline "by X" (X前, X底前)
 * means the end of day X (Civil Code art. 203: the last day of a period ends at 24:00), so an
 * item is overdue from the instant after this one.
 */
export function endOfCivilDay(date: CivilDate): Date {
  return new Date((dayNumber(date) + 1) * MS_PER_DAY - SHANGHAI_OFFSET_MS - 1);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCivilDays(date: CivilDate, days: number): CivilDate {
  requireInteger('days', days);
  return fromDayNumber(dayNumber(date) + days);
}

/** Signed number of calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: CivilDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The last day of a month (month 1–12), e.g. "2019年6月底前" → lastDayOfMonth(2019, 6) = 2019-06-30. */
export function lastDayOfMonth(year: number, month: number): CivilDate {
  requireInteger('year', year);
  requireInteger('month', month);
  if (month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  return civilDateFrom(year, month, daysInMonth(year, month));
}
