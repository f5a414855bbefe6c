import ExcelJS from 'exceljs';
import { createEvents, type EventAttributes } from 'ics';
import { z } from 'zod';
import { civilDateOf, daysBetween } from '@duban/calendar';
import { Colours, ReadModels, UnitCodeSchema, type Colour } from '@duban/contracts';
import { ItemStates, type ItemDoc, type ItemState } from '@duban/workflow-supervision/client';
import { unitByCode } from '@duban/units';
import type { Response } from 'express';
import type { Filter } from 'mongodb';
import type { RouteContext } from '../deps';
import { problems, defineRoute, type Route, XLSX, sendXlsx } from '@duban/http';
import { calendarDatesOf, itemsFilter, ItemsQuery, overdueRows } from '@duban/service-supervision';

/** Light fills for the 预警 cell, in the ladder's colours (DESIGN §5). */
const FILLS: Record<Colour, string | null> = {
  red: 'FFFFA39E',
  yellow: 'FFFFE58F',
  blue: 'FF91CAFF',
  green: 'FFB7EB8F',
  none: null,
};

/** The ledger's filters are the list's, without paging: the sheet holds every matching item. */
export const ExportQuery = ItemsQuery.omit({ page: true, pageSize: true });

const CalendarParams = z.object({ unitCode: UnitCodeSchema });
const CalendarQuery = z.object({
  access_token: z.string().optional().meta({ description: '令牌（日历应用订阅时无法设置请求头）' }),
});

function unitNames(codes: readonly string[]): string {
  return codes.map((code) => unitByCode(code)?.name ?? code).join('、');
}

function stateName(state: ItemState): string {
  return ItemStates[state] ?? state;
}

function colourName(colour: Colour): string {
  return Colours[colour] ?? colour;
}

