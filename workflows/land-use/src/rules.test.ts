// 青政办发〔2019〕28号 二(三): 占一补一、先补后占、占优补优; 二(七): 重大典型案件挂牌督办.
import { describe, expect, it } from 'vitest';
import {
  allocate,
  majorCase,
  reclamationDeadline,
  reservedBy,
  selectParcels,
  servingOrder,
  toCenti,
  type ParcelStock,
} from './rules';

const parcel = (parcelNo: string, mu: number, grade: number): ParcelStock => ({
  parcelNo,
  remaining: toCenti(mu),
  grade,
});

describe('二(三) 占一补一、先补后占、占优补优', () => {
  it('exactly equal area and grade passes, consuming the whole parcel (占一补一: equal counts)', () => {
    const result = allocate([parcel('BC-1', 12.5, 8)], toCenti(12.5), 8);
    expect(result).toEqual({ ok: true, consumed: [{ parcelNo: 'BC-1', centi: 1250, grade: 8 }] });
  });

  it('better-grade compensation (lower 等别 number) for worse occupied land passes (占优补优)', () => {
    const result = allocate([parcel('BC-1', 20, 3)], toCenti(10), 9);
    expect(result).toEqual({ ok: true, consumed: [{ parcelNo: 'BC-1', centi: 1000, grade: 3 }] });
  });

  it('worse-grade compensation is refused as 占优补优, naming the shortfall', () => {
    const result = allocate([parcel('BC-1', 30, 10), parcel('BC-2', 4, 6)], toCenti(10), 7);
    expect(result).toMatchObject({ ok: false, refusal: { rule: 'quality', shortfallMu: 6 } });
    if (!result.ok) expect(result.refusal.reason).toMatch(/^占优补优：被占耕地为 7 等.*只有 4 亩，差 6 亩/);
  });

  it('short area is refused as 占一补一 with “差 X 亩”', () => {
    const result = allocate([parcel('BC-1', 7.25, 5), parcel('BC-2', 2.5, 5)], toCenti(12), 5);
    expect(result).toMatchObject({ ok: false, refusal: { rule: 'quantity', shortfallMu: 2.25 } });
    if (!result.ok) expect(result.refusal.reason).toContain('差 2.25 亩');
  });

  it('nothing accepted yet is refused as 先补后占', () => {
    const result = allocate(
      [parcel('BC-1', 5, 5)].map((p) => ({ ...p, remaining: 0 })),
      toCenti(1),
      5,
    );
    expect(result).toMatchObject({ ok: false, refusal: { rule: 'prior_compensation', shortfallMu: 1 } });
    if (!result.ok) expect(result.refusal.reason).toMatch(/^先补后占：.*差 1 亩/);
  });

  it('one hundredth of a mu short is still short (exact arithmetic)', () => {
    const result = allocate([parcel('BC-1', 0.1, 5), parcel('BC-2', 0.2, 5)], toCenti(0.31), 5);
    expect(result).toMatchObject({ ok: false, refusal: { rule: 'quantity', shortfallMu: 0.01 } });
    expect(allocate([parcel('BC-1', 0.1, 5), parcel('BC-2', 0.2, 5)], toCenti(0.3), 5).ok).toBe(true);
  });

  it('parcels reserved for key projects ahead are not used (优先保障国家和自治区重点建设项目)', () => {
    const stock = [parcel('BC-1', 10, 4), parcel('BC-2', 10, 9)];
    const reserved = reservedBy([{ grade: 5 }], stock);
    expect([...reserved]).toEqual(['BC-1']);
    expect(allocate(stock, toCenti(12), 9, reserved)).toMatchObject({
      ok: false,
      refusal: { rule: 'priority', shortfallMu: 2 },
    });
    expect(allocate(stock, toCenti(8), 9, reserved)).toEqual({
      ok: true,
      consumed: [{ parcelNo: 'BC-2', centi: 800, grade: 9 }],
    });
  });
});

