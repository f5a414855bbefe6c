// 青政办发〔2019〕34号 三: filing ahead (三.1, 三.3(1), 三.4(1)) and the claim windows (三.4(3)(4)).
import { describe, expect, it } from 'vitest';
import { claimDeadline, claimRefusal, filingDeadline, filingRefusal, settlementDueOn } from './windows';

describe('三.1, 三.3(1) 提前三天; 三.4(1) 提前一天', () => {
  it('a charter arriving 05-10 is filed by 05-07; 05-08 is refused naming the rule and the dates', () => {
    expect(filingDeadline('charter', '2019-05-10')).toBe('2019-05-07');
    expect(filingRefusal('charter', '2019-05-10', '2019-05-07')).toBeNull();
    const refusal = filingRefusal('charter', '2019-05-10', '2019-05-08');
    expect(refusal).toContain('三.1');
    expect(refusal).toContain('2019-05-10');
    expect(refusal).toContain('2019-05-07');
    expect(refusal).toContain('2019-05-08');
  });
  it('a coach group cites 三.3(1); a day tour arriving 05-10 is in time on 05-09, late on 05-10 (三.4(1))', () => {
    expect(filingRefusal('coach', '2019-05-10', '2019-05-08')).toContain('三.3(1)');
    expect(filingRefusal('day', '2019-05-10', '2019-05-09')).toBeNull();
    expect(filingRefusal('overnight', '2019-05-10', '2019-05-10')).toContain('三.4(1)');
  });
});

describe('三.4(3) 包机、专列、大巴 当月30日', () => {
  it('a trip ending 05-12 is due 05-30; the 30th is in time, the 31st is not', () => {
    expect(claimDeadline('train', '2019-05-12')).toBe('2019-05-30');
    expect(claimRefusal('train', '2019-05-12', '2019-05-30')).toBeNull();
    expect(claimRefusal('train', '2019-05-12', '2019-05-31')).toContain('不再接受补报');
  });
  it('a trip ending after the 30th (05-31) is due the next month’s 30th; February has no 30th: its last day', () => {
    expect(claimDeadline('charter', '2019-05-31')).toBe('2019-06-30');
    expect(claimDeadline('coach', '2019-02-10')).toBe('2019-02-28');
    expect(claimDeadline('coach', '2019-12-31')).toBe('2020-01-30');
  });
  it('the next-month reading moves every trip a month on', () => {
    expect(claimDeadline('train', '2019-05-12', 'next-month')).toBe('2019-06-30');
    expect(claimDeadline('train', '2019-01-12', 'next-month')).toBe('2019-02-28');
  });
  it('no claim before the trip has ended', () => {
    expect(claimRefusal('train', '2019-05-12', '2019-05-11')).toContain('离青后');
  });
});

describe('三.4(4) 一日游、过夜游 每一季度第一个月的15日之前报送上一季度材料', () => {
  it('a tour of 06-30 is due 07-15; one of 07-01 (the next quarter) is due 10-15', () => {
    expect(claimDeadline('day', '2019-06-30')).toBe('2019-07-15');
    expect(claimDeadline('day', '2019-07-01')).toBe('2019-10-15');
  });
  it('the 15th is in time, the 16th is refused; the fourth quarter is due 2020-01-15', () => {
    expect(claimRefusal('overnight', '2019-06-30', '2019-07-15')).toBeNull();
    expect(claimRefusal('overnight', '2019-06-30', '2019-07-16')).toContain('三.4(4)');
    expect(claimDeadline('overnight', '2019-11-20')).toBe('2020-01-15');
  });
  it('the year settles once every window of its trips has closed', () => {
    expect(settlementDueOn(2019)).toBe('2020-01-31');
  });
});