/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghaiTime(value: Date | string): string {
  const ms = new Date(value).getTime() + 8 * 3_600_000;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

interface Column {
  header: string;
  width: number;
}

/** A sheet in the layout an office keeps: a merged title row, a frozen bold header, set widths. */
function ledgerSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: Column[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 16 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  const header = sheet.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return sheet;
}

function styleBody(row: ExcelJS.Row, colourColumn: number, colour: Colour): void {
  row.alignment = { vertical: 'top', wrapText: true };
  const argb = FILLS[colour];
  if (argb) {
    row.getCell(colourColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  }
}

async function sendWorkbook(res: Response, book: ExcelJS.Workbook, asciiName: string, name: string) {
  sendXlsx(res, Buffer.from(await book.xlsx.writeBuffer()), asciiName, name);
}

export function exportRoutes(ctx: RouteContext): Route[] {
  const items = ctx.db.collection<ItemDoc>(ReadModels.items);

  /** Items in ledger order: by document, then clause, as the gazette lists them. */
  async function findItems(filter: Filter<ItemDoc>): Promise<ItemDoc[]> {
    const docs = await items.find(filter).toArray();
    return docs.sort(
      (a, b) =>
        a.docNo.localeCompare(b.docNo, 'zh') ||
        a.ref.localeCompare(b.ref, 'zh', { numeric: true }) ||
        a._id.localeCompare(b._id),
    );
  }

  return [
    defineRoute({
      method: 'get',
      path: '/exports/ledger.xlsx',
      operationId: 'exportLedger',
      summary: '督办台账（xlsx）',
      description:
        '每个事项一行：序号、文号、条款、事项、牵头单位、配合单位、办理期限、状态、预警、最新进展、更新时间；' +
        '筛选条件同事项列表。责任单位只导出本单位牵头或配合的事项。',
      tags: ['exports'],
      access: 'user',
      query: ExportQuery,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: z.string() } },
      handler: async ({ query, user, res }) => {
        const today = civilDateOf(ctx.now());
        const found = await findItems(itemsFilter(query, user));
        const book = new ExcelJS.Workbook();
        book.creator = 'Duban 督办';
        book.created = ctx.now();
        const sheet = ledgerSheet(book, '督办台账', `青铜峡市督办事项台账（截至 ${today}）`, [
          { header: '序号', width: 6 },
          { header: '文号', width: 22 },
          { header: '条款', width: 10 },
          { header: '事项', width: 48 },
          { header: '牵头单位', width: 18 },
          { header: '配合单位', width: 24 },
          { header: '办理期限', width: 12 },
          { header: '状态', width: 10 },
          { header: '预警', width: 8 },
          { header: '最新进展', width: 40 },
          { header: '更新时间', width: 17 },
        ]);
        found.forEach((item, index) => {
          const row = sheet.addRow([
            index + 1,
            item.docNo,
            item.ref,
            item.title,
            unitNames(item.leadUnits),
            unitNames(item.cooperatingUnits),
            item.deadline ?? '—',
            stateName(item.state),
            colourName(item.overallColour),
            item.latestProgress?.text ?? '',
            shanghaiTime(item.updatedAt),
          ]);
          styleBody(row, 9, item.overallColour);
        });
        await sendWorkbook(res, book, `ledger-${today}.xlsx`, `督办台账-${today}.xlsx`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/exports/overdue.xlsx',
      operationId: 'exportOverdue',
      summary: '逾期清单（xlsx）',
      description:
        '未销号且已过办理期限的事项，逾期最久的在前；一条有多个时间节点的（如31号 四(二)），每个未完成且已过期的节点一行，' +
        '逾期天数从该节点起算（列“逾期起算节点”）。筛选条件同事项列表。责任单位只导出本单位的事项。',
      tags: ['exports'],
      access: 'user',
      query: ExportQuery,
      responses: { 200: { description: 'xlsx 文件', contentType: XLSX, schema: z.string() } },
      handler: async ({ query, user, res }) => {
        const today = civilDateOf(ctx.now());
        const base = itemsFilter(query, user);
        // An item of several dates is overdue once one of its open ones has passed (31号 四(二):
        // 6月底), before its deadline, and has a row per date passed: the dated open items are read
        // and judged by overdueRows.
        const open: Filter<ItemDoc> = { state: { $ne: 'closed' }, deadline: { $ne: null } };
        const filter = Object.keys(base).length ? { $and: [base, open] } : open;
        const found = overdueRows(await items.find(filter).toArray(), today);
        const book = new ExcelJS.Workbook();
        book.creator = 'Duban 督办';
        book.created = ctx.now();
        const sheet = ledgerSheet(book, '逾期清单', `青铜峡市督办事项逾期清单（截至 ${today}）`, [
          { header: '序号', width: 6 },
          { header: '文号', width: 22 },
          { header: '条款', width: 10 },
          { header: '事项', width: 48 },
          { header: '牵头单位', width: 18 },
          { header: '配合单位', width: 24 },
          { header: '办理期限', width: 12 },
          { header: '逾期天数', width: 9 },
          { header: '状态', width: 10 },
          { header: '预警', width: 8 },
          { header: '最新进展', width: 40 },
          { header: '逾期起算节点', width: 24 },
        ]);
        found.forEach(({ item, overdue }, index) => {
          const row = sheet.addRow([
            index + 1,
            item.docNo,
            item.ref,
            item.title,
            unitNames(item.leadUnits),
            unitNames(item.cooperatingUnits),
            item.deadline,
            daysBetween(overdue.since, today),
            stateName(item.state),
            colourName(item.overallColour),
            item.latestProgress?.text ?? '',
            overdue.milestone ? `${overdue.since}（${overdue.milestone}）` : '',
          ]);
          styleBody(row, 10, item.overallColour);
        });
        await sendWorkbook(res, book, `overdue-${today}.xlsx`, `逾期清单-${today}.xlsx`);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/calendar/:unitCode.ics',
      operationId: 'unitCalendar',
      summary: '单位办理期限日历（iCalendar）',
      description:
        '一个单位未销号事项的办理期限，每项一个全天事件（期限当日，Asia/Shanghai）；牵头事项用事项期限，' +
        '一条有多个时间节点的（如31号 四(二)）每个未完成节点一个事件；配合事项用本单位子任务的期限。日历应用订阅时令牌放在 access_token 查询参数中。责任单位只能订阅本单位。',
      tags: ['exports'],
      access: 'user',
      queryToken: true,
      params: CalendarParams,
      query: CalendarQuery,
      responses: {
        200: { description: 'iCalendar', contentType: 'text/calendar', schema: z.string() },
      },
      problems: { 404: '没有这个单位' },
      handler: async ({ params, user, res }) => {
        const unit = unitByCode(params.unitCode);
        if (!unit) throw problems.notFound(`没有单位 ${params.unitCode}`);
        if (user.role === 'bureau' && user.unitCode !== unit.code) {
          throw problems.forbidden('只能订阅本单位的日历');
        }
        const found = await findItems({
          state: { $ne: 'closed' },
          $or: [{ leadUnits: unit.code }, { cooperatingUnits: unit.code }],
        });
        const events: EventAttributes[] = [];
        for (const item of found) {
          for (const date of calendarDatesOf(item, unit.code)) {
            const [year = 0, month = 0, day = 0] = date.date.split('-').map(Number);
            events.push({
              uid: date.uid,
              title:
                `【${date.role === 'lead' ? '牵头' : '配合'}】${item.title}` +
                (date.milestone ? `（节点：${date.milestone}）` : ''),
              description:
                `${item.docNo} ${item.ref}\n状态：${stateName(item.state)}；预警：${colourName(item.overallColour)}\n` +
                `牵头单位：${unitNames(item.leadUnits)}`,
              start: [year, month, day],
              end: nextDay(year, month, day),
              categories: ['督办', colourName(item.overallColour)],
            });
          }
        }
        const { error, value } = createEvents(events, {
          productId: 'duban/calendar',
          calName: `${unit.name}督办期限`,
        });
        if (error || !value) throw error ?? new Error('日历生成失败');
        // All-day dates are the civil dates of Asia/Shanghai; say so for the calendar apps.
        const body = value.replace(
          /\r\nBEGIN:VEVENT|\r\nEND:VCALENDAR/,
          (m) => `\r\nX-WR-TIMEZONE:Asia/Shanghai${m}`,
        );
        res
          .status(200)
          .type('text/calendar; charset=utf-8')
          .set('content-disposition', `inline; filename="${unit.code}.ics"`)
          .send(body);
      },
    }),
  ];
}

function nextDay(year: number, month: number, day: number): [number, number, number] {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
