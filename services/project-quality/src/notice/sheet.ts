// The monthly notice as a generated xlsx: the key projects' rates, then the units' rates and reports.
import ExcelJS from 'exceljs';
import { unitByCode } from '@duban/units';
import { percent } from '@duban/workflow-project-quality/client';
import type { MonthlyNotice } from './notice';

const REPORT_WORDS = {
  'on-time': '按时报送',
  late: '逾期补报',
  missing: '逾期未报',
  'not-due': '未到报送日',
} as const;
const unitName = (code: string) => unitByCode(code)?.name ?? code;

export async function noticeWorkbook(n: MonthlyNotice): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const title = `${n.year}年${n.month}月重点建设项目投资完成率、开工率通报（青政办发〔2019〕40号 二(三)、四(五)）`;
  const projects = book.addWorksheet('重点项目');
  projects.addRow([title]);
  projects.addRow([
    '项目编号',
    '项目名称',
    '级别',
    '责任单位',
    '年度计划投资（万元）',
    '累计完成投资（万元）',
    '投资完成率',
    '计划开工',
    '是否开工',
    '存在问题',
  ]);
  for (const p of n.projects)
    projects.addRow([
      p.projectId,
      p.name,
      p.level,
      unitName(p.unitCode),
      p.yearTargetWan,
      p.investmentDoneWan,
      percent(p.completionRate),
      p.plannedStart,
      p.started ? '已开工' : '未开工',
      p.problems,
    ]);
  const units = book.addWorksheet('责任单位');
  units.addRow([title]);
  units.addRow([
    '责任单位',
    '年度计划投资（万元）',
    '累计完成投资（万元）',
    '投资完成率',
    '应开工项目',
    '已开工项目',
    '开工率',
    '本月报送',
  ]);
  for (const u of n.units)
    units.addRow([
      unitName(u.unitCode),
      u.yearTargetWan,
      u.investmentDoneWan,
      percent(u.completionRate),
      u.dueToStart,
      u.started,
      percent(u.startRate),
      REPORT_WORDS[u.report],
    ]);
  for (const ws of [projects, units]) {
    ws.getRow(1).font = { bold: true };
    ws.getRow(2).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
