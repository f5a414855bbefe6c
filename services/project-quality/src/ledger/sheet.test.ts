import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeOut, closeOutRefusal } from './closeout';
import { LEDGER_COLUMNS, readLedger, writeLedger } from './sheet';

const HEAD = LEDGER_COLUMNS.map(([h]) => h);
const good = [
  'XM-001',
  '青铜峡工业园区污水处理厂提标改造',
  '吴忠市重点项目',
  '工业和信息化局',
  '王副市长',
  '工业园区项目专班',
  '李某',
  12000,
  8000,
  '2019-03-15',
  '2019-11-30',
  '否',
  '是',
  '',
  '',
  '',
];

async function book(rows: unknown[][]): Promise<Uint8Array> {
  const b = new ExcelJS.Workbook();
  const ws = b.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await b.xlsx.writeBuffer());
}

describe('销号台账 import and export (40号 四(三), 二(一))', () => {
  it('takes good rows and reports each bad one by row, field and problem in Chinese', async () => {
    const bad = [...good];
    bad[0] = 'XM-002';
    bad[2] = '县级';
    bad[3] = '火星局';
    bad[9] = '2019-02-30';
    const late = [...good];
    late[0] = 'XM-003';
    late[10] = '2019-01-01';
    const read = await readLedger(await book([HEAD, good, bad, [], late, good]));
    expect(read.sheet).toEqual([]);
    expect(read.rows[0]).toMatchObject({
      row: 2,
      ok: true,
      project: {
        projectId: 'XM-001',
        level: 'wuzhong',
        unitCode: 'miit',
        reserve: false,
        industrialUpgrade: true,
      },
    });
    expect(read.rows[1]).toEqual({
      row: 3,
      ok: false,
      problems: [
        { field: '项目级别', problem: '“县级”应为 自治区级重点项目、吴忠市级重点项目、基本建设项目' },
        { field: '责任单位', problem: '“火星局”不是已登记的单位' },
        { field: '计划开工日期', problem: '“2019-02-30”不是有效日期（应为 2019-05-23）' },
      ],
    });
    expect(read.rows[2]).toEqual({
      row: 5,
      ok: false,
      problems: [{ field: '计划竣工日期', problem: '计划竣工日期不能早于计划开工日期' }],
    });
    expect(read.rows[3]).toEqual({
      row: 6,
      ok: false,
      problems: [{ field: '项目编号', problem: '与第2行重复' }],
    });
  });

  it('names the missing columns of a sheet not in the office’s form', async () => {
    const read = await readLedger(
      await book([
        ['项目名称', '责任单位'],
        ['x', '教育局'],
      ]),
    );
    expect(read.sheet[0]).toMatch(/^缺少列：项目编号、项目级别/);
  });

  it('exports what it imports', async () => {
    const first = await readLedger(await book([HEAD, good]));
    const projects = first.rows.flatMap((r) => (r.ok ? [r.project] : []));
    const again = await readLedger(new Uint8Array(await writeLedger(projects)));
    expect(again.rows).toEqual(first.rows);
  });

  it('closes out a project only once it has started and done its year’s investment (完成一项，销号一项)', async () => {
    const [row] = (await readLedger(await book([HEAD, good]))).rows;
    if (!row?.ok) throw new Error('row');
    const p = row.project;
    const progress = { projectId: p.projectId, investmentDoneWan: 7999, started: true, problems: '' };
    expect(closeOutRefusal(p, undefined, '2019-10-01')).toMatch(/尚未报送开工/);
    expect(closeOutRefusal(p, progress, '2019-10-01')).toMatch(/年度投资尚未完成/);
    expect(closeOutRefusal(p, { ...progress, investmentDoneWan: 8000 }, '2019-10-01')).toBeNull();
    expect(closeOutRefusal(closeOut(p, '2019-10-01'), progress, '2019-10-02')).toMatch(
      /已于 2019-10-01 销号/,
    );
  });
});
