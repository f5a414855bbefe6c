import type { Block } from '../layouts/types';
import { MARKERS, toHalfWidth } from '../text';
import type { NoticeLine } from './lines';

const ATTACHMENT = /^附件\s*\d*\s*[:：]?$/u;

/**
 * Cut a notice's content into blocks a layout can read on its own: each table, and the prose
 * between, cut again at every 一、 section (so sections in different layouts are each read right).
 * An attachment (附件1 / its title) heads the blocks that follow it.
 */
export function splitBlocks(body: readonly NoticeLine[]): Block[] {
  const blocks: Block[] = [];
  let path: string[] = [];
  let open: Block | undefined;
  for (let i = 0; i < body.length; i++) {
    const line = body[i] as NoticeLine;
    const kind = line.cells ? 'table' : 'prose';
    const half = toHalfWidth(line.text);
    if (!line.cells && ATTACHMENT.test(half)) {
      const next = body[i + 1];
      const titled = next && !next.cells && !MARKERS.section.test(toHalfWidth(next.text));
      path = [titled ? `${line.text} ${next.text}` : line.text];
      if (titled) i++;
      open = undefined;
      continue;
    }
    const section = kind === 'prose' && MARKERS.section.test(half);
    if (!open || open.kind !== kind || section) {
      open = { kind, lines: [], path };
      blocks.push(open);
    }
    open.lines.push(line);
  }
  return blocks;
}
