import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxOf, xlsxOf } from '../fixtures/office-files';
import { parseGazette, parseNotice, ParsedGazetteSchema, readNotice } from './index';
import type { ParsedGazette, Task } from './index';

const TOWNS =
  'town-xiaoba+town-daba+town-qingtongxia+town-yesheng+town-qujing+town-xiakou+town-shaogang+town-chenyuantan';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** What a task says, without where it stands (line numbers differ between text, docx and xlsx). */
const gist = (t: Task) => ({
  ref: t.ref,
  title: t.title,
  path: t.path,
  lead: t.lead.map((u) => u.code),
  cooperating: t.cooperating.map((u) => u.code),
  leader: t.responsibleLeader,
  deadlines: t.deadlines.map((d) => `${d.phrase}=${d.date}/${d.rule}${d.yearFrom ? `/${d.yearFrom}` : ''}`),
  recurring: t.recurringDeadlines.map((r) => `${r.frequency}:${r.day}`),
  phrases: t.deadlinePhrases ?? [],
  indicators: t.indicators.map(
    (i) => `${i.name}|${i.comparison}|${i.target}${i.unit}${i.approximate ? '~' : ''}`,
  ),
});

const gistOf = (parsed: ParsedGazette) => ({
  key: parsed.documents[0]?.key,
  tasks: parsed.documents[0]?.tasks.map(gist),
  warnings: parsed.warnings.map((w) => `${w.kind}: ${w.message}`),
});

/** The fixture as text, as a Word file and as a spreadsheet: the same tasks from each. */
async function threeWays(name: string) {
  const md = fixture(name);
  const text = ParsedGazetteSchema.parse(parseNotice(md));
  const docx = await readNotice({ bytes: await docxOf(md), fileName: 'notice.docx' });
  const xlsx = await readNotice({ bytes: await xlsxOf(md), fileName: 'notice.xlsx' });
  expect(docx.kind).toBe('docx');
  expect(xlsx.kind).toBe('xlsx');
  expect(gistOf(ParsedGazetteSchema.parse(parseNotice(docx.text)))).toEqual(gistOf(text));
  expect(gistOf(ParsedGazetteSchema.parse(parseNotice(xlsx.text)))).toEqual(gistOf(text));
  return text;
}

