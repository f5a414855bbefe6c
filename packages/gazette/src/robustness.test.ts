import { describe, expect, it } from 'vitest';
import { parseGazette, ParsedGazetteSchema } from './index';

/** A small invented issue with the flaws of a PDF conversion. */
const SAMPLE = [
  '# 青铜峡市人民政府公报',
  '2020年第1期',
  '## 目 录',
  '关于印发《示范工作方案》的通知',
  '青政办发[2020]7号',
  '..... (3)',
  '关于一份不存在文件的通知',
  '青政办发[2020]9号',
  '..... (8)',
  '',
  '# 青铜峡市人民政府办公室 关于印发《示范 工作方案》的通知',
  '',
  '青政办发〔2020〕8号',
  '',
  '各镇人民政府，市直各部门：',
  '',
  '现将《示范工作方案》印发给你们，请认真贯彻落实。',
  '',
  '青铜峡市人民政府办公室',
  '',
  '2020年3月2日',
  '',
  '（此件公开发布）',
  '',
  '## 示范工作方案',
  '',
  '**牵头单位：**市教育局',
  '',
  '### 一、重点任务',
  '',
  '（一）强化保障',
  '',
  '**1.加强校园安全管理。**到2020年，校园监控覆盖率达到',
  '',
  '— 3 —',
  '',
  '青铜峡市人民政府公报',
  '',
  '95%以上。',
  '',
  '**牵头单位：**市教育局、公安局',
  '',
  '**配合单位：**市太空局、财政局',
  '',
  '**2.完善投入机制，保障经费按期拨付到位，2020年6月底前完成**',
  '',
  '12',
  '',
  '**首批拨付。**',
  '',
  '**责任单位：**市财政局',
  '',
  '# 青铜峡市人民政府 关于做好春耕工作的通知',
  '',
  '青政发〔2020〕3号',
  '',
  '各镇人民政府：',
  '',
  '### 一、工作任务',
  '',
  '（一）抓好农资供应。市农业农村局要会同市场监管局做好农资保障。',
  '',
  '（二）做好宣传。',
].join('\n');

describe('parseGazette on a flawed invented issue', () => {
  const gazette = parseGazette(SAMPLE);
  const [plan, notice] = gazette.documents;

  it('finds both documents and validates', () => {
    expect(gazette.documents.map((d) => d.docNo)).toEqual(['青政办发〔2020〕8号', '青政发〔2020〕3号']);
    expect(ParsedGazetteSchema.safeParse(gazette).success).toBe(true);
    expect(plan?.title).toBe('关于印发《示范工作方案》的通知');
    expect(plan?.issuedOn).toBe('2020-03-02');
    expect(plan?.published).toBe(true);
    expect(gazette.issue).toEqual({ year: 2020, number: 1 });
  });

  it('joins a sentence across a page break with its footer and header', () => {
    const [safety] = plan?.tasks ?? [];
    expect(safety?.title).toBe('加强校园安全管理');
    expect(safety?.text).toBe('加强校园安全管理。到2020年，校园监控覆盖率达到95%以上。');
    expect(safety?.indicators).toEqual([
      {
        name: '校园监控覆盖率',
        comparison: 'gte',
        target: 95,
        unit: '%',
        year: 2020,
        phrase: '校园监控覆盖率达到95%以上',
      },
    ]);
    expect(safety?.path).toEqual(['一、重点任务', '(一)强化保障']);
  });

  it('joins a bold run broken by a page number and reads full-width labels', () => {
    const funding = plan?.tasks[1];
    expect(funding?.ref).toBe('一.2');
    expect(funding?.text).toBe('完善投入机制，保障经费按期拨付到位，2020年6月底前完成首批拨付。');
    expect(funding?.deadlines).toEqual([{ date: '2020-06-30', phrase: '2020年6月底前', rule: 'month-end' }]);
    expect(funding?.lead.map((u) => u.code)).toEqual(['fin']);
  });

  it('reports an unknown unit and keeps the known ones', () => {
    const [safety] = plan?.tasks ?? [];
    expect(safety?.lead.map((u) => u.code)).toEqual(['edu', 'police']);
    expect(safety?.cooperating.map((u) => u.code)).toEqual(['fin']);
    expect(gazette.warnings).toContainEqual(
      expect.objectContaining({ kind: 'unknown-unit', docNo: '青政办发〔2020〕8号', line: 43 }),
    );
  });

  it('reports a responsibility line that belongs to no item', () => {
    expect(gazette.warnings).toContainEqual(
      expect.objectContaining({ kind: 'unplaced-text', line: 27, docNo: '青政办发〔2020〕8号' }),
    );
  });

  it('reports 目录 disagreements and missing entries', () => {
    const toc = gazette.warnings.filter((w) => w.kind.startsWith('toc-'));
    expect(toc.map((w) => [w.kind, w.line])).toEqual([
      ['toc-mismatch', 5],
      ['toc-missing', 8],
      ['toc-missing', 53],
    ]);
  });

  it('reads a notice without a date, with prose duties', () => {
    expect(notice?.issuedOn).toBeUndefined();
    expect(gazette.warnings).toContainEqual(
      expect.objectContaining({ kind: 'missing-field', docNo: '青政发〔2020〕3号' }),
    );
    const [supply, publicity] = notice?.tasks ?? [];
    expect(supply?.lead.map((u) => u.code)).toEqual(['agri']);
    expect(supply?.cooperating.map((u) => u.code)).toEqual(['market']);
    expect(publicity?.lead).toEqual([]);
    expect(gazette.warnings).toContainEqual(
      expect.objectContaining({ kind: 'no-lead-unit', docNo: '青政发〔2020〕3号', line: 63 }),
    );
  });
});
