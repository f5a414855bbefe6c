import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGazette, ParsedGazetteSchema } from './index';
import type { GazetteDocument, ParsedGazette, Task } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const source = readFileSync(resolve(here, '../../../data/gazette/qingtongxia-gazette-2019-02.md'), 'utf8');
const TOWNS = [
  'town-xiaoba',
  'town-daba',
  'town-qingtongxia',
  'town-yesheng',
  'town-qujing',
  'town-xiakou',
  'town-shaogang',
  'town-chenyuantan',
];

let gazette: ParsedGazette;
beforeAll(() => {
  gazette = parseGazette(source);
});

const doc = (docNo: string): GazetteDocument => {
  const found = gazette.documents.find((d) => d.docNo === docNo);
  if (!found) throw new Error(`no document ${docNo}`);
  return found;
};
const task = (docNo: string, ref: string): Task => {
  const found = doc(docNo).tasks.find((t) => t.ref === ref);
  if (!found) throw new Error(`no task ${ref} in ${docNo}`);
  return found;
};
const codes = (refs: { code: string }[]) => refs.map((r) => r.code);

describe('documents', () => {
  it('finds the nine documents with 文号, title, date, publication flag and issuers', () => {
    expect(
      gazette.documents.map((d) => [d.docNo, d.title, d.issuedOn, d.published, codes(d.issuers).join('+')]),
    ).toEqual([
      [
        '青党办〔2019〕65号',
        '关于印发《青铜峡市贯彻落实推进生态立市战略实施方案》的通知',
        '2019-04-04',
        false,
        'cpc-office+gov-office',
      ],
      [
        '青党发〔2019〕14号',
        '关于贯彻落实《自治区党委常委会落实全面从严治党主体责任规定》的通知',
        '2019-04-29',
        false,
        'cpc-committee',
      ],
      [
        '青政发〔2019〕34号',
        '关于印发《青铜峡市农村土地承包经营权流转风险防控管理实施办法》的通知',
        '2019-04-15',
        true,
        'gov',
      ],
      ['青政办发〔2019〕28号', '关于进一步加强和改进耕地保护工作的通知', '2019-04-09', true, 'gov-office'],
      [
        '青政办发〔2019〕30号',
        '关于印发《青铜峡市“互联网+教育”实施方案》的通知',
        '2019-04-21',
        true,
        'gov-office',
      ],
      [
        '青政办发〔2019〕31号',
        '关于印发《青铜峡市城镇小区配套幼儿园治理工作方案》的通知',
        '2019-04-21',
        true,
        'gov-office',
      ],
      // The header misprints 引客入青 as 引客人青; the header wins and the 目录 disagreement is a warning.
      [
        '青政办发〔2019〕34号',
        '关于印发《青铜峡市2019年引客人青奖励办法》的通知',
        '2019-04-30',
        true,
        'gov-office',
      ],
      [
        '青政办发〔2019〕39号',
        '关于印发《青铜峡市关于购买社会救助服务加强基层经办服务能力的实施方案》的通知',
        '2019-05-24',
        true,
        'gov-office',
      ],
      [
        '青政办发〔2019〕40号',
        '关于印发青铜峡市“项目提质增效年”活动实施方案的通知',
        '2019-05-23',
        true,
        'gov-office',
      ],
    ]);
  });

  it('gives each document its line span, in file order and without overlap', () => {
    expect(gazette.documents.map((d) => [d.startLine, d.endLine])).toEqual([
      [125, 351],
      [353, 377],
      [379, 579],
      [581, 657],
      [659, 817],
      [819, 921],
      [923, 1007],
      [1009, 1115],
      [1117, 1191],
    ]);
  });

  it('reads the cover and the table of contents', () => {
    expect(gazette.issue).toEqual({ year: 2019, number: 2, total: 8 });
    expect(gazette.toc.map((e) => [e.docNo, e.page])).toEqual([
      ['青党发〔2019〕65号', 3],
      ['青党办〔2019〕14号', 10],
      ['青政发〔2019〕34号', 11],
      ['青政办发〔2019〕28号', 16],
      ['青政办发〔2019〕30号', 19],
      ['青政办发〔2019〕31号', 25],
      ['青政办发〔2019〕34号', 28],
      ['青政办发〔2019〕39号', 30],
      ['青政办发〔2019〕40号', 33],
    ]);
    // A title broken over two lines of the 目录 is joined.
    expect(gazette.toc[7]?.title).toBe(
      '关于印发《青铜峡市关于购买社会救助服务加强基层经办服务能力的实施方案》的通知',
    );
  });

  it('validates against the published schema', () => {
    expect(ParsedGazetteSchema.safeParse(gazette).success).toBe(true);
  });
});

