import { describe, expect, it } from 'vitest';
import { extractDeadlines, extractRecurringDeadlines, reportingFrequency } from './deadlines';

const dates = (text: string) =>
  extractDeadlines(text).deadlines.map((d) => `${d.date} ${d.rule} ${d.phrase}`);

describe('extractDeadlines', () => {
  it('applies each rule of DESIGN §5', () => {
    expect(dates('各单位于2019年6月30日前报送。')).toEqual(['2019-06-30 explicit-date 2019年6月30日前']);
    expect(dates('2020年2月底前完成验收')).toEqual(['2020-02-29 month-end 2020年2月底前']);
    expect(dates('2019年2月底前完成验收')).toEqual(['2019-02-28 month-end 2019年2月底前']);
    expect(dates('力争2021年底前全面建成')).toEqual(['2021-12-31 year-end 2021年底前']);
    expect(dates('到2025年，覆盖率达到90%')).toEqual(['2025-12-31 by-year 到2025年']);
    expect(dates('任务如下。2023年，完成改造')).toEqual(['2023-12-31 in-year 2023年']);
    expect(dates('2020年上半年完成招标')).toEqual(['2020-06-30 half-year-end 2020年上半年']);
    expect(dates('2020年3月上旬、2020年3月中旬、2020年2月下旬')).toEqual([
      '2020-03-10 early-month 2020年3月上旬',
      '2020-03-20 mid-month 2020年3月中旬',
      '2020-02-29 late-month 2020年2月下旬',
    ]);
  });

  it('lets the longer phrase win: 到2018年底 is year-end, not by-year', () => {
    expect(dates('到2018年底，污水处理率达到85%')).toEqual(['2018-12-31 year-end 到2018年底']);
  });

  it('ignores years that are no deadline', () => {
    expect(dates('比2015年下降18%，《规划（2016—2020年）》，宁政办发〔2018〕118号，2019年起实施')).toEqual(
      [],
    );
    expect(dates('2017年—2018年建成的项目，2013年以来新增的活动')).toEqual([]);
  });

  it('works on full-width punctuation and rejects impossible dates', () => {
    expect(dates('二是，2022年，实现全覆盖')).toEqual(['2022-12-31 in-year 2022年']);
    expect(dates('2019年2月30日前')).toEqual([]);
  });

  it('reports a month or half-year without a year instead of guessing', () => {
    expect(extractDeadlines('力争在6月份前实现达产达效，下半年再组织一次').unparsed).toEqual([
      '6月份前',
      '下半年',
    ]);
    expect(extractDeadlines('2019年6月底前完成').unparsed).toEqual([]);
  });
});

describe('recurring deadlines and reporting', () => {
  it('reads monthly and quarterly dates', () => {
    expect(extractRecurringDeadlines('于每月10日前报送；每季度第二个月的5日前汇总')).toEqual([
      { frequency: 'monthly', day: 10, phrase: '每月10日前' },
      { frequency: 'quarterly', monthOfPeriod: 2, day: 5, phrase: '每季度第二个月的5日前' },
    ]);
  });

  it('takes the most frequent reporting rhythm', () => {
    expect(reportingFrequency('每季度通报一次，每周召开调度会')).toBe('weekly');
    expect(reportingFrequency('每月通报投资完成率')).toBe('monthly');
    expect(reportingFrequency('按月发放工资')).toBeUndefined();
  });
});
