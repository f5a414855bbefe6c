// The settlement sheet for 财政局 opens as a workbook with one row per agency and reward kind.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tripRewardLines, tripTally, type VerifiedTrip } from '@duban/workflow-tourism/client';
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
});