describe('task counts', () => {
  it('has the catalogued number of supervision items per document', () => {
    const counts = Object.fromEntries(gazette.documents.map((d) => [d.docNo, d.tasks.length]));
    expect(counts).toEqual({
      '青党办〔2019〕65号': 27,
      '青党发〔2019〕14号': 1,
      '青政发〔2019〕34号': 0,
      // 三(九) gives six bureaus a paragraph each: six items, not one (issue 14, point 6).
      '青政办发〔2019〕28号': 15,
      '青政办发〔2019〕30号': 13,
      '青政办发〔2019〕31号': 6,
      '青政办发〔2019〕34号': 0,
      '青政办发〔2019〕39号': 5,
      '青政办发〔2019〕40号': 9,
    });
  });

  it('numbers the items by clause', () => {
    expect(doc('青党办〔2019〕65号').tasks.map((t) => t.ref)).toEqual([
      ...Array.from({ length: 23 }, (_, i) => `二.${i + 1}`),
      '三.24',
      '三.25',
      '三.26',
      '三.27',
    ]);
    expect(doc('青政办发〔2019〕30号').tasks.map((t) => t.ref)).toEqual(
      Array.from({ length: 13 }, (_, i) => `二.${i + 1}`),
    );
    expect(doc('青政办发〔2019〕28号').tasks.map((t) => t.ref)).toEqual([
      '二.(一)',
      '二.(二)',
      '二.(三)',
      '二.(四)',
      '二.(五)',
      '二.(六)',
      '二.(七)',
      '三.(八)',
      '三.(九).1',
      '三.(九).2',
      '三.(九).3',
      '三.(九).4',
      '三.(九).5',
      '三.(九).6',
      '三.(十)',
    ]);
    expect(doc('青政办发〔2019〕40号').tasks.map((t) => t.title)).toEqual([
      '实施项目前期畅通行动',
      '实施项目集中开工行动',
      '实施项目调度攻坚行动',
      '实施项目建设要素保障行动',
      '实施精准招商引资行动',
      '实施项目对接争取行动',
      '实施项目谋划储备行动',
      '实施项目环境优化行动',
      '实施项目投产达效行动',
    ]);
  });

  it('tells the kindergarten tasks from its measures, and the assistance plan steps', () => {
    expect(doc('青政办发〔2019〕31号').tasks.map((t) => `${t.ref}:${t.kind}`)).toEqual([
      '三.(一):task',
      '三.(二):task',
      '三.(三):task',
      '三.(四):task',
      '四.(一):measure',
      '四.(二):measure',
    ]);
    expect(doc('青政办发〔2019〕39号').tasks.map((t) => `${t.ref}:${t.kind}:${t.title}`)).toEqual([
      '六.(一):step:项目申请(2019年4月下旬)',
      '六.(二):step:组织实施(2019年5月上旬)',
      '六.(三):step:签订合同(2019年5月中旬)',
      '六.(四):step:资金拨付(2019年5月下旬)',
      '六.(五):step:人员派遣(2019年6月上旬)',
    ]);
  });

  it('keeps the 40号 targets apart from its actions', () => {
    expect(doc('青政办发〔2019〕40号').targets.map((t) => `${t.ref}:${t.title}`)).toEqual([
      '一.(一):确保投资规模恢复性增长',
      '一.(二):确保重点项目建设进度',
      '一.(三):确保谋划储备更多项目',
      '一.(四):确保项目如期投产达效',
    ]);
  });
});

