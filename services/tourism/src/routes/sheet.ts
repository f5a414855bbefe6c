// The settlement sheet for 财政局 (三.4 年底结算): one row per agency and reward kind, with the
// item of 二 it comes from; a voided agency has one row saying why (四(一)).
import ExcelJS from 'exceljs';
import { REWARD_KINDS, agencyRewardLines } from '@duban/workflow-tourism/client';
import { placeOf, type Standing } from '../ranking';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '旅行社', width: 28 },
  { header: '奖励类别', width: 18 },
  { header: '条款', width: 8 },
  { header: '计算依据', width: 36 },
  { header: '金额（元）', width: 14 },
  { header: '结算状态', width: 10 },
  { header: '备注', width: 40 },
];

const STATUS = { open: '申报中', due: '待结算', settled: '已结算' } as const;

export async function settlementSheet(standing: Standing, year: number, now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.created = now;
  const sheet = book.addWorksheet(`${year}年度结算`);
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  sheet.getCell(1, 1).value = `青铜峡市${year}年引客入青奖励结算表（青政办发〔2019〕34号）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = COLUMNS.map((c) => c.header);
  sheet.getRow(2).font = { bold: true };
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  let n = 0;
  let total = 0;
  for (const s of standing.settlements) {
    const status = STATUS[s.status];
    if (s.voiding) {
      n += 1;
      sheet.addRow([
        n,
        s.agency.name,
        '不予奖励',
        '四(一)',
        '',
        0,
        status,
        `${s.voiding.reason}（${s.voiding.byName}认定）`,
      ]);
      continue;
    }
    // Once settled the sheet shows what was settled; before, the ranking as it stands.
    const best = s.status === 'settled' ? s.bestAgency : placeOf(standing, s.agency.code);
    const lines = s.status === 'settled' ? s.rewardLines : agencyRewardLines(s, 'combined', best);
    for (const line of lines) {
      n += 1;
      total += line.amount;
      sheet.addRow([
        n,
        s.agency.name,
        REWARD_KINDS[line.kind].label,
        line.item,
        line.basis,
        line.amount,
        status,
        '',
      ]);
    }
  }
  const sum = sheet.addRow(['', '合计', '', '', '', total, '', '']);
  sum.font = { bold: true };
  sheet.getColumn(6).numFmt = '#,##0';
  return Buffer.from(await book.xlsx.writeBuffer());
}
