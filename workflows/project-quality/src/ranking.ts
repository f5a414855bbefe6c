// 二(三): "由市政府领导对重点项目投资完成率和开工率连续2季度排名末位的项目单位主要负责人、分管负责人进行约谈".
// Our reading (the text does not say more): each quarter the units are ranked on each rate as it
// stands at the quarter's end; a unit is 末位 on a rate when it shares the lowest value; a unit
// last on the same rate in two quarters in a row (Q4 and the next year's Q1 count as in a row) is
// listed for the talk.

export type Measure = 'completion' | 'start';
export const MEASURE_WORDS: Record<Measure, string> = { completion: '投资完成率', start: '开工率' };

/** '2019Q4'. */
export type QuarterKey = `${number}Q${1 | 2 | 3 | 4}`;
export const quarterKey = (year: number, quarter: number): QuarterKey => `${year}Q${quarter}` as QuarterKey;
const quarterIndex = (q: QuarterKey): number => {
  const [y, n] = q.split('Q').map(Number);
  return (y ?? 0) * 4 + ((n ?? 1) - 1);
};
/** The quarter before: 2020Q1 → 2019Q4. */
export function previousQuarter(q: QuarterKey): QuarterKey {
  const i = quarterIndex(q) - 1;
  return quarterKey(Math.floor(i / 4), (i % 4) + 1);
}
/** The quarter a civil date falls in. */
export const quarterOf = (date: string): QuarterKey =>
  quarterKey(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1);

export interface Ranked {
  unitCode: string;
  value: number;
  /** Competition ranking: 1, 2, 2, 4 — tied units share a place, the next place skips. */
  rank: number;
  last: boolean;
}

/**
 * Ranks units by a rate, highest first. Units with no rate (no key project, none due to start) are
 * not ranked. When every ranked unit has the same value nobody is 末位: there is no one ahead.
 */
export function rank(values: { unitCode: string; value: number | null }[]): Ranked[] {
  const rated = values
    .filter((v): v is { unitCode: string; value: number } => v.value !== null)
    .sort((a, b) => b.value - a.value || a.unitCode.localeCompare(b.unitCode));
  const lowest = rated.at(-1)?.value;
  const allTied = rated.every((r) => r.value === lowest);
  return rated.map((r) => ({
    unitCode: r.unitCode,
    value: r.value,
    rank: 1 + rated.filter((o) => o.value > r.value).length,
    last: !allTied && r.value === lowest,
  }));
}

export interface QuarterRanking {
  quarter: QuarterKey;
  completion: Ranked[];
  start: Ranked[];
}

export interface TalkListing {
  unitCode: string;
  quarter: QuarterKey;
  previous: QuarterKey;
  measures: { measure: Measure; values: [number, number] }[];
}

/**
 * The units to be summoned after `quarter`: last on the same rate in it and in the quarter before.
 * A quarter with no ranking kept breaks the run.
 */
export function talksAfter(rankings: QuarterRanking[], quarter: QuarterKey): TalkListing[] {
  const now = rankings.find((r) => r.quarter === quarter);
  const before = rankings.find((r) => r.quarter === previousQuarter(quarter));
  if (!now || !before) return [];
  const out = new Map<string, TalkListing>();
  for (const measure of ['completion', 'start'] as const) {
    for (const r of now[measure].filter((x) => x.last)) {
      const prior = before[measure].find((x) => x.unitCode === r.unitCode && x.last);
      if (!prior) continue;
      const listing = out.get(r.unitCode) ?? {
        unitCode: r.unitCode,
        quarter,
        previous: before.quarter,
        measures: [],
      };
      listing.measures.push({ measure, values: [prior.value, r.value] });
      out.set(r.unitCode, listing);
    }
  }
  return [...out.values()];
}
