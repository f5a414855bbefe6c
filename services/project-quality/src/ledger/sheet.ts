// The project ledger (销号台账, 青政办发〔2019〕40号 四(三)) in and out of xlsx, in the office's columns:
// one line per project with 二(一)'s 责任领导、工作专班、具体责任人. Every row is checked on its own and
// each problem reported with its row number and field in Chinese; only good rows are taken.
import ExcelJS from 'exceljs';
import { civilDateOf, isCivilDate } from '@duban/calendar';
import { resolveUnit, unitByCode } from '@duban/units';
import {
  PROJECT_LEVELS,
  ProjectSchema,
  type Project,
  type ProjectLevel,
} from '@duban/workflow-project-quality/client';

/** Column header → field, in the office's order. */
export const LEDGER_COLUMNS = [
  ['项目编号', 'projectId'],
  ['项目名称', 'name'],
  ['项目级别', 'level'],
  ['责任单位', 'unitCode'],
  ['责任领导', 'leader'],
  ['工作专班', 'workingGroup'],
  ['具体责任人', 'personInCharge'],
  ['计划总投资（万元）', 'plannedInvestmentWan'],
  ['年度计划投资（万元）', 'yearTargetWan'],
  ['计划开工日期', 'plannedStart'],
  ['计划竣工日期', 'plannedCompletion'],
  ['储备项目', 'reserve'],
  ['产业转型升级', 'industrialUpgrade'],
  ['建成年份', 'builtIn'],
  ['达产达效日期', 'designOutputOn'],
  ['销号日期', 'closedOn'],
] as const;
type Field = (typeof LEDGER_COLUMNS)[number][1];
const LABEL = Object.fromEntries(LEDGER_COLUMNS.map(([h, f]) => [f, h])) as Record<Field, string>;
/** A ledger field's Chinese column name (for problems named the way the office names them). */
export const ledgerLabel = (field: string): string => LABEL[field as Field] ?? field;
/** Columns a sheet must have; the rest may be left out. */
const REQUIRED: Field[] = LEDGER_COLUMNS.slice(0, 11).map(([, f]) => f);

export interface RowProblem {
  field: string;
  problem: string;
}
export type LedgerRow =
  { row: number; ok: true; project: Project } | { row: number; ok: false; problems: RowProblem[] };
export interface LedgerRead {
  rows: LedgerRow[];
  /** Problems of the sheet as a whole (a missing column). */
  sheet: string[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return civilDateOf(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
  }
  return String(value).trim();
}

const LEVEL_BY_WORD = new Map<string, ProjectLevel>([
  ...Object.entries(PROJECT_LEVELS).map(([k, v]) => [v, k as ProjectLevel] as const),
  ['自治区级', 'region'],
  ['自治区重点', 'region'],
  ['自治区重点项目', 'region'],
  ['吴忠市重点项目', 'wuzhong'],
  ['吴忠市级', 'wuzhong'],
  ['吴忠市重点', 'wuzhong'],
  ['基本建设', 'basic'],
  ['一般', 'basic'],
]);
const YES = new Set(['是', '√', 'Y', 'y', '1']);
const NO = new Set(['否', '', 'N', 'n', '0']);

/** One row's cells to a project, or the problems found (every one, not just the first). */
export function projectOfRow(cells: Record<string, string>): { project?: Project; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const raw: Record<string, unknown> = {};
  const put = (field: Field, v: unknown) => {
    if (v !== undefined) raw[field] = v;
  };
  for (const [header, field] of LEDGER_COLUMNS) {
    const text = (cells[header] ?? '').trim();
    if (text === '') {
      if (REQUIRED.includes(field)) problems.push({ field: header, problem: '不能为空' });
      continue;
    }
    switch (field) {
      case 'level': {
        const level = LEVEL_BY_WORD.get(text);
        if (!level)
          problems.push({
            field: header,
            problem: `“${text}”应为 ${Object.values(PROJECT_LEVELS).join('、')}`,
          });
        put(field, level);
        break;
      }
      case 'unitCode': {
        const hit = unitByCode(text) ? { ok: true as const, code: text } : resolveUnit(text);
        if ('code' in hit) put(field, hit.code);
        else if (hit.ok) put(field, hit.unit.code);
        else problems.push({ field: header, problem: `“${text}”不是已登记的单位` });
        break;
      }
      case 'plannedInvestmentWan':
      case 'yearTargetWan':
      case 'builtIn': {
        const n = Number(text.replace(/,/g, ''));
        if (!Number.isFinite(n)) problems.push({ field: header, problem: `“${text}”不是数字` });
        else put(field, n);
        break;
      }
      case 'plannedStart':
      case 'plannedCompletion':
      case 'designOutputOn':
      case 'closedOn': {
        const date = text.replace(/[./年月]/g, '-').replace(/日$/, '');
        const padded = date.replace(
          /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
          (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        );
        if (!isCivilDate(padded))
          problems.push({ field: header, problem: `“${text}”不是有效日期（应为 2019-05-23）` });
        else put(field, padded);
        break;
      }
      case 'reserve':
      case 'industrialUpgrade':
        if (YES.has(text)) put(field, true);
        else if (NO.has(text)) put(field, false);
        else problems.push({ field: header, problem: `“${text}”应为 是 或 否` });
        break;
      default:
        put(field, text);
    }
  }
  if (problems.length) return { problems };
  const parsed = ProjectSchema.safeParse(raw);
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => ({
        field: LABEL[String(i.path[0]) as Field] ?? String(i.path[0]),
        problem: i.message,
      })),
    };
  return { project: parsed.data, problems: [] };
}

/** The first sheet of an xlsx ledger: a header row, then one project a row (empty rows skipped). */
export async function readLedger(data: ArrayBuffer | Uint8Array): Promise<LedgerRead> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  const ws = book.worksheets[0];
  if (!ws) return { rows: [], sheet: ['文件中没有工作表'] };
  const headers = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) =>
    headers.set(col, cellText(cell.value).replace(/\(/g, '（').replace(/\)/g, '）')),
  );
  const present = new Set(headers.values());
  const missing = REQUIRED.map((f) => LABEL[f]).filter((h) => !present.has(h));
  if (missing.length) return { rows: [], sheet: [`缺少列：${missing.join('、')}`] };
  const rows: LedgerRow[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    r.eachCell((cell, col) => {
      const h = headers.get(col);
      if (h) cells[h] = cellText(cell.value);
    });
    if (Object.values(cells).every((v) => v === '')) return;
    const { project, problems } = projectOfRow(cells);
    const first = project ? seen.get(project.projectId) : undefined;
    if (project && first !== undefined) problems.push({ field: '项目编号', problem: `与第${first}行重复` });
    if (project && !problems.length) {
      seen.set(project.projectId, rowNumber);
      rows.push({ row: rowNumber, ok: true, project });
    } else rows.push({ row: rowNumber, ok: false, problems });
  });
  return { rows, sheet: [] };
}

/** The ledger as xlsx, in the same columns (a sheet exported can be imported again). */
export async function writeLedger(projects: Project[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('销号台账');
  ws.addRow(LEDGER_COLUMNS.map(([h]) => h));
  ws.getRow(1).font = { bold: true };
  for (const p of projects) {
    ws.addRow(
      LEDGER_COLUMNS.map(([, f]) => {
        const v = p[f];
        if (f === 'level') return PROJECT_LEVELS[p.level];
        if (f === 'unitCode') return unitByCode(p.unitCode)?.name ?? p.unitCode;
        if (typeof v === 'boolean') return v ? '是' : '否';
        return v ?? '';
      }),
    );
  }
  ws.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await book.xlsx.writeBuffer());
}