describe('task content', () => {
  it('joins text broken across pages and takes the bold caption as title', () => {
    const t = task('青党办〔2019〕65号', '二.1');
    expect(t.title).toBe('大力发展绿色工业');
    expect(t.text).toContain('占规模以上工业增加值比重达到10%,工业总产值突破50亿大关。');
    expect(t.sourceLines).toEqual({ from: 151, to: 157 });
    expect(t.path).toEqual(['二、主要任务及责任分工', '(一)培育发展绿色产业,构建生态产业体系']);
    // Two bold runs split by a page break make one caption.
    expect(task('青政办发〔2019〕30号', '二.4').title).toMatch(
      /^合理安全使用.*教育管理督导服务智能系统.*网络安全管理工作系统$/u,
    );
  });

  it('keeps a separate closing paragraph with its item', () => {
    const t = task('青党办〔2019〕65号', '二.4');
    expect(t.text.endsWith('到2020年,工业固体废物综合利用率达到75%。')).toBe(true);
    expect(t.sourceLines).toEqual({ from: 171, to: 177 });
  });
});

describe('lead and co-operating units', () => {
  const assignment = (docNo: string, ref: string) => {
    const t = task(docNo, ref);
    return { lead: codes(t.lead), cooperating: codes(t.cooperating), others: t.otherParties };
  };

  it('reads 牵头单位 / 配合单位 lines (生态立市)', () => {
    expect(assignment('青党办〔2019〕65号', '二.1')).toEqual({
      lead: ['miit'],
      cooperating: ['park', 'ndrc', 'natres', 'agri'],
      others: [],
    });
    // "市委宣传部，市教育局、文化旅游体育广电局、科协": 市 carries over, 科协 is a people's organisation.
    expect(assignment('青党办〔2019〕65号', '二.6')).toMatchObject({
      lead: ['publicity', 'edu', 'culture', 'sast'],
      cooperating: ['org-dept', 'party-school', 'hous', 'natres', 'eco'],
    });
    expect(assignment('青党办〔2019〕65号', '二.21')).toMatchObject({
      lead: ['org-dept', 'eco'],
      cooperating: ['discipline', 'ndrc', 'audit', 'stats'],
    });
    expect(assignment('青党办〔2019〕65号', '三.24').lead).toEqual(['cpc-office', 'gov-office']);
    // 自然资源局 leads 二.8 and is also listed to co-operate: it answers as lead only.
    expect(assignment('青党办〔2019〕65号', '二.8')).toMatchObject({
      lead: ['natres', 'hous'],
      cooperating: ['reservoir', 'water', 'agri', 'eco'],
    });
    // A list broken by a page break inside a name ("自然资" / "源局").
    expect(assignment('青党办〔2019〕65号', '二.23').cooperating).toEqual(['ndrc', 'fin', 'natres', 'water']);
  });

  it('reads 责任单位 lines and collective addressees (互联网+教育)', () => {
    expect(assignment('青政办发〔2019〕30号', '二.1')).toMatchObject({
      lead: ['edu'],
      cooperating: ['cyberspace', 'ndrc', 'fin', 'telecom', 'mobile', 'unicom'],
    });
    expect(assignment('青政办发〔2019〕30号', '二.5')).toMatchObject({ lead: ['edu'], cooperating: [] });
    expect(assignment('青政办发〔2019〕30号', '二.2').cooperating).toEqual([
      'ndrc',
      'hrss',
      ...TOWNS,
      'street-yumin',
      'farms',
    ]);
  });

  it('reads 责任单位 lines and prose measures (幼儿园)', () => {
    expect(assignment('青政办发〔2019〕31号', '三.(一)')).toMatchObject({
      lead: ['natres'],
      cooperating: ['hous', 'edu', 'ndrc'],
    });
    expect(assignment('青政办发〔2019〕31号', '三.(四)')).toMatchObject({
      lead: ['edu'],
      cooperating: ['staffing', 'fin', 'civil'],
    });
    expect(assignment('青政办发〔2019〕31号', '四.(一)').lead).toEqual(['edu', 'natres', 'hous']);
    expect(assignment('青政办发〔2019〕31号', '四.(二)').lead).toEqual(['edu']); // "由市教育局牵头"
  });

  it('reads "(X牵头，Y配合落实)" remarks (项目提质增效年)', () => {
    expect(assignment('青政办发〔2019〕40号', '二.(一)')).toEqual({
      lead: ['ndrc'],
      cooperating: ['miit', 'natres', 'eco', 'hous', 'water', 'agri', 'emergency', 'approval'],
      others: ['各项目单位'],
    });
    expect(assignment('青政办发〔2019〕40号', '二.(八)')).toMatchObject({
      lead: ['ndrc', 'approval', 'market', 'politics-law', 'petition', 'hous'],
      cooperating: ['police', 'court'],
    });
    // "(工业园区管委会、发展和改革委员会、工信局及各项目实施单位分别负责)"
    expect(assignment('青政办发〔2019〕40号', '二.(九)')).toMatchObject({
      lead: ['park', 'ndrc', 'miit'],
      others: ['各项目实施单位'],
    });
    // 水利局 and 文化和旅游局 are the old names of 水务局 and 文化旅游体育广电局.
    expect(assignment('青政办发〔2019〕40号', '二.(七)').cooperating).toEqual(
      expect.arrayContaining(['water', 'culture', 'sci']),
    );
  });

  it('reads prose subjects, 会同 and per-bureau duties (耕地保护)', () => {
    expect(assignment('青政办发〔2019〕28号', '二.(二)')).toMatchObject({
      lead: ['natres'],
      cooperating: ['agri'],
    });
    expect(assignment('青政办发〔2019〕28号', '二.(五)').lead).toEqual(['natres', 'hous', 'park', 'miit']);
    expect(assignment('青政办发〔2019〕28号', '三.(八)').lead).toEqual([...TOWNS, 'farms']);
    expect(assignment('青政办发〔2019〕28号', '三.(十)').lead).toEqual(['gov']);
    const shares = ['1', '2', '3', '4', '5', '6'].map((k) => task('青政办发〔2019〕28号', `三.(九).${k}`));
    const duties = shares.flatMap((t) => t.duties);
    expect(duties.map((d) => codes(d.units).join())).toEqual([
      'natres',
      'agri',
      'fin',
      'eco',
      'stats',
      'audit',
    ]);
    expect(duties[3]?.text).toMatch(/^生态环境分局:要积极探索开展土壤污染调查/u);
  });

  // 28号 三(九) 强化部门共同责任 gives each bureau its own paragraph ("财政局:要…"): each is an item
  // led by that bureau alone, citing 三(九), undated as the text is (issue 14, point 6).
  it('makes the duty of each bureau under 28号 三(九) an item of its own, led by that bureau', () => {
    const share = (k: number) => task('青政办发〔2019〕28号', `三.(九).${k}`);
    const lead = (k: number) => codes(share(k).lead);
    expect([1, 2, 3, 4, 5, 6].map(lead)).toEqual([
      ['natres'],
      ['agri'],
      ['fin'],
      ['eco'],
      ['stats'],
      ['audit'],
    ]);
    expect(share(3).text).toBe(
      '财政局:要按照国家和自治区有关政策规定,严格管理和使用涉土资金,重点保障耕地保护资金需求。',
    );
    expect(share(4).text).toContain('土壤污染调查');
    expect(share(6).text).toContain('离任审计');
    expect(share(2).text).toMatch(/防止耕地“非粮化”“非农化”/u);
    for (const k of [1, 2, 3, 4, 5, 6]) {
      expect(share(k).path).toEqual(['三、进一步建立健全耕地保护责任体系', '(九)强化部门共同责任。']);
      expect(share(k).deadlines).toEqual([]);
      expect(share(k).cooperating).toEqual([]);
    }
    expect(share(3).sourceLines).toEqual({ from: 641, to: 641 });
    // The paragraph broken over a page (lines 635–637) stays one duty.
    expect(share(1).sourceLines).toEqual({ from: 635, to: 637 });
    expect(doc('青政办发〔2019〕28号').tasks.some((t) => t.ref === '三.(九)')).toBe(false);
  });

  it('reads the supervision duty of the 从严治党 notice', () => {
    const [only] = doc('青党发〔2019〕14号').tasks;
    expect(only?.ref).toBe('三');
    expect(codes(only?.lead ?? [])).toEqual(['discipline', 'org-dept', 'publicity']);
  });

  it('reads subjects and 与…对接 in the assistance steps', () => {
    expect(assignment('青政办发〔2019〕39号', '六.(二)')).toMatchObject({
      lead: ['civil'],
      cooperating: ['fin'],
    });
    expect(assignment('青政办发〔2019〕39号', '六.(四)')).toMatchObject({
      lead: ['civil'],
      cooperating: ['fin'],
    });
  });

  it('warns about an item that names no lead instead of inventing one', () => {
    expect(task('青政办发〔2019〕39号', '六.(五)').lead).toEqual([]);
    expect(gazette.warnings).toContainEqual({
      kind: 'no-lead-unit',
      message: expect.stringContaining('六.(五)'),
      line: 1105,
      docNo: '青政办发〔2019〕39号',
    });
  });

  it('gives every other task at least one lead unit', () => {
    const leaderless = gazette.documents.flatMap((d) =>
      d.tasks.filter((t) => t.lead.length === 0).map((t) => `${d.docNo} ${t.ref}`),
    );
    expect(leaderless).toEqual(['青政办发〔2019〕39号 六.(五)']);
  });
});

