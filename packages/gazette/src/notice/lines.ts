import { distinctValues, headerRoles, pipeCells } from '../layouts/columns';
import { stripBold } from '../text';

/** A non-empty line of a notice: its 1-based number, its text, and its cells if a table row. */
export interface NoticeLine {
  n: number;
  /** Text without Markdown heading marks, bold or bullets. */
  text: string;
  /** Markdown heading level, 0 for body text. */
  heading: number;
  cells?: string[];
}

function plain(line: string): { text: string; heading: number } {
  const heading = /^\s*(#{1,6})\s/u.exec(line)?.[1]?.length ?? 0;
  const text = stripBold(line)
    .replace(/^\s*#{1,6}\s+/u, '')
    .replace(/^\s*[-+*]\s+/u, '')
    .trim();
  return { text, heading };
}

/**
 * The lines of a notice. Pipe rows stay table rows from a task table's header on; a row holding a
 * single value outside a table (a title or a paragraph in one spreadsheet cell) is a line of text.
 */
export function noticeLines(text: string): NoticeLine[] {
  const raw = text.split(/\r?\n/u);
  const out: NoticeLine[] = [];
  let inTable = false;
  // Single-value rows inside a table: section rows if more task rows follow, else text after it.
  let held: NoticeLine[] = [];
  const release = (asTable: boolean) => {
    out.push(...held.map((l) => (asTable ? l : { n: l.n, text: l.text, heading: 0 })));
    held = [];
  };
  raw.forEach((line, i) => {
    if (!line.trim()) return;
    const cells = pipeCells(line);
    if (cells === undefined && line.trim().startsWith('|')) return; // a Markdown separator row
    if (!cells) {
      release(false);
      inTable = false;
      out.push({ n: i + 1, ...plain(line) });
      return;
    }
    if (!inTable && headerRoles(cells)) inTable = true;
    const values = distinctValues(cells);
    if (values.length === 0) return;
    if (values.length === 1) {
      const row = { n: i + 1, text: values[0] as string, heading: 0 };
      if (inTable) held.push({ ...row, cells });
      else out.push(row);
      return;
    }
    release(true);
    out.push({ n: i + 1, text: cells.join(' '), heading: 0, cells });
  });
  release(false);
  return out;
}
