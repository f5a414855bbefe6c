import { describe, expect, it } from 'vitest';
import {
  managementFee,
  parseMinimumWage,
  paymentAmounts,
  recruitmentFee,
  trainingRefusal,
  wageCostPerMonth,
  yearBudget,
} from './costs';

const wage = { effectiveFrom: '2017-10-01', monthlyYuan: 1560 };

describe('五(三) 薪资待遇: the cost rules', () => {
  it('五(三)1: 工资及保险等费用 are twice the minimum wage per officer and month', () => {
    expect(wageCostPerMonth(wage)).toBe(3120);
    expect(wageCostPerMonth({ effectiveFrom: '2021-01-01', monthlyYuan: 1840.5 })).toBe(3681);
    expect(parseMinimumWage('2017-10-01:1560')).toEqual(wage);
    expect(parseMinimumWage('1560')).toBeNull();
  });

  it('五(三)2 and 七(四): training ¥60,000 a year with at least two sessions (以上 includes 2)', () => {
    expect(trainingRefusal(2)).toBeNull();
    expect(trainingRefusal(1)).toContain('七(四)');
  });

  it('五(三)3: management ¥150 per officer per month; 五(三)4: recruitment ¥6,000 per person', () => {
    expect(managementFee(12, 12)).toBe(21_600);
    expect(recruitmentFee(12)).toBe(72_000);
  });

  it('the first year of 12 officers (五(二)) and the three payments of 六(四) that add up to it', () => {
    const budget = yearBudget({ officers: 12, months: 12, wage, hired: 12 });
    expect(budget.lines.map((l) => [l.clause, l.yuan])).toEqual([
      ['五(三)1', 449_280],
      ['五(三)2', 60_000],
      ['五(三)3', 21_600],
      ['五(三)4', 72_000],
    ]);
    expect(budget.totalYuan).toBe(602_880);
    expect(paymentAmounts(budget.totalYuan)).toEqual({ first: 301_440, mid: 241_152, final: 60_288 });
    // Odd fen go to the rest, so the three always add up.
    const odd = paymentAmounts(100.01);
    expect(odd.first + odd.mid + odd.final).toBeCloseTo(100.01, 2);
  });
});
