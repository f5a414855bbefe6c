// 归档 bundle (issue 23, point 6): the workbook read back with exceljs, sheet by sheet.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TimelineDoc } from '@duban/contracts';
import type { ItemSnapshot } from '@duban/workflow-supervision/client';
import { itemSnapshot } from '../alerts/testing';
import { ARCHIVE_SHEETS, archiveWorkbook, beijingTime } from './workbook';

const t = (shanghai: string) => new Date(`${shanghai}+08:00`).toISOString();

const item: ItemSnapshot = itemSnapshot('qzbf-2019-31.3.p1', {
  ref: '三.(一)',
  title: '完成城区幼儿园移交',
  leadUnits: ['edu'],
  subTasks: [],
  state: 'closed',
  colour: 'none',
  overallColour: 'none',
  deadline: '2019-09-30',
  originalDeadline: '2019-06-30',
  deadlineHistory: [
    {
      deadline: '2019-09-30',
      previous: '2019-06-30',
      at: t('2019-06-20T10:00:00'),
      reason: '同意延期',
      byUserId: 'inspector',
    },
  ],
  closedAt: t('2019-09-20T16:30:00'),
  version: 9,
  rating: {
    rating: 'fairly_good',
    comment: '按期完成，资料齐全',
    at: t('2019-09-20T16:30:00'),
    byUserId: 'inspector',
  },
  urges: [
    {
      no: 1,
      unitCode: 'edu',
      message: '请反馈移交进度',
      replyBy: '2019-07-05',
      at: t('2019-07-01T09:00:00'),
      byUserId: 'inspector',
      byRole: 'inspector',
      answeredAt: t('2019-07-08T11:00:00'),
      answer: '已移交两所',
      late: true,
      overdueAt: null,
      withdrawnAt: null,
    },
  ],
  archived: { at: t('2019-10-08T09:00:00'), byUserId: 'inspector', byName: '督查室' },
});

const step = (
  version: number,
  fact: string,
  at: string,
  unitCode: string | null,
  userId: string,
  summary: string,
  data = {},
): TimelineDoc => ({
  _id: `e${version}`,
  itemId: item.itemId,
  version,
  type: `cn.duban.supervision.${fact}.v1`,
  fact,
  summary,
  at: new Date(t(at)),
  actor: { userId, unitCode, requestId: `r${version}` },
  data,
});

const timeline = [
  step(3, 'progress_reported', '2019-06-01T10:00:00', 'edu', 'bureau-edu', '教育局报送进展', {
    attachments: [{ name: '移交清单.pdf', url: 'https://files.example/1.pdf' }],
  }),
  step(1, 'item_assigned', '2019-05-10T09:00:00', null, 'system', '交办'),
  step(5, 'instruction_written', '2019-07-02T08:00:00', null, 'leader', '批示', { text: '抓紧办理' }),
  step(8, 'close_requested', '2019-09-15T15:00:00', 'edu', 'bureau-edu', '申请办结', {
    attachments: [{ name: '验收报告.docx', note: '终稿' }],
  }),
  step(10, 'item_archived', '2019-10-08T09:00:00', null, 'inspector', '归档'),
];

async function readBack() {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await archiveWorkbook(item, timeline)) as unknown as ArrayBuffer);
  const rows = (name: string) =>
    (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
  return { book, rows };
}

describe('the archive bundle of a closed item', () => {
  it('has the item, its timeline, its attachments and its urges, one sheet each', async () => {
    const { book, rows } = await readBack();
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(ARCHIVE_SHEETS));

    const facts = new Map<string, string[]>();
    for (const [k, v] of rows(ARCHIVE_SHEETS.item).slice(1))
      facts.set(String(k), [...(facts.get(String(k)) ?? []), String(v ?? '')]);
    expect(facts.get('文号')).toEqual(['青政办发〔2019〕31号']);
    expect(facts.get('条款')).toEqual(['三.(一)']);
    expect(facts.get('牵头单位')?.[0]).toContain('教育');
    expect(facts.get('原定期限')).toEqual(['2019-06-30']);
    expect(facts.get('办理期限')).toEqual(['2019-09-30']);
    expect(facts.get('期限调整')?.[0]).toContain('2019-06-30 → 2019-09-30');
    expect(facts.get('状态')).toEqual(['已销号，已归档']);
    expect(facts.get('办结评价')).toEqual(['较好']);
    expect(facts.get('评价意见')).toEqual(['按期完成，资料齐全']);
    expect(facts.get('领导批示')).toEqual(['2019-07-02 08:00 leader：抓紧办理']);
    expect(facts.get('归档')).toEqual(['2019-10-08 09:00 督查室']);

    const lines = rows(ARCHIVE_SHEETS.timeline);
    expect(lines[0]).toEqual(['时间', '单位', '用户', '操作', '内容']);
    expect(lines.slice(1).map((r) => r[3])).toEqual([
      'item_assigned',
      'progress_reported',
      'instruction_written',
      'close_requested',
      'item_archived',
    ]);
    expect(lines[2]).toEqual([
      '2019-06-01 10:00',
      expect.stringContaining('教育'),
      'bureau-edu',
      'progress_reported',
      '教育局报送进展',
    ]);

    const files = rows(ARCHIVE_SHEETS.attachments).slice(1);
    expect(files.map((r) => [r[2], r[3], r[4] ?? '', r[5] ?? ''])).toEqual([
      ['报送进展', '移交清单.pdf', 'https://files.example/1.pdf', ''],
      ['申请办结', '验收报告.docx', '', '终稿'],
    ]);

    const urges = rows(ARCHIVE_SHEETS.urges).slice(1);
    expect(urges).toEqual([
      [
        1,
        expect.stringContaining('教育'),
        '2019-07-01 09:00',
        'inspector',
        '请反馈移交进度',
        '2019-07-05',
        '2019-07-08 11:00',
        '已移交两所',
        '逾期反馈',
      ],
    ]);
  });

  it('writes instants in Beijing time', () => {
    expect(beijingTime('2019-12-31T16:30:00.000Z')).toBe('2020-01-01 00:30');
    expect(beijingTime(null)).toBe('');
  });
});
