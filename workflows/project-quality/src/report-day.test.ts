import { describe, expect, it } from 'vitest';
import { reportDueOn } from './report-day';

describe('report day of 四(三) ("每月25日前")', () => {
  it('is the 25th when that is a working day', () => {
    expect(reportDueOn(2019, 6, 25, 'next-working-day')).toBe('2019-06-25');
  });
  it('moves a Saturday 25th to Monday by 民法典第二百零三条 (the default setting)', () => {
    // 2019-05-25 is a Saturday.
    expect(reportDueOn(2019, 5, 25, 'next-working-day')).toBe('2019-05-27');
    // 2019-08-25 is a Sunday.
    expect(reportDueOn(2019, 8, 25, 'next-working-day')).toBe('2019-08-26');
  });
  it('moves it to the Friday before under the other setting, or keeps it as written', () => {
    expect(reportDueOn(2019, 5, 25, 'previous-working-day')).toBe('2019-05-24');
    expect(reportDueOn(2019, 5, 25, 'as-written')).toBe('2019-05-25');
  });
  it('counts a make-up working day (调休) as a working day', () => {
    // 2020-01-19 (Sunday) was a make-up working day before the Spring Festival.
    expect(reportDueOn(2020, 1, 19, 'next-working-day')).toBe('2020-01-19');
  });
});