describe('deadlines', () => {
  const deadline = (docNo: string, ref: string) => task(docNo, ref).deadlines;

  it('by-year: 到2020年 is 31 December 2020', () => {
    expect(deadline('青党办〔2019〕65号', '二.1')).toEqual([
      { date: '2020-12-31', phrase: '到2020年', rule: 'by-year' },
    ]);
  });

  it('year-end: 2018年底前 is 31 December 2018', () => {
    expect(deadline('青党办〔2019〕65号', '二.7')).toEqual([
      { date: '2018-12-31', phrase: '2018年底前', rule: 'year-end' },
    ]);
  });

  it('month-end: X年X月底前 is the last day of that month', () => {
    expect(deadline('青政办发〔2019〕31号', '四.(二)')).toEqual([
      { date: '2019-06-30', phrase: '于2019年6月底前', rule: 'month-end' },
      { date: '2019-09-30', phrase: '于2019年9月底前', rule: 'month-end' },
      { date: '2019-11-30', phrase: '于2019年11月底前', rule: 'month-end' },
      { date: '2020-12-31', phrase: '2020年12月底前', rule: 'month-end' },
    ]);
    expect(deadline('青政办发〔2019〕31号', '三.(三)')).toEqual([
      { date: '2020-12-31', phrase: '到2020年', rule: 'by-year' },
      { date: '2019-09-30', phrase: '于2019年9月底之前', rule: 'month-end' },
    ]);
  });

  it('explicit-date: 2028年12月31日 (land transfer 第二十二条)', () => {
    const article = doc('青政发〔2019〕34号').articles.find((a) => a.ref === '第二十二条');
    expect(article?.deadlines).toEqual([
      { date: '2028-12-31', phrase: '2028年12月31日', rule: 'explicit-date' },
    ]);
  });

  it('in-year: a clause opening "2018-2019年，" is due at the end of 2019', () => {
    expect(deadline('青政办发〔2019〕30号', '二.7')).toEqual([
      { date: '2019-12-31', phrase: '2018-2019年', rule: 'in-year' },
      { date: '2020-12-31', phrase: '2020年', rule: 'in-year' },
      { date: '2022-12-31', phrase: '2021-2022年', rule: 'in-year' },
    ]);
  });

  it('early/mid/late-month: 上旬, 中旬, 下旬', () => {
    const steps = doc('青政办发〔2019〕39号').tasks.map((t) => t.deadlines.map((d) => `${d.date} ${d.rule}`));
    expect(steps).toEqual([
      ['2019-04-30 late-month'],
      ['2019-05-10 early-month'],
      ['2019-05-20 mid-month'],
      ['2019-05-31 late-month'],
      ['2019-06-10 early-month'],
    ]);
  });

  it('has no deadlines in the 从严治党 notice', () => {
    const notice = doc('青党发〔2019〕14号');
    expect([...notice.tasks, ...notice.articles].flatMap((c) => c.deadlines)).toEqual([]);
  });

  it('reports yearless phrases instead of guessing', () => {
    const unparsed = gazette.warnings.filter((w) => w.kind === 'unparsed-deadline');
    expect(unparsed.map((w) => [w.docNo, w.line, w.message.split('"')[1]])).toEqual([
      ['青政办发〔2019〕40号', 1145, '6月份前'],
      ['青政办发〔2019〕40号', 1155, '下半年'],
      ['青政办发〔2019〕40号', 1175, '6月份前'],
    ]);
  });

  it('reads recurring claim and reporting dates', () => {
    const claims = doc('青政办发〔2019〕34号').articles.find((a) => a.ref === '三.4');
    expect(claims?.recurringDeadlines).toEqual([
      { frequency: 'monthly', day: 30, phrase: '当月30日' },
      { frequency: 'quarterly', monthOfPeriod: 1, day: 15, phrase: '每一季度第一个月的15日之前' },
    ]);
    const plan = doc('青政办发〔2019〕40号');
    expect(plan.reporting).toMatchObject({
      frequency: 'monthly',
      day: 25,
      to: [{ code: 'ndrc' }],
      line: 1183,
    });
    expect(plan.tasks.every((t) => t.reportingFrequency === 'monthly')).toBe(true);
    expect(task('青党办〔2019〕65号', '二.1').reportingFrequency).toBeUndefined();
  });
});

