// A simulated 2020Q4 for three units, checked figure by figure (issue 23, point 5).
import { describe, expect, it } from 'vitest';
import type { ItemSnapshot, UrgeSnapshot } from '@duban/workflow-supervision/client';
import { periodOf, scorecardOf, type ExtensionFact } from './figures';

const t = (shanghai: string) => new Date(`${shanghai}+08:00`).toISOString();

function item(
  over: Partial<ItemSnapshot> & Pick<ItemSnapshot, 'itemId' | 'leadUnits' | 'deadline'>,
): ItemSnapshot {
  return {
    docNo: '青政办发〔2019〕31号',
    ref: '三.(一)',
    title: '移交',
    cooperatingUnits: [],
    state: 'in_progress',
    colour: 'green',
    overallColour: 'green',
    originalDeadline: over.deadline,
    deadlineHistory: [],
    reporting: { kind: 'none' },
    nextReportDue: null,
    reportMissing: false,
    lastProgressAt: null,
    pendingExtension: null,
    subTasks: [],
    redSince: null,
    createdAt: t('2020-09-01T09:00:00'),
    closedAt: null,
    version: 1,
    ...over,
  };
}

function urge(
  no: number,
  unitCode: string,
  at: string,
  replyBy: string,
  more: Partial<UrgeSnapshot> = {},
): UrgeSnapshot {
  return {
    no,
    unitCode,
    message: '请反馈',
    replyBy,
    at: t(at),
    byUserId: 'inspector',
    byRole: 'inspector',
    answeredAt: null,
    answer: null,
    late: false,
    overdueAt: null,
    withdrawnAt: null,
    ...more,
  };
}

const items: ItemSnapshot[] = [
  // A: 教育局 closes on time (rated 好); 住建局's sub-task is done three days late.
  item({
    itemId: 'a',
    leadUnits: ['edu'],
    cooperatingUnits: ['housing'],
    deadline: '2020-10-31',
    state: 'closed',
    lastProgressAt: t('2020-10-30T10:00:00'),
    closedAt: t('2020-11-02T10:00:00'),
    subTasks: [
      {
        unitCode: 'housing',
        state: 'done',
        deadline: '2020-10-31',
        colour: 'none',
        lastProgressAt: t('2020-11-03T10:00:00'),
      },
    ],
    rating: { rating: 'good', comment: null, at: t('2020-11-02T10:00:00'), byUserId: 'inspector' },
  }),
  // B: 教育局 still open past 11-30; urged twice: answered late, then not at all.
  item({
    itemId: 'b',
    leadUnits: ['edu'],
    deadline: '2020-11-30',
    urges: [
      urge(1, 'edu', '2020-12-01T09:00:00', '2020-12-04', {
        answeredAt: t('2020-12-07T09:00:00'),
        late: true,
      }),
      urge(2, 'edu', '2020-12-10T09:00:00', '2020-12-15', { overdueAt: t('2020-12-16T00:00:00') }),
    ],
  }),
  // C: 自然资源局 closes five days late (rated 差), having answered its urge on time.
  item({
    itemId: 'c',
    leadUnits: ['land'],
    deadline: '2020-12-15',
    state: 'closed',
    lastProgressAt: t('2020-12-20T10:00:00'),
    closedAt: t('2020-12-21T10:00:00'),
    rating: { rating: 'poor', comment: '拖延', at: t('2020-12-21T10:00:00'), byUserId: 'inspector' },
    urges: [urge(1, 'land', '2020-12-10T09:00:00', '2020-12-14', { answeredAt: t('2020-12-11T09:00:00') })],
  }),
  // D: due next year; 住建局's urge was withdrawn by a 改派 (counted, not late); a 2020Q3 urge is not in Q4.
  item({
    itemId: 'd',
    leadUnits: ['housing'],
    deadline: '2021-03-31',
    urges: [
      urge(1, 'housing', '2020-09-20T09:00:00', '2020-09-23'),
      urge(2, 'housing', '2020-12-01T09:00:00', '2020-12-04', { withdrawnAt: t('2020-12-02T09:00:00') }),
    ],
  }),
];

const extensions: ExtensionFact[] = [
  { unitCode: 'edu', at: t('2020-11-20T09:00:00'), granted: false },
  { unitCode: 'edu', at: t('2020-11-21T09:00:00'), granted: true },
  { unitCode: 'housing', at: t('2020-12-01T09:00:00'), granted: false },
  { unitCode: 'land', at: t('2020-09-01T09:00:00'), granted: false },
];

describe('the unit scorecard of a simulated 2020Q4', () => {
  const quarter = periodOf('2020Q4')!;
  const figures = scorecardOf(items, extensions, quarter, Date.parse(t('2021-01-01T00:00:30')));
  const byUnit = Object.fromEntries(figures.map((f) => [f.unitCode, f]));

  it('names the quarter and refuses a period out of range', () => {
    expect(quarter).toEqual({ key: '2020Q4', from: '2020-10-01', to: '2020-12-31' });
    expect(periodOf('2020')).toMatchObject({ from: '2020-01-01', to: '2020-12-31' });
    expect(periodOf('0000Q1')).toBeNull();
    expect(periodOf('2020Q5')).toBeNull();
  });

  it('教育局: one on time, one still overdue 32 days, two urges gone wrong, one extension asked and granted, 好', () => {
    expect(byUnit.edu).toEqual({
      unitCode: 'edu',
      due: 2,
      closedOnTime: 1,
      closedLate: 0,
      stillOverdue: 1,
      daysOverdue: 32,
      daysStillOverdue: 32,
      urgesReceived: 2,
      urgesAnsweredLate: 1,
      urgesUnanswered: 1,
      extensionsAsked: 1,
      extensionsGranted: 1,
      ratings: { good: 1, fairly_good: 0, average: 0, poor: 0 },
      onTimeRate: 0.5,
      // 100 − 3 (still overdue) − 3.2 (32 days × 0.1) − 2 (two urges) − 0.5 (extension) + 2 (好)
      score: 93.3,
      rank: 1,
    });
  });

  it('住建局: its sub-task three days late; a withdrawn urge counts as received only', () => {
    expect(byUnit.housing).toMatchObject({
      due: 1,
      closedOnTime: 0,
      closedLate: 1,
      stillOverdue: 0,
      daysOverdue: 3,
      daysStillOverdue: 0,
      urgesReceived: 1,
      urgesAnsweredLate: 0,
      urgesUnanswered: 0,
      extensionsAsked: 1,
      extensionsGranted: 0,
      onTimeRate: 0,
      score: 98,
      rank: 2,
    });
  });

  it('自然资源局: five days late and rated 差; its September extension request is not in Q4', () => {
    expect(byUnit.land).toMatchObject({
      due: 1,
      closedLate: 1,
      daysOverdue: 5,
      urgesReceived: 1,
      urgesAnsweredLate: 0,
      extensionsAsked: 0,
      ratings: { good: 0, fairly_good: 0, average: 0, poor: 1 },
      onTimeRate: 0,
      score: 96,
      rank: 3,
    });
    expect(figures.map((f) => f.unitCode)).toEqual(['edu', 'housing', 'land']);
  });
});
