// How a value meets a target. 以上, 以下, 以内, 不低于 include the number; 超过, 突破, 低于, 正增长 exclude it
// (民法典第一千二百五十九条). The same words as the gazette importer's (packages/gazette schema.ts).
export type Comparison = 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | 'reduce-by' | 'increase-by' | 'approx';

export const COMPARISON_WORDS: Record<Comparison, string> = {
  gte: '以上（含）',
  gt: '超过（不含）',
  lte: '以下（含）',
  lt: '低于（不含）',
  eq: '达到',
  'reduce-by': '下降不少于',
  'increase-by': '增长不少于',
  approx: '左右',
};

/** Within 5% of the target counts as 左右 (our reading: the text gives no tolerance). */
const APPROX = 0.05;

/**
 * Met or missed. A count stated bare ("抓好145个") is a floor: doing more is not missing it. A
 * change (reduce-by/increase-by) compares the change the value states (a value of 18 for
 * "比2015年下降18%" means 18% down).
 */
export function meets(value: number, comparison: Comparison, target: number): boolean {
  switch (comparison) {
    case 'gte':
    case 'eq':
    case 'reduce-by':
    case 'increase-by':
      return value >= target;
    case 'gt':
      return value > target;
    case 'lte':
      return value <= target;
    case 'lt':
      return value < target;
    case 'approx':
      return Math.abs(value - target) <= Math.abs(target) * APPROX;
  }
}
