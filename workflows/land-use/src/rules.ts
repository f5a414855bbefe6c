// The rules of 青政办发〔2019〕28号 二(三) (耕地占补平衡) and 二(七) (严格执法监管) as pure
// functions. No I/O, no clock. Areas are counted in hundredths of a mu (integers), so sums and
// differences are exact; the API speaks mu with at most two decimals.
import { addCivilDays, civilDateFrom, civilDateParts, lastDayOfMonth } from '@duban/calendar';
import {
  BalanceRules,
  KeyLevels,
  LandKinds,
  type KeyLevel,
  type LandKind,
  type Occupation,
  type Refusal,
} from './contracts/index';

/** Code-unit order: the same on every worker, unlike locale collation (replays must agree). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const toCenti = (mu: number): number => Math.round(mu * 100);
export const toMu = (centi: number): number => centi / 100;
/** 12.5, 3, 0.01 — as a person writes an area. */
export const muText = (centi: number): string => String(toMu(centi));

/**
 * 占优补优: 耕地质量等别 counts 1 (best) … 15 (worst), so compensation of grade `offered` is at
 * least as good as the occupied land of grade `occupied` when its number is lower or equal.
 */
export const gradeAtLeastAsGood = (offered: number, occupied: number): boolean => offered <= occupied;

export interface ParcelStock {
  parcelNo: string;
  /** Unused area, hundredths of a mu. */
  remaining: number;
  grade: number;
}

export interface Allocation {
  ok: true;
  consumed: { parcelNo: string; centi: number; grade: number }[];
}
export interface AllocationRefusal {
  ok: false;
  refusal: Refusal;
}

const byLargest = (a: ParcelStock, b: ParcelStock) =>
  b.remaining - a.remaining || b.grade - a.grade || compareText(a.parcelNo, b.parcelNo);
const bySmallest = (a: ParcelStock, b: ParcelStock) =>
  a.remaining - b.remaining || b.grade - a.grade || compareText(a.parcelNo, b.parcelNo);

/**
 * Which parcels an approval consumes: the fewest parcels that cover the need (the largest
 * first), the last of them the smallest one that covers what is left (best fit), partially.
 * Ties prefer the worse grade, keeping better compensation for better land, then the parcel
 * number, so the choice is deterministic. `null` when the stock does not cover the need.
 */
export function selectParcels(
  stock: ParcelStock[],
  need: number,
): { parcelNo: string; centi: number; grade: number }[] | null {
  const usable = stock.filter((p) => p.remaining > 0);
  const largest = [...usable].sort(byLargest);
  let sum = 0;
  let count = 0;
  while (count < largest.length && sum < need) sum += largest[count++]!.remaining;
  if (sum < need) return null;
  const whole = largest.slice(0, count - 1);
  const left = need - whole.reduce((s, p) => s + p.remaining, 0);
  const last = usable.filter((p) => !whole.includes(p) && p.remaining >= left).sort(bySmallest)[0]!;
  return [
    ...whole.map((p) => ({ parcelNo: p.parcelNo, centi: p.remaining, grade: p.grade })),
    { parcelNo: last.parcelNo, centi: left, grade: last.grade },
  ];
}

const sumOf = (stock: ParcelStock[]) => stock.reduce((s, p) => s + p.remaining, 0);

/**
 * 二(三) 占一补一、先补后占、占优补优: an occupation of `need` (hundredths of a mu) of land of
 * grade `grade` is approved only from compensation already accepted and unused (先补后占), of
 * at least the same area (占一补一: equal is enough) and at least as good a grade (占优补优).
 * `reserved` parcels are kept for key projects waiting ahead (优先保障国家和自治区重点建设项目).
 * A refusal names the rule and the shortfall.
 */
