// 归档 (issue 23, point 6): a closed item's full record as one xlsx bundle — the item (文号, clause,
// units, deadlines, state, 办结评价, 批示), its whole timeline, the attachments its units sent and
// its urges. Built from the read models (rebuilt from the event stream), so it can be made again.
import ExcelJS from 'exceljs';
import type { TimelineDoc } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import { ItemStates, Ratings, type ItemDoc } from '@duban/workflow-supervision/client';

/** The sheets, in order: the console and the tests read them by these names. */
export const ARCHIVE_SHEETS = {
  item: '事项',
  timeline: '时间线',
  attachments: '附件',
  urges: '催办',
} as const;

type ArchivedItem = Pick<
  ItemDoc,
  | 'itemId'
  | 'docNo'
  | 'ref'
  | 'title'
  | 'leadUnits'
  | 'cooperatingUnits'
  | 'state'
  | 'deadline'
  | 'originalDeadline'
  | 'deadlineHistory'
  | 'createdAt'
  | 'closedAt'
  | 'rating'
  | 'urges'
  | 'archived'
>;

const unitName = (code: string | null | undefined) => (code ? (unitByCode(code)?.name ?? code) : '');
const units = (codes: readonly string[]) => codes.map(unitName).join('、');
/** An instant as Beijing time, 2019-05-31 17:00. */
export function beijingTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const at = new Date(typeof value === 'string' ? value : value.getTime());
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

interface Attachment {
  name: string;
  url?: string;
  note?: string;
}

function sheetOf(book: ExcelJS.Workbook, name: string, columns: [string, number][]) {
  const sheet = book.addWorksheet(name);
  sheet.addRow(columns.map(([title]) => title)).font = { bold: true };
  columns.forEach(([, width], i) => (sheet.getColumn(i + 1).width = width));
  return sheet;
}

export async function archiveWorkbook(item: ArchivedItem, timeline: readonly TimelineDoc[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  const steps = [...timeline].sort((a, b) => a.version - b.version || a.at.getTime() - b.at.getTime());

  const facts = sheetOf(book, ARCHIVE_SHEETS.item, [
    ['项目', 14],
    ['内容', 80],
  ]);
  const instructions = steps.filter((s) => s.fact === 'instruction_written');
  const rows: [string, string][] = [
    ['事项编号', item.itemId],
    ['文号', item.docNo],
    ['条款', item.ref],
    ['任务', item.title],
    ['牵头单位', units(item.leadUnits)],
    ['配合单位', units(item.cooperatingUnits)],
    ['原定期限', item.originalDeadline ?? '无'],
    ['办理期限', item.deadline ?? '无'],
    ...item.deadlineHistory.map((d): [string, string] => [
      '期限调整',
      `${d.previous ?? '无'} → ${d.deadline}（${beijingTime(d.at)}，${d.reason}）`,
    ]),
    ['状态', `${ItemStates[item.state]}${item.archived ? '，已归档' : ''}`],
    ['交办时间', beijingTime(item.createdAt)],
    ['销号时间', beijingTime(item.closedAt)],
    ['办结评价', item.rating ? Ratings[item.rating.rating] : '未评价'],
    ['评价意见', item.rating?.comment ?? ''],
    ...instructions.map((s): [string, string] => [
      '领导批示',
      `${beijingTime(s.at)} ${s.actor.userId ?? ''}：${String(s.data.text ?? '')}`,
    ]),
    ['归档', item.archived ? `${beijingTime(item.archived.at)} ${item.archived.byName}` : ''],
  ];
  for (const row of rows) facts.addRow(row);

  const lines = sheetOf(book, ARCHIVE_SHEETS.timeline, [
    ['时间', 18],
    ['单位', 20],
    ['用户', 16],
    ['操作', 20],
    ['内容', 80],
  ]);
  for (const s of steps)
    lines.addRow([
      beijingTime(s.at),
      unitName(s.actor.unitCode),
      s.actor.userId ?? '系统',
      s.fact,
      s.summary,
    ]);

  const files = sheetOf(book, ARCHIVE_SHEETS.attachments, [
    ['时间', 18],
    ['单位', 20],
    ['随附于', 14],
    ['名称', 30],
    ['链接', 40],
    ['说明', 40],
  ]);
  for (const s of steps)
    for (const a of (s.data.attachments as Attachment[] | undefined) ?? [])
      files.addRow([
        beijingTime(s.at),
        unitName(s.actor.unitCode),
        s.fact === 'close_requested' ? '申请办结' : '报送进展',
        a.name,
        a.url ?? '',
        a.note ?? '',
      ]);

  const urges = sheetOf(book, ARCHIVE_SHEETS.urges, [
    ['次序', 6],
    ['单位', 20],
    ['催办时间', 18],
    ['催办人', 14],
    ['内容', 40],
    ['反馈期限', 12],
    ['反馈时间', 18],
    ['反馈', 40],
    ['情况', 16],
  ]);
  for (const u of item.urges ?? [])
    urges.addRow([
      u.no,
      unitName(u.unitCode),
      beijingTime(u.at),
      u.byUserId,
      u.message,
      u.replyBy,
      beijingTime(u.answeredAt),
      u.answer ?? '',
      u.withdrawnAt
        ? '随改派撤回'
        : u.answeredAt
          ? u.late
            ? '逾期反馈'
            : '按期反馈'
          : u.overdueAt
            ? '逾期未反馈'
            : '待反馈',
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
