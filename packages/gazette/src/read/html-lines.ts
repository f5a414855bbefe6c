/**
 * Lines of text from the HTML mammoth makes of a Word file: a paragraph or list item per line, a
 * heading as a Markdown heading, a table row as a pipe row. Merged cells repeat their value (a
 * rowspan in the rows below, a colspan in the columns beside), as a spreadsheet's do.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const span = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}="(\\d+)"`, 'u').exec(attrs);
  return Math.max(1, Math.min(m ? Number(m[1]) : 1, 200));
};

interface Cell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Rows of a table with merged cells spread out: a cell held over from above fills its column. */
function spreadRows(rows: Cell[][]): string[][] {
  const out: string[][] = [];
  // For each column, the text and how many more rows it still covers.
  const held: ({ text: string; left: number } | undefined)[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    let col = 0;
    const fillHeld = () => {
      for (let h = held[col]; h && h.left > 0; h = held[col]) {
        cells.push(h.text);
        h.left--;
        col++;
      }
    };
    for (const cell of row) {
      fillHeld();
      for (let k = 0; k < cell.colspan; k++) {
        cells.push(cell.text);
        held[col] = cell.rowspan > 1 ? { text: cell.text, left: cell.rowspan - 1 } : undefined;
        col++;
      }
    }
    fillHeld();
    out.push(cells);
  }
  return out;
}

/** A pipe row; a | inside a cell becomes full-width so it cannot split the cell. */
export const pipeRow = (cells: readonly string[]): string =>
  `| ${cells.map((c) => c.replace(/\|/gu, '｜').replace(/\s+/gu, ' ').trim()).join(' | ')} |`;

/** The text lines of mammoth's HTML. */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let text = '';
  let heading = 0;
  // Tables nest in Word; an inner table's text joins the outer cell.
  const tables: { rows: Cell[][]; cell?: Cell }[] = [];
  const flush = () => {
    const t = text.replace(/\s+/gu, ' ').trim();
    text = '';
    if (!t) return;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.text = table.cell.text ? `${table.cell.text} ${t}` : t;
    else lines.push(heading ? `${'#'.repeat(heading)} ${t}` : t);
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/giu)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'br') text += tables.length > 0 ? ' ' : '\n';
    else if (/^(p|li|h[1-6])$/u.test(tag)) {
      flush();
      heading = !closing && tag.startsWith('h') ? Number(tag.slice(1)) : 0;
    } else if (tag === 'table') {
      flush();
      if (!closing) tables.push({ rows: [] });
      else {
        const done = tables.pop();
        const rows = spreadRows(done?.rows ?? []).filter((r) => r.some((c) => c.trim()));
        const outer = tables[tables.length - 1];
        if (outer?.cell)
          outer.cell.text = [outer.cell.text, ...rows.map((r) => r.join(' '))].join(' ').trim();
        else lines.push(...rows.map(pipeRow));
      }
    } else if (tag === 'tr' && !closing) tables[tables.length - 1]?.rows.push([]);
    else if (tag === 'td' || tag === 'th') {
      flush();
      const table = tables[tables.length - 1];
      if (!table) continue;
      if (closing) table.cell = undefined;
      else {
        const cell = { text: '', rowspan: span(attrs, 'rowspan'), colspan: span(attrs, 'colspan') };
        table.rows[table.rows.length - 1]?.push(cell);
        table.cell = cell;
      }
    }
  }
  flush();
  return lines.flatMap((l) => l.split('\n')).filter((l) => l.trim());
}