export function allocate(
  stock: ParcelStock[],
  need: number,
  grade: number,
  reserved: ReadonlySet<string> = new Set(),
): Allocation | AllocationRefusal {
  const refuse = (rule: Refusal['rule'], shortfall: number, detail: string): AllocationRefusal => ({
    ok: false,
    refusal: {
      rule,
      shortfallMu: toMu(shortfall),
      reason: `${BalanceRules[rule]}：${detail}，差 ${muText(shortfall)} 亩（青政办发〔2019〕28号 二(三)）`,
    },
  });
  const total = sumOf(stock);
  if (total === 0)
    return refuse(
      'prior_compensation',
      need,
      `占用 ${muText(need)} 亩耕地须先补充耕地，库中没有已验收未使用的补充耕地`,
    );
  if (total < need)
    return refuse(
      'quantity',
      need - total,
      `占用 ${muText(need)} 亩，库中已验收未使用的补充耕地只有 ${muText(total)} 亩`,
    );
  const eligible = stock.filter((p) => gradeAtLeastAsGood(p.grade, grade));
  const good = sumOf(eligible);
  if (good < need)
    return refuse(
      'quality',
      need - good,
      `被占耕地为 ${grade} 等，${grade} 等及以上（等别数不大于 ${grade}）的补充耕地只有 ${muText(good)} 亩`,
    );
  const free = eligible.filter((p) => !reserved.has(p.parcelNo));
  const consumed = selectParcels(free, need);
  if (!consumed)
    return refuse(
      'priority',
      need - sumOf(free),
      `${muText(good - sumOf(free))} 亩补充耕地优先保障排在前面的重点建设项目，可用的只有 ${muText(sumOf(free))} 亩`,
    );
  return { ok: true, consumed };
}

const keyRank: Record<KeyLevel, number> = { national: 0, region: 1, none: 2 };

/** Waiting requests are served key-first (国家, then 自治区, then others), then by filing time. */
export function servingOrder(
  a: Pick<Occupation, 'keyLevel' | 'filedAt' | 'occupationId'>,
  b: typeof a,
): number {
  return (
    keyRank[a.keyLevel] - keyRank[b.keyLevel] ||
    compareText(a.filedAt, b.filedAt) ||
    compareText(a.occupationId, b.occupationId)
  );
}

/** Parcels that a waiting request could use: kept for it from anyone served after it. */
export function reservedBy(waiting: Pick<Occupation, 'grade'>[], stock: ParcelStock[]): Set<string> {
  const reserved = new Set<string>();
  for (const w of waiting)
    for (const p of stock)
      if (p.remaining > 0 && gradeAtLeastAsGood(p.grade, w.grade)) reserved.add(p.parcelNo);
  return reserved;
}

export const keyLevelName = (level: KeyLevel) => KeyLevels[level];

/**
 * 《土地管理法》第57条: 临时使用土地期限一般不超过二年. The reclamation (复垦) is due when the
 * use ends: the same day two years after approval (Civil Code art. 201: a period in years ends
 * on the corresponding day; 29 Feb → 28 Feb).
 */
export const TEMPORARY_USE_MAX_YEARS = 2;

export function reclamationDeadline(approvedOn: string, years = TEMPORARY_USE_MAX_YEARS): string {
  const { year, month, day } = civilDateParts(approvedOn);
  const lastDay = civilDateParts(lastDayOfMonth(year + years, month)).day;
  return civilDateFrom(year + years, month, Math.min(day, lastDay));
}

/** 违法占地 cases are handled within this many days of being found unless the case sets another. */
export const DEFAULT_CASE_HANDLING_DAYS = 60;

export const caseDeadline = (foundOn: string, days: number = DEFAULT_CASE_HANDLING_DAYS): string =>
  addCivilDays(foundOn, days);

/** 基本农田以外的耕地: from this many mu a case is major (以上 includes the number, Civil Code art. 1259). */
export const MAJOR_CULTIVATED_MU = 10;

/**
 * 二(七) 重大典型违法案件挂牌督办. A case is major (重大典型) when it occupies 永久基本农田 of any
 * area (二(二): 特殊保护), or other cultivated land of 10 亩以上 (10 included) — the amount at
 * which illegal occupation of 耕地 is 数量较大 in 法释〔2000〕14号 第三条. Other land is not major
 * by area alone.
 */
export function majorCase(
  landKind: LandKind,
  areaMu: number,
  /** The threshold the case was started with (policy setting land.major-case-cultivated-mu). */
  cultivatedMu: number = MAJOR_CULTIVATED_MU,
): { major: boolean; reason: string | null } {
  const name = LandKinds[landKind];
  if (landKind === 'basic_farmland')
    return { major: true, reason: `违法占用${name} ${areaMu} 亩（永久基本农田特殊保护，不论面积）` };
  if (landKind === 'cultivated' && toCenti(areaMu) >= toCenti(cultivatedMu))
    return { major: true, reason: `违法占用${name} ${areaMu} 亩（${cultivatedMu} 亩以上）` };
  return { major: false, reason: null };
}
