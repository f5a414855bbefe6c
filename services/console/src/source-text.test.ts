import { describe, expect, it } from 'vitest';
import { plainSourceLine, plainSourceText } from '../public/source-text.js';

// Issue 14 point 7: the console shows the gazette's text as written, without the Markdown markers
// of the stored file (data/gazette/qingtongxia-gazette-2019-02.md).
describe('plainSourceText', () => {
  it('drops heading markers (青政办发〔2019〕40号 "#### 四、保障措施")', () => {
    expect(plainSourceLine('#### 四、保障措施')).toBe('四、保障措施');
    expect(plainSourceLine('## 青铜峡市“项目提质增效年”活动实施方案')).toBe(
      '青铜峡市“项目提质增效年”活动实施方案',
    );
  });

  it('drops bold markers around a lead-in (青党办〔2019〕65号 二 1.)', () => {
    expect(plainSourceLine('**1.大力发展绿色工业。**坚持“轻重并举、轻工优先”方针')).toBe(
      '1.大力发展绿色工业。坚持“轻重并举、轻工优先”方针',
    );
  });

  it('reads a table of prose as its cells, without pipes or the rule line', () => {
    expect(
      plainSourceText(['| 序号 | 工作任务 | 牵头单位 |', '| --- | --- | --- |', '| 1 | 建立台账 | 教育局 |']),
    ).toBe('序号\u3000工作任务\u3000牵头单位\n1\u3000建立台账\u3000教育局');
  });

  it('leaves plain text as it is', () => {
    const text = '(三)确保配套幼儿园如期移交。已建成的配套幼儿园应按照规定及时移交教育局。';
    expect(plainSourceText(text)).toBe(text);
  });
});