describe('indicators', () => {
  const indicator = (docNo: string, ref: string, name: string) =>
    task(docNo, ref).indicators.find((i) => i.name === name);

  it('reads "比2015年下降18%" as a reduction against a baseline', () => {
    expect(indicator('青党办〔2019〕65号', '二.5', '万元工业增加值用水量')).toEqual({
      name: '万元工业增加值用水量',
      comparison: 'reduce-by',
      target: 18,
      unit: '%',
      year: 2020,
      baselineYear: 2015,
      phrase: '万元工业增加值用水量比2015年下降18%',
    });
  });

  it('reads 以上 / 以内 as inclusive bounds and 突破 as exclusive', () => {
    expect(indicator('青党办〔2019〕65号', '二.3', '服务业增加值比重')).toMatchObject({
      comparison: 'gte',
      target: 31,
      unit: '%',
      year: 2020,
    });
    expect(indicator('青党办〔2019〕65号', '二.5', '全市用水总量')).toMatchObject({
      comparison: 'lte',
      target: 7.12,
      unit: '亿立方米',
    });
    expect(indicator('青党办〔2019〕65号', '二.1', '工业总产值')).toMatchObject({
      comparison: 'gt',
      target: 50,
      unit: '亿元',
    });
    expect(indicator('青政办发〔2019〕40号', '二.(八)', '审批时间')).toMatchObject({
      comparison: 'lte',
      target: 50,
      unit: '工作日',
    });
  });

  it('splits "分别" lists into one indicator per name', () => {
    const air = task('青党办〔2019〕65号', '二.14').indicators.filter((i) => i.unit === '微克/立方米');
    expect(air.map((i) => [i.name, i.comparison, i.target])).toEqual([
      ['可吸入颗粒物', 'lte', 94],
      ['细颗粒物年平均浓度', 'lte', 41],
    ]);
  });

  it('reads yearly shares "90%的教师…" with their year', () => {
    const shares = task('青政办发〔2019〕30号', '二.5').indicators.filter((i) => i.name.startsWith('教师'));
    expect(shares.map((i) => [i.year, i.target])).toEqual([
      [2020, 90],
      [2021, 95],
    ]);
  });

  it('reads the 40号 targets, not the past decline', () => {
    const [growth, progress] = doc('青政办发〔2019〕40号').targets;
    expect(growth?.indicators).toEqual([
      { name: '增速', comparison: 'gt', target: 0, unit: '%', phrase: '实现正增长' },
    ]);
    expect(progress?.indicators.map((i) => [i.name, i.comparison, i.target, i.unit])).toEqual([
      ['自治区级重点建设项目', 'eq', 2, '个'],
      ['吴忠市重点建设项目', 'eq', 13, '个'],
      ['基本建设项目', 'eq', 145, '个'],
      ['完成投资', 'gte', 67.2, '亿元'],
    ]);
  });

  it('does not read a prohibition as a target', () => {
    const names = task('青党办〔2019〕65号', '二.14').indicators.map((i) => i.name);
    expect(names.some((n) => n.includes('硫份') || n.includes('煤种'))).toBe(false);
  });
});

