import { describe, expect, it } from 'vitest';
import { mendSourceText, mendedText } from './source-text';

// Issue 14 point 7: OCR slips of the gazette are mended in titles and search; the original and
// each slip are kept for the provenance.
describe('mendSourceText', () => {
  it('青政办发〔2019〕34号 title: 引客人青 is 引客入青, and the stray space goes', () => {
    const original = '青铜峡市人民政府办公室 关于印发《青铜峡市2019年引客人青 奖励办法》的通知';
    const { text, slips } = mendSourceText(original);
    expect(text).toBe('青铜峡市人民政府办公室关于印发《青铜峡市2019年引客入青奖励办法》的通知');
    expect(slips.map((s) => [s.original, s.mended])).toEqual([
      [' ', ''],
      ['引客人青', '引客入青'],
      [' ', ''],
    ]);
    expect(original.slice(slips[1]!.at, slips[1]!.at + 4)).toBe('引客人青');
  });

  it('a stray English "and" between Chinese words is 和 (青党办〔2019〕65号 二 1.; 青政办发〔2019〕40号 二(三))', () => {
    expect(mendedText('以产业结构调整 and 转型升级为主线')).toBe('以产业结构调整和转型升级为主线');
    expect(mendedText('完成投资 and 重点项目投资完成率')).toBe('完成投资和重点项目投资完成率');
  });

  it('leaves English that is not between Chinese words, and clean text, alone', () => {
    expect(mendSourceText('R and D 投入').slips).toEqual([]);
    expect(mendSourceText('占一补一、先补后占、占优补优').slips).toEqual([]);
  });
});
