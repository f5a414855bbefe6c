import { describe, expect, it } from 'vitest';
import {
  areaOf,
  capRefusal,
  depositRule,
  halfYearOf,
  meetingPasses,
  nextHalfYear,
  reportColour,
  reportDue,
  settlementRefusal,
  termRefusal,
  tierOf,
} from './rules';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);

describe('青政发〔2019〕34号 rules', () => {
  it('第三十五条(二): the meeting passes with 80% of all members, not 79.9%', () => {
    expect(meetingPasses(10, 8)).toBe(true);
    expect(meetingPasses(1000, 800)).toBe(true);
    expect(meetingPasses(1000, 799)).toBe(false); // 79.9%
    expect(meetingPasses(45, 36)).toBe(true); // exactly 80%
    expect(meetingPasses(45, 35)).toBe(false);
  });

  it('第三十六–三十八条: <100 village, 100–500 town, ≥500 city; exactly 100 and 500 go to the stricter tier', () => {
    expect(tierOf(99.99)).toBe('village');
    expect(tierOf(100)).toBe('town');
    expect(tierOf(499.99)).toBe('town');
    expect(tierOf(500)).toBe('city');
    expect(tierOf(3000)).toBe('city');
    expect(areaOf([{ areaMu: 33.33 }, { areaMu: 33.33 }, { areaMu: 33.34 }])).toBe(100);
  });

  it('第二十三条: 5000 亩 per operator passes, one 亩 more fails naming the current and resulting totals', () => {
    expect(capRefusal(4000, 1000)).toBeNull();
    const refusal = capRefusal(4000, 1001);
    expect(refusal).toContain('第二十三条');
    expect(refusal).toContain('现已租赁（含在办）4000 亩');
    expect(refusal).toContain('合计将为 5001 亩');
  });

  it('第二十二条: the term ends no later than 2028-12-31', () => {
    expect(termRefusal('2019-05-01', '2028-12-31')).toBeNull();
    expect(termRefusal('2019-05-01', '2029-01-01')).toContain('第二十二条');
    expect(termRefusal('2019-05-01', '2019-05-01')).toContain('第三十一条');
  });

  it('第四十三、四十六、四十八条: 30% of the next year’s rent; from 100 亩, or any area for an outside operator', () => {
    const big = depositRule({ areaMu: 200, rentPerMuYear: 600, local: true, operatorKind: 'enterprise' });
    expect(big).toMatchObject({ required: true, yearRentYuan: 120000, cashYuan: 36000 });
    expect(big.basis).toContain('第四十六条');
    const small = depositRule({ areaMu: 99, rentPerMuYear: 600, local: true, operatorKind: 'household' });
    expect(small.required).toBe(false);
    const outside = depositRule({ areaMu: 50, rentPerMuYear: 500, local: false, operatorKind: 'household' });
    expect(outside).toMatchObject({ required: true, cashYuan: 7500 });
    expect(outside.basis).toContain('第四十八条');
  });

  it('rent comes before use, and the deposit in full (第四十三条)', () => {
    const a = { areaMu: 200, rentPerMuYear: 600, local: true, operatorKind: 'enterprise' as const };
    const cash = { arrangement: 'cash' as const, cleanRecord: false, rentPaidOn: '2019-06-01' };
    expect(settlementRefusal(a, { ...cash, rentPaidOn: null, paidYuan: 36000 })).toContain(
      '先付租金、后用地',
    );
    expect(settlementRefusal(a, { ...cash, paidYuan: 35999.99 })).toContain('36000 元');
    expect(settlementRefusal(a, { ...cash, paidYuan: 36000 })).toBeNull();
    expect(settlementRefusal(a, { ...cash, arrangement: 'not-required' })).toContain('须缴纳');
  });

  it('第四十六条: a pledge of fixed assets above 5× the year’s rent with a clean record', () => {
    const a = { areaMu: 200, rentPerMuYear: 600, local: false, operatorKind: 'enterprise' as const };
    const pledge = { arrangement: 'asset-pledge' as const, rentPaidOn: '2019-06-01', cleanRecord: true };
    expect(settlementRefusal(a, { ...pledge, fixedAssetsYuan: 600000 })).toContain('5倍');
    expect(settlementRefusal(a, { ...pledge, fixedAssetsYuan: 600000.01 })).toBeNull();
    expect(settlementRefusal(a, { ...pledge, fixedAssetsYuan: 1e7, cleanRecord: false })).toContain('信誉');
    expect(
      settlementRefusal({ ...a, operatorKind: 'household' }, { ...pledge, fixedAssetsYuan: 1e7 }),
    ).toContain('限于企业');
  });

  it('第四十七条: waived for a local household with a clean record up to 500 亩; 第四十五条: co-operatives pledge collective assets', () => {
    const a = { areaMu: 500, rentPerMuYear: 400, local: true, operatorKind: 'household' as const };
    const waive = { arrangement: 'waived' as const, rentPaidOn: '2019-06-01', cleanRecord: true };
    expect(settlementRefusal(a, waive)).toBeNull();
    expect(settlementRefusal({ ...a, areaMu: 500.01 }, waive)).toContain('500亩以下');
    expect(settlementRefusal({ ...a, local: false }, waive)).toContain('第四十八条');
    expect(settlementRefusal(a, { ...waive, cleanRecord: false })).toContain('信誉');
    const collective = {
      arrangement: 'collective-assets' as const,
      rentPaidOn: '2019-06-01',
      cleanRecord: false,
    };
    expect(settlementRefusal({ ...a, operatorKind: 'cooperative' }, collective)).toBeNull();
    expect(settlementRefusal(a, collective)).toContain('第四十五条');
  });

  it('第三十二条: half-yearly reports, due 31 days after the half; blue the last 7 days, then yellow when late, red 30 days on', () => {
    expect(halfYearOf('2019-06-30')).toBe('2019H1');
    expect(halfYearOf('2019-07-01')).toBe('2019H2');
    expect(nextHalfYear('2019H2')).toBe('2020H1');
    expect(reportDue('2019H2', 31)).toBe('2020-01-31');
    expect(reportDue('2020H1', 31)).toBe('2020-07-31');
    const ladder = { warningWindowDays: 7, redAfterDays: 30 };
    expect(reportColour(at('2020-01-25T00:00:00'), '2020-01-31', ladder)).toBe('blue');
    expect(reportColour(at('2020-01-24T23:59:59'), '2020-01-31', ladder)).toBe('green');
    expect(reportColour(at('2020-01-31T23:59:59'), '2020-01-31', ladder)).toBe('blue');
    expect(reportColour(at('2020-02-01T00:00:00'), '2020-01-31', ladder)).toBe('yellow');
    expect(reportColour(at('2020-03-01T23:59:59'), '2020-01-31', ladder)).toBe('yellow');
    expect(reportColour(at('2020-03-02T00:00:00'), '2020-01-31', ladder)).toBe('red');
  });
});
