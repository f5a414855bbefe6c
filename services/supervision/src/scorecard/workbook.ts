// The scorecard as an xlsx sheet for the year-end meeting (年终考核).
import ExcelJS from 'exceljs';
import { unitByCode } from '@duban/units';
import { Ratings } from '@duban/workflow-supervision/client';
import type { Period, UnitFigures } from './figures';

const COLUMNS: [string, number, (f: UnitFigures) => string | number][] = [
  ['名次', 6, (f) => f.rank],
  ['单位', 20, (f) => unitByCode(f.unitCode)?.name ?? f.unitCode],
  ['到期事项', 9, (f) => f.due],
  ['按期办结', 9, (f) => f.closedOnTime],
  ['逾期办结', 9, (f) => f.closedLate],
  ['逾期未办结', 10, (f) => f.stillOverdue],
  ['逾期天数', 9, (f) => f.daysOverdue],
  ['收到催办', 9, (f) => f.urgesReceived],
  ['逾期反馈', 9, (f) => f.urgesAnsweredLate],
  ['未反馈', 8, (f) => f.urgesUnanswered],
  ['申请延期', 9, (f) => f.extensionsAsked],
  ['延期获批', 9, (f) => f.extensionsGranted],
  ...(Object.keys(Ratings) as (keyof typeof Ratings)[]).map(
    (k): [string, number, (f: UnitFigures) => number] => [`评价${Ratings[k]}`, 8, (f) => f.ratings[k]],
  ),
  ['按期办结率', 11, (f) => (f.onTimeRate === null ? '—' : `${(f.onTimeRate * 100).toFixed(1)}%`)],
  ['得分', 8, (f) => f.score],
];

export async function scorecardWorkbook(
  period: Period,
  figures: UnitFigures[],
  rules: string,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  const sheet = book.addWorksheet(`考核 ${period.key}`);
  sheet.addRow([`青铜峡市督办事项单位考核表（${period.key}：${period.from} 至 ${period.to}）`]).font = {
    bold: true,
  };
  sheet.addRow([`计分规则：${rules}`]);
  const header = sheet.addRow(COLUMNS.map(([title]) => title));
  header.font = { bold: true };
  COLUMNS.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  for (const f of figures) sheet.addRow(COLUMNS.map(([, , value]) => value(f)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
