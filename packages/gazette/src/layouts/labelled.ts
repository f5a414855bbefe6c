import { parseClauses } from './clauses';
import { hasLabel } from './labels';
import type { NoticeLayout } from './types';

/**
 * Numbered tasks each followed by labelled lines: 牵头单位 / 牵头责任单位 / 责任单位 / 协同责任单位 /
 * 配合单位 / 牵头负责领导 / 完成时限 / 时间节点 (or the same labels run on at the end of the line).
 */
export const labelledLayout: NoticeLayout = {
  name: 'labelled',
  detect: (block) => block.kind === 'prose' && block.lines.some((l) => hasLabel(l.text)),
  parse: (block, ctx) => parseClauses(block, ctx, 'task'),
};
