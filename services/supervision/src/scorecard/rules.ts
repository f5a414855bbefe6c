// The score rules of the unit scorecard: the policy setting assessment.score-rules (packages/policy)
// names their source — 40号 四(三) makes the work 年终项目考核依据 and gives no rules, so these
// are the system's defaults until the office's own 考核细则 replaces them.
import type { Rating } from '@duban/workflow-supervision/client';

export const SCORE_RULES = {
  base: 100,
  perClosedLate: -2,
  perStillOverdue: -3,
  perOverdueDay: -0.1,
  perUrgeLate: -1,
  perExtensionGranted: -0.5,
  rating: { good: 2, fairly_good: 1, average: 0, poor: -2 } satisfies Record<Rating, number>,
} as const;
