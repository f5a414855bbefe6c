import { describe, expect, it } from 'vitest';
import { holidayNameOf, isMakeUpWorkingDay } from '@duban/calendar';
import {
  addMonths,
  dispatchDue,
  halfYearEnd,
  monthPartDate,
  parseMonthPart,
  paymentDue,
  serviceYear,
} from './dates';

describe('the plan of 六 实施步骤: month parts to deadlines', () => {
  it('上旬 is the 10th, 中旬 the 20th, 下旬 the last day of the month', () => {
    // 六(一) 项目申请 2019年4月下旬; (二) 组织实施 5月上旬; (三) 签订合同 5月中旬; (四) 资金拨付 5月下旬.
    expect(parseMonthPart('2019年4月下旬')).toBe('2019-04-30');
    expect(parseMonthPart('2019年5月上旬')).toBe('2019-05-10');
    expect(parseMonthPart('2019年5月中旬')).toBe('2019-05-20');
    expect(parseMonthPart('2019年5月下旬')).toBe('2019-05-31');
    // 六(五) 人员派遣 2019年6月上旬.
    expect(parseMonthPart('2019年6月上旬')).toBe('2019-06-10');
    expect(monthPartDate(2019, 2, '下旬')).toBe('2019-02-28');
    expect(monthPartDate(2020, 2, '下旬')).toBe('2020-02-29');
    expect(parseMonthPart('2019年13月上旬')).toBeNull();
    expect(parseMonthPart('2019年5月底')).toBeNull();
  });
});

describe('六(四) payments and 六(五) dispatch in statutory working days (holidays off, 调休 on)', () => {
  it('50% within 15 working days of the contract of 2019-05-20 taking effect: 端午 (06-07) is off, so 06-11', () => {
    expect(holidayNameOf('2019-06-07')).toContain('端午');
    expect(paymentDue('first', '2019-05-20')).toBe('2019-06-11');
    // 六(五): officers dispatched within 15 working days of the contract: the same day.
    expect(dispatchDue('2019-05-20')).toBe('2019-06-11');
  });

  it('a contract taking effect in late September counts through 国庆 and its two make-up Saturdays/Sundays', () => {
    expect(isMakeUpWorkingDay('2019-09-29')).toBe(true);
    expect(isMakeUpWorkingDay('2019-10-12')).toBe(true);
    // 09-26, 09-27, 09-29 (调休), 09-30, then 10-01…07 off, 10-08 … 10-12 (调休) … 10-21.
    expect(paymentDue('first', '2019-09-25')).toBe('2019-10-21');
    // Without the make-up days it would be 10-23; without the holiday 10-16.
    expect(paymentDue('first', '2019-09-25')).not.toBe('2019-10-23');
  });

  it('40% within 15 working days of passing the mid-term evaluation; the rest within 10 of passing the final one', () => {
    // Passed on Friday 2019-12-06: 15 working days is Friday 12-27.
    expect(paymentDue('mid', '2019-12-06')).toBe('2019-12-27');
    // Passed on 2020-05-22 (Friday): 10 working days is 06-05 (端午 2020 is 06-25, not in the way).
    expect(paymentDue('final', '2020-05-22')).toBe('2020-06-05');
    // Passed just before 春节 2020, extended to 02-02 (国办发明电〔2020〕1号; the make-up Saturday 02-01
    // fell inside the extension): 01-19 (调休), 01-20…23, then 02-03…07 → 2020-02-07.
    expect(paymentDue('final', '2020-01-17')).toBe('2020-02-07');
  });
});

describe('五(四) three service years and 七(三) their half-years', () => {
  it('a service year runs from the contract taking effect to the day before its anniversary', () => {
    expect(serviceYear('2019-05-20', 1)).toEqual({ start: '2019-05-20', end: '2020-05-19' });
    expect(serviceYear('2019-05-20', 3)).toEqual({ start: '2021-05-20', end: '2022-05-19' });
    expect(halfYearEnd('2019-05-20', 1, 1)).toBe('2019-11-19');
    expect(halfYearEnd('2019-05-20', 1, 2)).toBe('2020-05-19');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
  });
});
