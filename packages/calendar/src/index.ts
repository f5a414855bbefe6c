/**
 * @duban/calendar — the only place in Duban that knows the Asia/Shanghai civil calendar and the
 * statutory working days. Pure, synchronous and clock-free: safe to call from Temporal workflow
 * code (callers pass instants in).
 */
export type { CivilDate, CivilDateParts } from './civil-date';
export {
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
} from './civil-date';
export {
  CalendarOutOfRangeError,
  addWorkingDays,
  holidayDataCoverage,
  holidayNameOf,
  isMakeUpWorkingDay,
  isStatutoryHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
} from './holidays';
export type { ReportingSchedule } from './schedule';
export { InvalidReportingScheduleError, nextReportDue, reportDueDatesBetween } from './schedule';
export type { ColourInput, WarningColour } from './ladder';
export { DEFAULT_WARNING_WINDOW_DAYS, colourFor, nextColourChangeAt, warningWindowStart } from './ladder';
