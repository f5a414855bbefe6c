// The dates of 青政办发〔2019〕39号: the plan's month parts (六 实施步骤), the payment deadlines in
// statutory working days (六(四)), the service years (五(四)) and their half-years (七(三)).
// Pure and clock-free (the workflow passes dates in); holidays and 调休 come from @duban/calendar.
import {
  addCivilDays,
  addWorkingDays,
  civilDateFrom,
  civilDateParts,
  lastDayOfMonth,
  type CivilDate,
} from '@duban/calendar';

/** 上旬, 中旬, 下旬 of a month, as the plan of 六 writes its steps. */
export type MonthPart = '上旬' | '中旬' | '下旬';

/**
 * The deadline a month part stands for: the end of that part, i.e. 上旬 the 10th, 中旬 the 20th,
 * 下旬 the month's last day (so 2019年4月下旬 is 2019-04-30, 2019年2月下旬 would be 02-28).
 */
export function monthPartDate(year: number, month: number, part: MonthPart): CivilDate {
  if (part === '上旬') return civilDateFrom(year, month, 10);
  if (part === '中旬') return civilDateFrom(year, month, 20);
  return lastDayOfMonth(year, month);
}

/** Reads "2019年5月中旬" into its deadline; null when the phrase is not a month part. */
export function parseMonthPart(phrase: string): CivilDate | null {
  const m = /^(\d{4})年(\d{1,2})月(上旬|中旬|下旬)$/.exec(phrase.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return monthPartDate(Number(m[1]), month, m[3] as MonthPart);
}

/** The three payments of a service year (六(四)): 50%, 40%, and the rest. */
export type PaymentPart = 'first' | 'mid' | 'final';

/** 六(四): working days allowed for each payment, counted from the day after its trigger. */
export const PAYMENT_WORKING_DAYS: Record<PaymentPart, number> = { first: 15, mid: 15, final: 10 };

/**
 * 六(四): the day by which a payment is due, N working days after its trigger (the contract taking
 * effect; passing the mid-term evaluation; passing the final one). The trigger day itself does
 * not count (民法典 第二百零一条, see addWorkingDays); holidays are off and 调休 days are on.
 */
export function paymentDue(part: PaymentPart, trigger: CivilDate): CivilDate {
  return addWorkingDays(trigger, PAYMENT_WORKING_DAYS[part]);
}

/** 六(五): the provider recruits, trains and dispatches the officers within 15 working days of the contract. */
export const DISPATCH_WORKING_DAYS = 15;
export const dispatchDue = (contractSignedOn: CivilDate): CivilDate =>
  addWorkingDays(contractSignedOn, DISPATCH_WORKING_DAYS);

/** `date` moved by whole months, kept on the same day or the month's last day if shorter. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = civilDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = lastDayOfMonth(y, m);
  return day > civilDateParts(last).day ? last : civilDateFrom(y, m, day);
}

/** 五(四): the purchase runs three years from the contract taking effect. */
export const SERVICE_YEARS = 3;

/** Service year `n` (1–3): its first and last day. */
export function serviceYear(effectiveOn: CivilDate, n: number): { start: CivilDate; end: CivilDate } {
  const start = addMonths(effectiveOn, 12 * (n - 1));
  return { start, end: addCivilDays(addMonths(effectiveOn, 12 * n), -1) };
}

/** 七(三): the half-years of service year `n`; `half` 1 ends at the mid-term, 2 at the year's end. */
export function halfYearEnd(effectiveOn: CivilDate, n: number, half: 1 | 2): CivilDate {
  return addCivilDays(addMonths(effectiveOn, 12 * (n - 1) + 6 * half), -1);
}
