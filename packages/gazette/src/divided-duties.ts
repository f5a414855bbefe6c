import type { Unit } from '@duban/units';
import type { OutlineNode } from './outline';
import type { Paragraph } from './paragraphs';
import { dutyUnitsOf } from './responsibility';

/** One unit's share of a clause: the paragraph that names it and those that run on from it. */
export interface UnitDuty {
  units: Unit[];
  paras: Paragraph[];
}

/** A clause divided among units: what comes before the first unit's paragraph, then each share. */
export interface DividedClause {
  /** The clause's own paragraphs before the first share, its heading included. */
  intro: Paragraph[];
  duties: UnitDuty[];
}

/**
 * A clause that gives each unit its own paragraph of duties (28号 三(九) 强化部门共同责任:
 * "自然资源局：要…" "财政局：要…" "审计局：要…") divides the work: each share is a duty of its own,
 * led by the unit it names, not one item led by all of them. It takes two or more such paragraphs,
 * and a clause of prose only (no sub-clauses, no 牵头单位 lines): those assign in their own way. A
 * paragraph after a share that names no unit runs on that share.
 */
export function dividedClause(node: OutlineNode): DividedClause | undefined {
  if (node.children.length > 0 || node.responsibility.length > 0) return undefined;
  const [opening, ...rest] = node.paras;
  if (!opening) return undefined;
  const intro: Paragraph[] = [opening];
  const duties: UnitDuty[] = [];
  for (const para of rest) {
    const units = dutyUnitsOf(para);
    if (units) duties.push({ units, paras: [para] });
    else (duties[duties.length - 1]?.paras ?? intro).push(para);
  }
  return duties.length >= 2 ? { intro, duties } : undefined;
}
