import { extractContent } from '../extract';
import { buildOutline } from '../outline';
import { buildParagraphs } from '../paragraphs';
import type { NoticeLayout } from './types';

/**
 * The gazette's own layouts (sections by role, prose duties, (X牵头) remarks, 牵头单位 lines), read by
 * the gazette parser on the block's source lines: the fallback for prose no other layout claims.
 */
export const gazetteOutlineLayout: NoticeLayout = {
  name: 'gazette-outline',
  detect: (block) => block.kind === 'prose',
  parse: (block, ctx) => {
    const first = block.lines[0]?.n ?? 1;
    const last = block.lines[block.lines.length - 1]?.n ?? first;
    const own = new Set(block.lines.map((l) => l.n));
    const paras = buildParagraphs(ctx.source, first, last).filter((p) => own.has(p.from));
    const content = extractContent(buildOutline(paras, ctx.log), ctx.log, ctx.year);
    return content;
  },
};