describe('which parcels an approval consumes (best fit, deterministic)', () => {
  it('one parcel when one covers it: the smallest that does', () => {
    const stock = [parcel('A', 50, 5), parcel('B', 12, 5), parcel('C', 10, 5)];
    expect(selectParcels(stock, toCenti(11))).toEqual([{ parcelNo: 'B', centi: 1100, grade: 5 }]);
    expect(selectParcels(stock, toCenti(10))).toEqual([{ parcelNo: 'C', centi: 1000, grade: 5 }]);
  });

  it('the fewest parcels otherwise, the last one the smallest that covers what is left, partially', () => {
    const stock = [parcel('A', 30, 5), parcel('B', 20, 5), parcel('C', 6, 5), parcel('D', 9, 5)];
    expect(selectParcels(stock, toCenti(36))).toEqual([
      { parcelNo: 'A', centi: 3000, grade: 5 },
      { parcelNo: 'C', centi: 600, grade: 5 },
    ]);
    expect(selectParcels(stock, toCenti(57))).toEqual([
      { parcelNo: 'A', centi: 3000, grade: 5 },
      { parcelNo: 'B', centi: 2000, grade: 5 },
      { parcelNo: 'D', centi: 700, grade: 5 },
    ]);
    expect(selectParcels(stock, toCenti(66))).toBeNull();
  });

  it('ties keep the better land: the worse grade goes first, then the parcel number', () => {
    const stock = [parcel('B', 10, 3), parcel('A', 10, 3), parcel('C', 10, 6)];
    expect(selectParcels(stock, toCenti(5))).toEqual([{ parcelNo: 'C', centi: 500, grade: 6 }]);
    expect(selectParcels(stock.slice(0, 2), toCenti(5))).toEqual([{ parcelNo: 'A', centi: 500, grade: 3 }]);
  });
});

describe('queue order and deadlines', () => {
  it('key projects first: 国家, then 自治区, then others; then by filing time', () => {
    const requests = [
      { occupationId: 'ZY-2019-0001', keyLevel: 'none' as const, filedAt: '2019-05-01T01:00:00.000Z' },
      { occupationId: 'ZY-2019-0002', keyLevel: 'region' as const, filedAt: '2019-05-02T01:00:00.000Z' },
      { occupationId: 'ZY-2019-0003', keyLevel: 'national' as const, filedAt: '2019-05-03T01:00:00.000Z' },
      { occupationId: 'ZY-2019-0004', keyLevel: 'region' as const, filedAt: '2019-05-01T02:00:00.000Z' },
    ];
    expect([...requests].sort(servingOrder).map((r) => r.occupationId)).toEqual([
      'ZY-2019-0003',
      'ZY-2019-0004',
      'ZY-2019-0002',
      'ZY-2019-0001',
    ]);
  });

  it('temporary use ends two years after approval (《土地管理法》第57条; 29 Feb → 28 Feb)', () => {
    expect(reclamationDeadline('2019-05-06')).toBe('2021-05-06');
    expect(reclamationDeadline('2020-02-29')).toBe('2022-02-28');
  });

  it('a term changed by policy (land.temporary-use-years) counts the same way', () => {
    expect(reclamationDeadline('2019-05-06', 1)).toBe('2020-05-06');
    expect(reclamationDeadline('2020-02-29', 3)).toBe('2023-02-28');
  });
});

describe('二(七) 重大典型违法案件 (挂牌督办)', () => {
  it('永久基本农田 of any area is major', () => {
    expect(majorCase('basic_farmland', 0.5).major).toBe(true);
  });
  it('耕地 of 10 亩以上 is major, 10 included (Civil Code art. 1259); 9.99 is not', () => {
    expect(majorCase('cultivated', 10)).toMatchObject({
      major: true,
      reason: expect.stringContaining('10 亩以上'),
    });
    expect(majorCase('cultivated', 9.99)).toEqual({ major: false, reason: null });
  });
  it('the threshold a case was started with (land.major-case-cultivated-mu) decides, its number included', () => {
    expect(majorCase('cultivated', 5, 5)).toEqual({ major: true, reason: '违法占用耕地 5 亩（5 亩以上）' });
    expect(majorCase('cultivated', 12, 20)).toEqual({ major: false, reason: null });
    expect(majorCase('basic_farmland', 0.5, 20).major).toBe(true);
  });
  it('other land is not major by area alone', () => {
    expect(majorCase('other', 500).major).toBe(false);
  });
});