describe('annual indicator table (互联网+教育)', () => {
  const table = () => doc('青政办发〔2019〕30号').annualTable ?? [];

  it('has one row per indicator with the 2018–2022 columns', () => {
    expect(table().map((r) => `${r.categoryRef} ${r.name}`)).toEqual([
      '一 计算机配备',
      '一 数字教室配备',
      '一 教室移动终端配备',
      '一 智慧教室',
      '一 全自动录播教室',
      '一 校园安全远程监控管理系统',
      '一 在线课堂',
      '一 校园无线网络全覆盖',
      '一 规范化数字校园',
      '二 学校互联网接入',
      '二 班班通建设',
      '二 人人通建设',
      '三 重点任务',
      '四 重点任务',
    ]);
    for (const row of table()) expect(row.targets.map((t) => t.year)).toEqual([2018, 2019, 2020, 2021, 2022]);
  });

  it('takes the quantity that moves from year to year', () => {
    const values = (name: string) =>
      table()
        .find((r) => r.name === name)
        ?.targets.map((t) => [t.value, t.unit]);
    expect(values('数字教室配备')).toEqual([
      [80, '%'],
      [90, '%'],
      [100, '%'],
      [100, '%'],
      [100, '%'],
    ]);
    // "100%的学校教师…，20%的学生及家长…": the students' share is what changes.
    expect(values('人人通建设')?.map(([v]) => v)).toEqual([20, 60, 80, 90, 100]);
    expect(values('学校互联网接入')?.map(([v]) => v)).toEqual([50, 100, 200, 300, 500]);
    expect(values('教室移动终端配备')?.[0]).toEqual([null, null]);
    expect(table().find((r) => r.name === '智慧教室')?.category).toBe('基础设施设备建设');
  });

  it('keeps the attachment apart from the plan', () => {
    expect(doc('青政办发〔2019〕30号').attachments).toEqual([
      { title: '青铜峡市“互联网+教育”年度任务一览表', sourceLines: { from: 797, to: 817 } },
    ]);
  });
});