describe('parseNotice', () => {
  it('keeps the gazette exactly as parseGazette reads it', () => {
    const gazette = readFileSync(
      new URL('../../../data/gazette/qingtongxia-gazette-2019-02.md', import.meta.url),
      'utf8',
    );
    expect(parseNotice(gazette)).toEqual(parseGazette(gazette));
    expect(parseGazette(gazette).documents.every((d) => d.key === d.docNo)).toBe(true);
  });

  it("reads a notice in the gazette's own layouts without its 文号 as the gazette reads it with one", () => {
    const gazette = readFileSync(
      new URL('../../../data/gazette/qingtongxia-gazette-2019-02.md', import.meta.url),
      'utf8',
    );
    const original = parseGazette(gazette).documents.find((d) => d.docNo === '青政办发〔2019〕31号');
    const lines = gazette.split('\n');
    const start = original?.startLine ?? 0;
    const notice = lines
      .slice(start - 1, original?.endLine)
      .filter((line) => !line.includes('青政办发〔2019〕31号'))
      .join('\n');
    const doc = parseNotice(notice).documents[0];
    expect(doc?.key).toBe('无文号:关于印发《青铜峡市城镇小区配套幼儿园治理工作方案》的通知');
    expect(doc?.issuedOn).toBe(original?.issuedOn);
    const summary = (t: Task) => [
      t.ref,
      t.title,
      t.lead.map((u) => u.code),
      t.cooperating.map((u) => u.code),
    ];
    expect(doc?.tasks.map(summary)).toEqual(original?.tasks.map(summary));
  });

  it('reads numbered tasks with labelled lines (text, docx, xlsx)', async () => {
    const parsed = await threeWays('labelled.md');
    const doc = parsed.documents[0];
    expect(doc?.docNo).toBeUndefined();
    expect(doc?.key).toBe('无文号:关于印发2024年优化营商环境重点任务分工方案的通知');
    expect(doc?.issuedOn).toBe('2024-03-05');
    expect(doc?.issuers.map((u) => u.code)).toEqual(['gov-office']);
    expect(doc?.addressees).toBe('各镇人民政府，市政府各部门');
    expect(doc?.tasks.map(gist)).toEqual([
      expect.objectContaining({
        ref: '一.1',
        path: ['一、提升政务服务效能'],
        lead: ['market'],
        cooperating: ['police', 'tax'],
        leader: '王明',
        deadlines: ['6月底前=2024-06-30/month-end/text'],
        indicators: ['开办时间|lte|1工作日'],
      }),
      expect.objectContaining({
        ref: '一.2',
        lead: ['market'],
        cooperating: ['commerce'],
        deadlines: ['年底前=2024-12-31/year-end/text'],
        indicators: ['新增市场主体|gte|500家'],
      }),
      expect.objectContaining({
        ref: '二.(一)',
        lead: ['natres'],
        phrases: ['长期坚持'],
        indicators: ['保障重点项目用地|gte|300亩'],
      }),
      expect.objectContaining({ ref: '二.(二)', lead: ['fin'], cooperating: ['ndrc'], phrases: ['每季度'] }),
    ]);
    expect(doc?.tasks[3]?.reportingFrequency).toBe('quarterly');
    expect(parsed.warnings).toEqual([
      {
        kind: 'unknown-unit',
        message: 'unknown unit "市数据局" in "市商务和投资促进局、市数据局"',
        line: 17,
      },
    ]);
  });

  it('reads measures closing with who leads and who co-operates (text, docx, xlsx)', async () => {
    const parsed = await threeWays('parenthetical.md');
    const doc = parsed.documents[0];
    expect(doc?.key).toBe('无文号:青铜峡市农村人居环境整治实施方案');
    expect(doc?.tasks.map(gist)).toEqual([
      expect.objectContaining({
        ref: '一.(一)',
        title: '开展村庄清洁行动',
        lead: ['agri'],
        cooperating: expect.arrayContaining(['hous', 'town-xiaoba']),
        indicators: ['全年组织集中清洁活动|gte|12次', '农村生活垃圾收运处置体系覆盖率|gte|95%'],
      }),
      expect.objectContaining({
        ref: '一.(二)',
        lead: ['agri'],
        cooperating: ['health'],
        deadlines: ['上半年=2024-06-30/half-year-end/document-date'],
        indicators: ['新建改造户厕|approx|1500户'],
      }),
      expect.objectContaining({
        ref: '一.(三)',
        lead: ['hous'],
        deadlines: ['8月中旬=2024-08-20/mid-month/document-date'],
        phrases: ['10个工作日内'],
        indicators: [],
      }),
    ]);
    expect(doc?.tasks.every((t) => t.kind === 'measure')).toBe(true);
    expect(doc?.articles.map((a) => a.ref)).toEqual(['序言', '二']);
  });

  it('reads a task table with section rows, sub-rows and repeated cells (text, docx, xlsx)', async () => {
    const parsed = await threeWays('table.md');
    const tasks = parsed.documents[0]?.tasks.map(gist);
    expect(tasks?.map((t) => [t.ref, t.path.join(' / '), t.lead.join(), t.cooperating.join()])).toEqual([
      ['一.1.1', '一、产业发展 / 壮大特色产业', 'miit', 'fin'],
      ['一.1.2', '一、产业发展 / 壮大特色产业', 'miit', 'stats'],
      ['一.2.1', '一、产业发展 / 扩大有效投资', 'ndrc', expect.stringContaining('town-xiaoba')],
      ['二.3.1', '二、民生保障 / 稳定就业', 'hrss', ''],
      ['二.4.1', '二、民生保障 / 办好民生实事', 'edu', 'hous'],
      ['二.4.2', '二、民生保障 / 办好民生实事', 'edu', 'hous'],
    ]);
    expect(tasks?.map((t) => [...t.deadlines, ...t.recurring, ...t.phrases])).toEqual([
      ['9月下旬=2024-09-30/late-month/text'],
      ['年内=2024-12-31/within-year/text'],
      ['monthly:23'],
      ['持续推进'],
      ['2025年3月底前=2025-03-31/month-end'],
      ['适时启动'],
    ]);
    expect(tasks?.map((t) => t.indicators)).toEqual([
      ['培育规模以上工业企业|eq|10家'],
      ['工业总产值|increase-by|8%'],
      ['完成固定资产投资|approx|50亿元'],
      ['城镇新增就业|gte|1200人'],
      ['新建幼儿园|eq|2所'],
      [],
    ]);
    const warnings = parsed.warnings.filter((w) => w.kind !== 'missing-field');
    expect(warnings).toEqual([
      { kind: 'unknown-unit', message: 'unknown unit "市医保局" in "市医保局"', line: 10 },
      {
        kind: 'unparsed-deadline',
        message: '完成时限 "适时启动" in 二.4.2 gives no date; kept as written',
        line: 12,
      },
    ]);
  });

  it('reads several layouts in one notice with a 文号, its attachment table included (text, docx, xlsx)', async () => {
    const parsed = await threeWays('mixed.md');
    const doc = parsed.documents[0];
    expect(parsed.documents).toHaveLength(1);
    expect(doc?.key).toBe('青政办发〔2025〕7号');
    expect(doc?.docNo).toBe('青政办发〔2025〕7号');
    expect(doc?.title).toBe('关于做好2025年春季农业生产工作的通知');
    expect(
      doc?.tasks
        .map(gist)
        .map((t) => [t.ref, t.path.join(' / '), t.lead.join(), [...t.deadlines, ...t.phrases].join()]),
    ).toEqual([
      ['一.1', '一、稳定粮食生产', 'agri', '5月上旬=2025-05-10/early-month/text'],
      ['二.(一)', '二、抓好设施农业', 'agri', ''],
      ['二.(二)', '二、抓好设施农业', 'agri', '4月30日前=2025-04-30/explicit-date/text'],
      ['1', '附件1 春耕重点项目清单', 'agri', '3月底前=2025-03-31/month-end/text'],
      ['2', '附件1 春耕重点项目清单', 'water', '长期坚持'],
    ]);
    expect(doc?.tasks.map((t) => t.kind)).toEqual(['task', 'measure', 'measure', 'task', 'task']);
    expect(doc?.tasks[1]?.cooperating.map((u) => u.code)).toEqual(['natres', 'fin']);
    expect(
      doc?.tasks.flatMap((t) => t.indicators.map((i) => `${i.name}|${i.comparison}|${i.target}${i.unit}`)),
    ).toEqual([
      '粮食播种面积|gte|30万亩',
      '新建高标准农田|eq|2万亩',
      '建设育秧中心|eq|1个',
      '整治渠道|eq|50公里',
    ]);
    expect(parsed.units.find((u) => u.code === 'agri')?.documents).toEqual(['青政办发〔2025〕7号']);
  });

  it('reads a pasted notice with no title line, 文号 or date, and says what is missing', () => {
    const parsed = parseNotice('1.完成村道硬化20公里。\n责任单位：市交通运输局\n完成时限：9月底前\n');
    const task = parsed.documents[0]?.tasks[0];
    expect(task?.lead.map((u) => u.code)).toEqual(['transport']);
    // No year anywhere: the phrase is kept and reported, never dropped.
    expect(task?.deadlines).toEqual([]);
    expect(task?.deadlinePhrases).toEqual(['9月底前']);
    expect(parsed.warnings.map((w) => w.kind)).toEqual(
      expect.arrayContaining(['missing-field', 'unparsed-deadline']),
    );
  });

  // The rule that makes 28号 三(九)'s six bureaus six items, on a notice it was not written for:
  // a clause giving units a paragraph each ("水务局：要…") is one item per unit, dated as written.
  it('makes each unit of a clause divided among units an item of its own (as 28号 三(九))', () => {
    const parsed = parseNotice(fixture('divided-duties.md'));
    const tasks = parsed.documents[0]?.tasks ?? [];
    expect(tasks.map((t) => [t.ref, t.lead.map((u) => u.code).join('+')])).toEqual([
      ['一.(一).1', 'water'],
      ['一.(一).2', 'eco'],
      ['一.(一).3', 'natres+agri'],
      ['一.(二)', TOWNS],
    ]);
    const [water, eco] = tasks;
    expect(water?.deadlines).toEqual([{ date: '2025-06-30', phrase: '于2025年6月底前', rule: 'month-end' }]);
    // A paragraph that names no unit runs on the share above it.
    expect(eco?.text).toBe('生态环境分局：要加强入河排污口监管，及时通报水质状况。');
    expect(eco?.deadlines).toEqual([]);
    expect(water?.path).toEqual(['一、压实部门责任', '(一)明确部门职责。各部门要按照职责分工抓好落实。']);
    // The clause's own words before the shares stay an article.
    expect(parsed.documents[0]?.articles.find((a) => a.ref === '一.(一)')?.text).toBe(
      '明确部门职责。各部门要按照职责分工抓好落实。',
    );
    expect(parsed.warnings).toEqual([]);
  });

  it('finds no document in empty text', () => {
    expect(parseNotice('  \n').documents).toEqual([]);
  });
});
