// The settlement sheet for 财政局 opens as a workbook with one row per agency and reward kind.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  agencyRewardLines,
  tripRewardLines,
  tripTally,
  type VerifiedTrip,
} from '@duban/workflow-tourism/client';
import type { SettlementDoc } from '../collections';
import { rankingOf } from '../ranking';
import { settlementSheet } from './sheet';

const verified = (over: Partial<VerifiedTrip>): VerifiedTrip => ({
  kind: 'overnight',
  visitors: 100,
  fourASpots: 2,
  night: true,
  meal: true,
  coachSeats: [],
  outOfRegion: true,
  blockBooking: false,
  ...over,
});

function settlementOf(code: string, name: string, trips: VerifiedTrip[], voided = false): SettlementDoc {
  const year = {
    trips: trips.map((t, i) => ({
      tripId: `${code}-${i}`,
      kind: t.kind,
      departure: '2019-06-30',
      rewards: tripRewardLines(t),
      tally: tripTally(t),
    })),
  };
  return {
    _id: `${code}-2019`,
    settlementId: `${code}-2019`,
    docNo: '青政办发〔2019〕34号',
    agency: { code, name },
    year: 2019,
    dueOn: '2020-01-31',
    status: 'due',
    trips: year.trips,
    lines: [],
    totals: { total: 0, overnight: 0, dayOneSpot: 0, dayTwoSpots: 0, rewardedTrains: 0, rewardedCharters: 0 },
    rewardLines: [],
    amount: 0,
    voiding: voided
      ? {
          ground: 'harm',
          reason: '有损害旅游者合法权益的（四(一)1）：强迫购物',
          at: '2019-09-01T00:00:00.000Z',
          by: 'u',
          byName: '旅游营销中心',
          unitCode: 'tourism-marketing',
        }
      : null,
    bestAgency: null,
    settledAt: null,
    version: 1,
    updatedAt: new Date(0),
  };
}

describe('settlement sheet (三.4 年底结算)', () => {
  it('one row per agency and reward kind, the voided agency one row naming 四(一), and the total', async () => {
    const a = settlementOf('agency-a', '甲旅行社', [
      verified({ kind: 'train', visitors: 300 }),
      verified({ kind: 'overnight', visitors: 600 }),
    ]);
    const b = settlementOf('agency-b', '乙旅行社', [verified({ kind: 'charter', visitors: 51 })], true);
    const buffer = await settlementSheet(rankingOf([a, b]), 2019, new Date('2020-02-01T00:00:00Z'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as never);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe('青铜峡市2019年引客入青奖励结算表（青政办发〔2019〕34号）');
    expect(rows.slice(2).map((r) => [r[1], r[2], r[3], r[5]])).toEqual([
      ['甲旅行社', '旅游专列奖励', '二.2', 24_000],
      ['甲旅行社', '全年过夜游奖励', '二.5', 36_000],
      ['乙旅行社', '不予奖励', '四(一)', 0],
      ['合计', '', '', 60_000],
    ]);
    expect(String(rows[4]![7])).toContain('强迫购物');
  });

  it('the year of the time-skipping test: headers in Chinese, then each agency’s rewards one by one, the voided agency, the total', async () => {
    // workflows/tourism/src/workflows.system.test.ts: C and D settled with their places of 二.7,
    // E voided (四(一)). Settled years show what was settled.
    const settled = (doc: SettlementDoc, best: { rank: number; prize: number } | null): SettlementDoc => ({
      ...doc,
      status: 'settled',
      bestAgency: best,
      rewardLines: agencyRewardLines(doc, 'combined', best),
    });
    const c = settled(
      settlementOf('agency-c', '宁夏丙国际旅行社', [
        verified({ kind: 'train', visitors: 3990 }),
        verified({ kind: 'overnight', visitors: 3150 }),
      ]),
      { rank: 2, prize: 80_000 },
    );
    const d = settled(
      settlementOf('agency-d', '银川丁旅行社', [
        verified({ kind: 'overnight', visitors: 2080 }),
        verified({ kind: 'day', visitors: 3000, night: false }),
        verified({ kind: 'overnight', visitors: 1990 }),
      ]),
      { rank: 1, prize: 100_000 },
    );
    const e = settlementOf(
      'agency-e',
      '吴忠戊旅行社',
      [verified({ kind: 'overnight', visitors: 7600 })],
      true,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await settlementSheet(rankingOf([c, d, e]), 2019, new Date('2020-02-01T00:00:00Z'))) as never,
    );
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(book.worksheets[0]!.name).toBe('2019年度结算');
    expect(rows[1]).toEqual([
      '序号',
      '旅行社',
      '奖励类别',
      '条款',
      '计算依据',
      '金额（元）',
      '结算状态',
      '备注',
    ]);
    expect(rows.slice(2).map((r) => r.slice(0, 7))).toEqual([
      [1, '宁夏丙国际旅行社', '旅游专列奖励', '二.2', '1 团', 319_200, '已结算'],
      [2, '宁夏丙国际旅行社', '全年过夜游奖励', '二.5', '3150 人次 × 60 元', 189_000, '已结算'],
      [3, '宁夏丙国际旅行社', '最佳送团社奖', '二.7', '第 2 名', 80_000, '已结算'],
      [4, '银川丁旅行社', '全年一日游奖励', '二.4', '一景区 0 人次，二景区 3000 人次', 45_000, '已结算'],
      [5, '银川丁旅行社', '全年过夜游奖励', '二.5', '4070 人次 × 60 元', 244_200, '已结算'],
      [6, '银川丁旅行社', '最佳送团社奖', '二.7', '第 1 名', 100_000, '已结算'],
      [7, '吴忠戊旅行社', '不予奖励', '四(一)', '', 0, '待结算'],
      ['', '合计', '', '', '', 977_400, ''],
    ]);
    expect(String(rows[8]![7])).toBe('有损害旅游者合法权益的（四(一)1）：强迫购物（旅游营销中心认定）');
  });
});
