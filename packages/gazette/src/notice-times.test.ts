import { describe, expect, it } from 'vitest';
import { extractDeadlines, extractIndicators, undatedPhrases } from './index';

const inText = { year: 2024, from: 'text' as const };
const dated = (text: string) =>
  extractDeadlines(text, inText).deadlines.map(
    (d) => `${d.phrase}=${d.date}/${d.rule}${d.yearFrom ? `/${d.yearFrom}` : ''}`,
  );

describe('notice deadlines', () => {
  it("dates yearless phrases in the notice's year and says where the year came from", () => {
    expect(dated('6月底前完成，9月底验收')).toEqual([
      '6月底前=2024-06-30/month-end/text',
      '9月底=2024-09-30/month-end/text',
    ]);
    expect(dated('年底前')).toEqual(['年底前=2024-12-31/year-end/text']);
    expect(dated('上半年启动，下半年见效，年内完成')).toEqual([
      '上半年=2024-06-30/half-year-end/text',
      '下半年=2024-12-31/half-year-end/text',
      '年内=2024-12-31/within-year/text',
    ]);
    expect(dated('5月上旬、5月中旬、2月下旬')).toEqual([
      '5月上旬=2024-05-10/early-month/text',
      '5月中旬=2024-05-20/mid-month/text',
      '2月下旬=2024-02-29/late-month/text',
    ]);
    expect(dated('6月30日前')).toEqual(['6月30日前=2024-06-30/explicit-date/text']);
    const fromDate = extractDeadlines('3月底前', { year: 2025, from: 'document-date' }).deadlines;
    expect(fromDate).toEqual([
      { date: '2025-03-31', phrase: '3月底前', rule: 'month-end', yearFrom: 'document-date' },
    ]);
  });

  it('keeps a stated year, and without a year reports rather than guesses', () => {
    expect(dated('2025年3月底前')).toEqual(['2025年3月底前=2025-03-31/month-end']);
    expect(extractDeadlines('6月底前完成')).toEqual({ deadlines: [], unparsed: ['6月底前'] });
    expect(extractDeadlines('3月前完成', inText).unparsed).toEqual(['3月前']);
  });

  it('keeps undated phrases verbatim; in running text only the unambiguous ones', () => {
    expect(undatedPhrases('长期坚持', true)).toEqual(['长期坚持']);
    expect(undatedPhrases('持续推进', true)).toEqual(['持续推进']);
    expect(undatedPhrases('每季度', true)).toEqual(['每季度']);
    expect(undatedPhrases('5个工作日内', true)).toEqual(['5个工作日内']);
    expect(undatedPhrases('每月23日前报送', true)).toEqual([]);
    expect(undatedPhrases('持续推进产业升级，收到后5个工作日内办结', false)).toEqual(['5个工作日内']);
  });
});

describe('notice indicators', () => {
  const read = (text: string) =>
    extractIndicators(text).map(
      (i) => `${i.name}|${i.comparison}|${i.target}${i.unit}${i.approximate ? '~' : ''}`,
    );

  it('keeps the comparison each target states', () => {
    expect(read('地区生产总值增长8%以上')).toEqual(['地区生产总值|increase-by|8%']);
    expect(read('固定资产投资增长10%左右')).toEqual(['固定资产投资|increase-by|10%~']);
    expect(read('社会消费品零售总额达到50亿元左右')).toEqual(['社会消费品零售总额|approx|50亿元']);
    expect(read('粮食播种面积不低于60万亩')).toEqual(['粮食播种面积|gte|60万亩']);
    expect(read('新建幼儿园不少于3所')).toEqual(['新建幼儿园|gte|3所']);
  });

  it('reads amounts a verb sets, with their units', () => {
    expect(read('新增市场主体500家以上')).toEqual(['新增市场主体|gte|500家']);
    expect(read('完成投资5000万元')).toEqual(['完成投资|eq|5000万元']);
    expect(read('培训农民1000人次')).toEqual(['培训农民|eq|1000人次']);
    expect(read('新建改造户厕1500户左右')).toEqual(['新建改造户厕|approx|1500户']);
  });
});
