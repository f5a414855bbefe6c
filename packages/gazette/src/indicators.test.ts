import { describe, expect, it } from 'vitest';
import { extractIndicators } from './indicators';

const brief = (text: string) =>
  extractIndicators(text).map((i) =>
    [i.name, i.comparison, i.target, i.unit, i.year ?? null, i.baselineYear ?? null].join('|'),
  );

describe('extractIndicators', () => {
  it('reads comparisons with inclusive and exclusive bounds', () => {
    expect(
      brief('到2022年，全县绿化率达到35%以上，漏损率下降到8%以内，产值突破20亿，投诉不超过5次。'),
    ).toEqual([
      '全县绿化率|gte|35|%|2022|',
      '漏损率|lte|8|%|2022|',
      '产值|gt|20|亿元|2022|',
      '投诉|lte|5|次|2022|',
    ]);
  });

  it('reads changes against a baseline year and without one', () => {
    expect(brief('单位能耗比2018年降低12.5%，碳排放降低3%')).toEqual([
      '单位能耗|reduce-by|12.5|%||2018',
      '碳排放|reduce-by|3|%||',
    ]);
    expect(brief('到位资金增长15%以上')).toEqual(['到位资金|increase-by|15|%||']);
  });

  it('skips the past ("由…下降") and prohibitions', () => {
    expect(brief('增速由去年下降5%，实现正增长')).toEqual(['增速|gt|0|%||']);
    expect(brief('严禁使用硫份大于1%的煤')).toEqual([]);
  });

  it('pairs 分别 lists name by name', () => {
    expect(brief('甲率、乙率分别达到40%、50%')).toEqual(['甲率|gte|40|%||', '乙率|gte|50|%||']);
  });

  it('reads shares of a population and counts', () => {
    expect(brief('2021年，实现80%的家长参与，60%的学生使用')).toEqual([
      '家长参与|gte|80|%|2021|',
      '学生使用|gte|60|%|2021|',
    ]);
    expect(brief('建设口袋公园6处')).toEqual(['建设口袋公园|eq|6|处||']);
  });

  it('keeps the exact source phrase, full-width punctuation included', () => {
    const [first] = extractIndicators('到2020年，用水总量控制在3.5亿立方米以内。');
    expect(first?.phrase).toBe('用水总量控制在3.5亿立方米以内');
    expect(first?.year).toBe(2020);
  });
});