describe('articles', () => {
  it('reads the 51 articles of the land-transfer rules with chapters and captions', () => {
    const rules = doc('青政发〔2019〕34号');
    expect(rules.articles.map((a) => a.ref)[35]).toBe('第三十六条');
    expect(rules.articles).toHaveLength(51);
    const a36 = rules.articles.find((a) => a.ref === '第三十六条');
    expect(a36?.chapter).toBe('第五章 建立分级备案制度');
    expect(a36?.text).toMatch(/^村级审查评估小组进行审查备案的权限。对一次性租赁农民承包地面积100亩以下的/u);
    expect(rules.articles.find((a) => a.ref === '第二十五条')?.title).toBe('资质审查');
    expect(rules.articles.find((a) => a.ref === '第一条')?.title).toBeUndefined();
    // A sentence broken inside a bold run across a page ("涉**" / "稳问题").
    expect(rules.articles.find((a) => a.ref === '第三十条')?.text).toContain('可控性及其他涉稳问题');
    expect(rules.articles.find((a) => a.ref === '第三十五条')?.text).toContain(
      '(二)村委会及时召开村民小组全体成员大会',
    );
  });

  it('reads the tourism reward clauses', () => {
    const rewards = doc('青政办发〔2019〕34号');
    expect(rewards.articles.map((a) => a.ref)).toEqual([
      '序言',
      '一',
      '二.1',
      '二.2',
      '二.3',
      '二.4',
      '二.5',
      '二.6',
      '二.7',
      '二.8',
      '三.1',
      '三.2',
      '三.3',
      '三.4',
      '四.(一)',
      '四.(二)',
      '四.(三)',
      '四.(四)',
    ]);
    expect(rewards.articles.find((a) => a.ref === '二.7')?.text).toMatch(
      /^最佳送团社奖。旅行社年度累计送团超过7000人次/u,
    );
  });

  it('reads the social-assistance clauses, sub-items included', () => {
    const plan = doc('青政办发〔2019〕39号');
    const pay = plan.articles.find((a) => a.ref === '五.(三)');
    expect(pay?.text).toContain('3.承接主体单位管理费');
    expect(pay?.text).toContain('按实际招考人员每人次6000元标准核算。');
    expect(plan.articles.find((a) => a.ref === '五.(四)')?.deadlines).toEqual([
      { date: '2021-12-31', phrase: '2021年底前', rule: 'year-end' },
    ]);
  });

  it('places every content line of a document in a task, target, article or attachment', () => {
    const lines = source.split('\n');
    const uncovered = (d: GazetteDocument) => {
      const covered = new Set<number>();
      const cover = (r?: { from: number; to: number }) => {
        if (r) for (let i = r.from; i <= r.to; i++) covered.add(i);
      };
      [...d.tasks, ...d.targets, ...d.articles].forEach((c) => cover(c.sourceLines));
      d.attachments.forEach((a) => cover(a.sourceLines));
      const out: number[] = [];
      for (let i = d.startLine; i <= d.endLine; i++) if (lines[i - 1]?.trim() && !covered.has(i)) out.push(i);
      return out;
    };
    // Left out: title, 文号, addressees, transmittal, signature, date, 此件公开发布, plan title,
    // and the three section headings (they are the tasks' and targets' path).
    expect(uncovered(doc('青政办发〔2019〕40号'))).toEqual([
      1117, 1119, 1121, 1123, 1125, 1127, 1129, 1131, 1135, 1147, 1177,
    ]);
    expect(uncovered(doc('青党发〔2019〕14号'))).toEqual([353, 355, 357, 375, 377]);
  });
});

