import { parseClauses } from './clauses';
import { endsWithAssignment } from './labels';
import type { NoticeLayout } from './types';

/**
 * Measures that close with who answers for them: "（市发改局牵头，市财政局、商务局配合）" or
 * "（牵头单位：…；配合单位：…）".
 */
export const parentheticalLayout: NoticeLayout = {
  name: 'parenthetical',
  detect: (block) => block.kind === 'prose' && block.lines.some((l) => endsWithAssignment(l.text)),
  parse: (block, ctx) => parseClauses(block, ctx, 'measure'),
};
