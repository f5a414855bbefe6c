// The survey ledger (台账, 青政办发〔2019〕31号 四(一)) in and out of spreadsheets: every row is
// validated on its own and reported by row number; only good rows become cases.
import ExcelJS from 'exceljs';
import { civilDateOf, isCivilDate } from '@duban/calendar';
import {
  Categories,
  Conditions,
  GUOFA_2010_41_ISSUED,
  KindergartenFactsSchema,
  ProjectStatuses,
  type CaseSnapshot,
  type Category,
  type Condition,
  type KindergartenFacts,
  type LandTenure,
  type ProjectStatus,
} from '@duban/workflow-kindergarten/client';
import { categoryRefusal } from '@duban/workflow-kindergarten';

/** The ledger's columns, in order, as the document's 台账 names them. */
export const LEDGER_COLUMNS = [
  '小区项目',
  '所在镇',
  '开发企业',
  '土地性质',
  '规划时间',
  '建成时间',
  '现状',
  '拟定类别',
  '项目状态',
] as const;

/**
 * Columns a ledger may have (三(三): 出让 kindergartens with a signed handover agreement are handed
 * over by the date it sets); a sheet without them is read as having none.
 */
export const AGREEMENT_COLUMN = '移交协议约定日期';
export const OPTIONAL_LEDGER_COLUMNS = [AGREEMENT_COLUMN] as const;

export type RawRow = { row: number; cells: Record<string, string> };

export type RowResult =
  { row: number; ok: true; facts: KindergartenFacts } | { row: number; ok: false; reason: string };

/** RFC 4180 CSV (quotes, doubled quotes, CRLF); a UTF-8 BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i += 1) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return civilDateOf(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

export async function parseXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, LEDGER_COLUMNS.length); c += 1)
      cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** The header row names the columns; a missing one fails the whole sheet. Row numbers are the sheet's. */
export function rowsOf(table: string[][]): RawRow[] | { missing: string[] } {
  const header = (table[0] ?? []).map((h) => h.trim());
  const missing = LEDGER_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { missing };
  const out: RawRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const record: Record<string, string> = {};
    for (const column of LEDGER_COLUMNS) record[column] = (cells[header.indexOf(column)] ?? '').trim();
    for (const column of OPTIONAL_LEDGER_COLUMNS)
      if (header.includes(column)) record[column] = (cells[header.indexOf(column)] ?? '').trim();
    out.push({ row: i + 2, cells: record });
  });
  return out;
}

const lookup = <T extends string>(labels: Record<T, string>, extra: [RegExp, T][]) => {
  return (text: string): T | null => {
    if (text in labels) return text as T;
    for (const [key, label] of Object.entries(labels) as [T, string][]) if (label === text) return key;
    return extra.find(([re]) => re.test(text))?.[1] ?? null;
  };
};

const categoryOf = lookup<Category>(Categories, [
  [/^移交$/, 'handover'],
  // Before 回收: "不收回" contains 收回 (a pre-2010 kindergarten kept and run as inclusive, 三(三)).
  [/不收回|普惠/, 'inclusive'],
  [/回收|收回/, 'recover'],
  [/置换/, 'swap'],
  [/购置/, 'purchase'],
  [/补建|改建|新建/, 'build'],
]);
const conditionOf = lookup<Condition>(Conditions, [
  [/未配建|配建不足|缺建|未规划/, 'missing'],
  [/出租|出售|高收费/, 'high_fee_private'],
  [/挪作他用|挪用/, 'repurposed'],
  [/未移交/, 'not_handed_over'],
]);
const statusOf = lookup<ProjectStatus>(ProjectStatuses, [
  [/^在建/, 'under_construction'],
  [/未开工|已批未建/, 'approved_not_started'],
  [/已建成|竣工|建成/, 'completed'],
]);
const tenureOf = (text: string): LandTenure | null =>
  text === '划拨' || text === 'allocated'
    ? 'allocated'
    : text === '出让' || text === 'transferred'
      ? 'transferred'
      : null;

