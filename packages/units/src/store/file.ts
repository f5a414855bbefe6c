import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultUnitRegistry } from '../active';
import type { UnitRegistry } from '../build';
import { unitsFileData, UnitsFileError, unitsFileRegistry, unitsFromRows } from '../file';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

async function sheetRows(file: string, bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnitsFileError(file, 'file', `不是可读的 xlsx 文件（${(error as Error).message}）`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnitsFileError(file, 'file', '工作簿没有工作表');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Reads and checks a city's own list of units (.json or .xlsx); a UnitsFileError names the row. */
export async function readUnitsFile(file: string): Promise<UnitRegistry> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new UnitsFileError(file, 'file', `无法读取（${error.code ?? error.message}）`);
  });
  if (extname(file).toLowerCase() === '.xlsx') {
    const { data, rowOf } = unitsFromRows(file, await sheetRows(file, bytes));
    return unitsFileRegistry(file, data, rowOf);
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UnitsFileError(file, 'file', `不是有效的 JSON（${(error as Error).message}）`);
  }
  const rowOf = (i: number) => `units[${i}]`;
  return unitsFileRegistry(file, unitsFileData(file, value, rowOf), rowOf);
}

const read = new Map<string, Promise<UnitRegistry>>();

/**
 * The deployment's base registry: the city's own list when a file is named (read once per
 * process; a changed file takes effect on restart), else the built-in catalog.
 */
export function baseUnitRegistry(file: string | null): Promise<UnitRegistry> {
  if (!file) return Promise.resolve(defaultUnitRegistry());
  let registry = read.get(file);
  if (!registry) {
    registry = readUnitsFile(file);
    read.set(file, registry);
    // A file that failed is read again next time (the office may have fixed it).
    void registry.catch(() => read.delete(file));
  }
  return registry;
}