describe('warnings and units', () => {
  it('reports where the 目录 disagrees with a header', () => {
    const toc = gazette.warnings.filter((w) => w.kind === 'toc-mismatch');
    expect(toc.map((w) => w.line)).toEqual([31, 37, 75]);
    expect(toc[0]?.message).toContain('青党发〔2019〕65号');
    expect(toc[0]?.message).toContain('青党办〔2019〕65号');
    expect(toc[1]?.message).toContain('青党办〔2019〕14号');
    expect(toc[2]?.message).toContain('引客入青');
  });

  it('has exactly the expected warnings, and no unknown unit', () => {
    expect(gazette.warnings.filter((w) => w.kind === 'unknown-unit')).toEqual([]);
    expect(gazette.warnings.map((w) => w.kind)).toEqual([
      'toc-mismatch',
      'toc-mismatch',
      'toc-mismatch',
      'no-lead-unit',
      'unparsed-deadline',
      'unparsed-deadline',
      'unparsed-deadline',
    ]);
  });

  it('lists the units the documents name, with mention counts', () => {
    const usage = new Map(gazette.units.map((u) => [u.code, u]));
    for (const code of [
      'edu',
      'hous',
      'natres',
      'fin',
      'ndrc',
      'civil',
      'eco',
      'discipline',
      'reservoir',
      ...TOWNS,
    ]) {
      expect(usage.has(code), code).toBe(true);
    }
    expect(usage.get('eco')?.documents).toEqual([
      '青党办〔2019〕65号',
      '青政办发〔2019〕28号',
      '青政办发〔2019〕40号',
    ]);
    expect(usage.get('tourism-marketing')?.mentions).toBe(5);
    // Only the registry's units are listed; no word of running text became a unit.
    expect(gazette.units.every((u) => /^[a-z][a-z0-9-]*$/.test(u.code))).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same result twice', () => {
    const again = parseGazette(source);
    expect(again).toEqual(gazette);
    expect(JSON.stringify(again)).toBe(JSON.stringify(gazette));
  });
});
