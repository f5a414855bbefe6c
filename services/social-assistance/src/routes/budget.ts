// The yearly budget sheet (xlsx) for 民政局 and 财政局: one row per cost line of 五(三) and service
// year, then the three payments of 六(四) with their due and paid dates; and the board's totals.
import ExcelJS from 'exceljs';
import { PAYMENT_PARTS, type PurchaseSnapshot } from '@duban/workflow-social-assistance/client';
import { defineRoute, problems, type ProcessRouteContext, type Route, XLSX, sendXlsx } from '@duban/http';
import { cases, purchases } from '../collections';
import { SaViews } from '../schemas';
import { IdParams, SA_TAGS, readers } from './purchases';

export async function budgetSheet(p: PurchaseSnapshot, now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.created = now;
  const sheet = book.addWorksheet(`${p.year}年度预算`);
  sheet.mergeCells(1, 1, 1, 6);
  sheet.getCell(1, 1).value = `青铜峡市购买社会救助服务年度预算（${p.purchaseId}，青政办发〔2019〕39号）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = ['服务年度', '项目', '条款', '计算依据', '金额（元）', '备注'];
  sheet.getRow(2).font = { bold: true };
  [10, 28, 10, 56, 14, 30].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const b of p.budgets) {
    for (const line of b.lines)
      sheet.addRow([
        `第${b.serviceYear}年`,
        line.label,
        line.clause,
        line.basis,
        line.yuan,
        `${b.start} 至 ${b.end}`,
      ]);
    sheet.addRow([`第${b.serviceYear}年`, '合计', '', '', b.totalYuan, '']).font = { bold: true };
  }
  sheet.addRow([]);
  sheet.addRow(['服务年度', '拨付', '条款', '应拨付期限', '金额（元）', '拨付情况']).font = { bold: true };
  for (const x of p.payments)
    sheet.addRow([
      `第${x.serviceYear}年`,
      PAYMENT_PARTS[x.part].label,
      '六(四)',
      x.due ?? (x.held ? '暂停' : '待评估合格'),
      x.amountYuan,
      x.paidOn ? `${x.paidOn} 已拨付${x.late ? '（逾期）' : ''}` : (x.held ?? '未拨付'),
    ]);
  sheet.getColumn(5).numFmt = '#,##0.00';
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function budgetRoutes(ctx: ProcessRouteContext): Route[] {
  return [
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/purchases/:id/budget.xlsx',
      operationId: 'socialAssistanceBudgetSheet',
      summary: '年度预算表（xlsx：五(三)各项费用，六(四)三次拨付）',
      tags: SA_TAGS,
      params: IdParams,
      problems: { 404: '不存在' },
      responses: {
        200: { description: 'xlsx 文件', contentType: XLSX, schema: SaViews.opened.shape.purchaseId },
      },
      handler: async ({ params, res }) => {
        const p = await purchases(ctx.db).findOne({ _id: params.id });
        if (!p) throw problems.notFound(`购买项目 ${params.id} 不存在`);
        const buffer = await budgetSheet(p, ctx.now());
        sendXlsx(res, buffer, `social-assistance-${p.purchaseId}.xlsx`);
      },
    }),
    defineRoute({
      ...readers,
      method: 'get',
      path: '/social-assistance/summary',
      operationId: 'socialAssistanceSummary',
      summary: '领导总览：预算与已拨付、应拨和逾期拨付、缺额岗位、各镇各环节救助申请',
      tags: SA_TAGS,
      responses: { 200: { description: '总览', schema: SaViews.summary } },
      handler: async ({ res }) => {
        const ps = await purchases(ctx.db).find({}).limit(100).toArray();
        const rows = await cases(ctx.db).find({}).limit(5000).toArray();
        const casesByTown: Record<string, Record<string, number>> = {};
        for (const c of rows) {
          const town = (casesByTown[c.household.townCode] ??= {});
          const step = c.step ?? c.decision ?? 'decided';
          town[step] = (town[step] ?? 0) + 1;
        }
        const fen = (v: number) => Math.round(v * 100);
        res.json({
          purchases: ps.map((p) => ({
            purchaseId: p.purchaseId,
            colour: p.colour,
            budgetYuan: p.budgets.reduce((s, b) => s + fen(b.totalYuan), 0) / 100,
            paidYuan: p.payments.reduce((s, x) => s + fen(x.paidYuan ?? 0), 0) / 100,
            duePayments: p.payments.filter((x) => x.due && !x.paidOn && !x.held).length,
            latePayments: p.payments.filter((x) => x.late || x.colour === 'red').length,
            vacancies: p.roster.filter((s) => !s.officerCode).length,
          })),
          casesByTown,
          casesRed: rows.filter((c) => c.colour === 'red').length,
        });
      },
    }),
  ];
}
