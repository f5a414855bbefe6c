import ExcelJS from 'exceljs';
import { pipeRow } from './html-lines';

/** A cell as the sheet shows it; a date cell as a Chinese date (a 完成时限 column often holds one). */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  return (cell.text ?? '').replace(/\s+/gu, ' ').trim();
}

/**
 * Every sheet's rows as pipe rows under a heading naming the sheet. Merged cells repeat their value
 * (exceljs reads a merged cell's value from its master); columns empty in every row are dropped
 * from the end; an empty row is an empty line.
 */
export async function xlsxToLines(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c)));
      rows.push(cells);
    }
    const width = Math.max(0, ...rows.map((cells) => cells.findLastIndex((c) => c !== '') + 1));
    if (width === 0) return;
    lines.push(`## ${sheet.name}`);
    for (const cells of rows) lines.push(cells.some((c) => c) ? pipeRow(cells.slice(0, width)) : '');
    lines.push('');
  });
  return lines;
}