/** 2019-05-01, 2019/5/1, 2019.5.1, 2019年5月1日; a month alone (2019-05, 2019年5月) means its first day. */
export function parseLedgerDate(text: string): { date: string; monthOnly: boolean } | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}`;
  return isCivilDate(date) ? { date, monthOnly: m[3] === undefined } : null;
}

export function validateRow(
  raw: RawRow,
  /** The 41号 date in force (policy setting kindergarten.guofa-2010-41-date). */
  boundary: string = GUOFA_2010_41_ISSUED,
): RowResult {
  const c = raw.cells;
  const fail = (reason: string): RowResult => ({ row: raw.row, ok: false, reason });
  for (const column of [
    '小区项目',
    '所在镇',
    '开发企业',
    '土地性质',
    '规划时间',
    '现状',
    '拟定类别',
    '项目状态',
  ])
    if (!c[column]) return fail(`“${column}”不能为空`);
  const landTenure = tenureOf(c['土地性质']!);
  if (!landTenure) return fail(`土地性质“${c['土地性质']}”应为 划拨 或 出让`);
  const planned = parseLedgerDate(c['规划时间']!);
  if (!planned) return fail(`规划时间“${c['规划时间']}”不是日期（如 2012-05-01）`);
  if (planned.monthOnly && planned.date.slice(0, 7) === boundary.slice(0, 7))
    return fail(
      `规划时间在${Number(boundary.slice(0, 4))}年${Number(boundary.slice(5, 7))}月，须写明日期，以判断在国发〔2010〕41号发布（${boundary}，设定值）之前还是之后`,
    );
  let builtOn: string | null = null;
  if (c['建成时间']) {
    const built = parseLedgerDate(c['建成时间']);
    if (!built) return fail(`建成时间“${c['建成时间']}”不是日期`);
    if (built.date < planned.date) return fail('建成时间早于规划时间');
    builtOn = built.date;
  }
  let handoverAgreedBy: string | null = null;
  if (c[AGREEMENT_COLUMN]) {
    const agreed = parseLedgerDate(c[AGREEMENT_COLUMN]);
    if (!agreed) return fail(`${AGREEMENT_COLUMN}“${c[AGREEMENT_COLUMN]}”不是日期`);
    if (landTenure !== 'transferred')
      return fail('移交协议约定日期只用于出让用地的配套幼儿园（三(三)）；划拨用地的原则上均应如期移交');
    handoverAgreedBy = agreed.date;
  }
  const condition = conditionOf(c['现状']!);
  if (!condition) return fail(`现状“${c['现状']}”无法识别（应为：${Object.values(Conditions).join('、')}）`);
  const proposedCategory = categoryOf(c['拟定类别']!);
  if (!proposedCategory)
    return fail(`拟定类别“${c['拟定类别']}”无法识别（应为：移交、回收、置换、购置、补建/改建/新建、不收回）`);
  const projectStatus = statusOf(c['项目状态']!);
  if (!projectStatus) return fail(`项目状态“${c['项目状态']}”无法识别（应为：已建成、在建、已批复未开工）`);
  if (projectStatus !== 'completed' && condition !== 'missing')
    return fail('在建或未开工的小区只有“未配建或配建不足”一种现状');
  const parsed = KindergartenFactsSchema.safeParse({
    projectName: c['小区项目'],
    town: c['所在镇'],
    developer: c['开发企业'],
    landTenure,
    plannedOn: planned.date,
    builtOn,
    condition,
    proposedCategory,
    projectStatus,
    ...(handoverAgreedBy ? { handoverAgreedBy } : {}),
  });
  if (!parsed.success)
    return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const refusal = categoryRefusal(parsed.data, proposedCategory, 'gazette', boundary);
  if (refusal) return fail(refusal);
  return { row: raw.row, ok: true, facts: parsed.data };
}

const labelOf = (labels: Record<string, string>, key: string | null) => (key ? (labels[key] ?? key) : '');

/** The whole ledger of a campaign as one sheet, in the import's columns plus the case's progress. */
export async function ledgerWorkbook(cases: CaseSnapshot[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow([
    ...LEDGER_COLUMNS,
    '个案编号',
    '整改类别',
    '当前阶段',
    '预警',
    '当前步骤（单位，期限）',
    '办园方式',
  ]);
  const phases: Record<string, string> = {
    survey: '调查摸底',
    plan: '制定方案',
    rectifying: '整改',
    handover: '移交教育局',
    operation: '办园',
    closed: '已办结',
  };
  const colours: Record<string, string> = {
    green: '正常',
    blue: '临期',
    yellow: '滞后',
    red: '逾期',
    none: '—',
  };
  for (const c of cases) {
    const f = c.facts;
    sheet.addRow([
      f.projectName,
      f.town,
      f.developer,
      f.landTenure === 'allocated' ? '划拨' : '出让',
      f.plannedOn,
      f.builtOn ?? '',
      labelOf(Conditions, f.condition),
      labelOf(Categories, f.proposedCategory),
      labelOf(ProjectStatuses, f.projectStatus),
      c.caseId,
      labelOf(Categories, c.category),
      phases[c.phase] ?? c.phase,
      colours[c.colour] ?? c.colour,
      c.steps
        .filter((s) => s.state !== 'done')
        .map((s) => `${s.title}（${s.unitCode}，${s.deadline ?? '无期限'}）`)
        .join('；'),
      labelOf({ public: '公办园', inclusive_private: '普惠性民办园', for_profit: '营利性' }, c.operationMode),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
