import type { ParsedGazette, TocEntry } from './schema';
import { parseDocNo, squeeze, stripBold, toHalfWidth } from './text';

/** "..... (3)": the page reference that closes a table-of-contents entry. */
const TOC_PAGE = /^[.…·。\s]{2,}\(?\s*(\d{1,3})?\s*\)?\s*$/u;

export function isTocPageRef(line: string): boolean {
  return TOC_PAGE.test(toHalfWidth(line).trim());
}

/** Cover data: "2019年第2期", "(总第8期)". */
export function parseIssue(lines: readonly string[], until: number): ParsedGazette['issue'] {
  const head = toHalfWidth(lines.slice(0, until).join('\n'));
  const issue = /(\d{4})\s*年\s*第\s*(\d+)\s*期/u.exec(head);
  if (!issue) return undefined;
  const total = /总第\s*(\d+)\s*期/u.exec(head);
  return {
    year: Number(issue[1]),
    number: Number(issue[2]),
    ...(total ? { total: Number(total[1]) } : {}),
  };
}

const nextNonEmpty = (lines: readonly string[], index: number): number => {
  let i = index;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  return i;
};

/**
 * The table of contents (目录) before the first document: each entry is a title (possibly over
 * several lines), its 文号 and a page reference. Headings inside it (【市委文件】, cover slogans that
 * a page break dropped in the middle) are no part of any title.
 */
export function parseToc(lines: readonly string[], until: number): TocEntry[] {
  const start = lines.findIndex((l, i) => i < until && /目\s*录/u.test(l));
  if (start < 0) return [];
  const entries: TocEntry[] = [];
  let titleParts: string[] = [];
  for (let i = start + 1; i < until; i++) {
    const line = lines[i] ?? '';
    const t = line.trim();
    if (!t || /^#/u.test(t) || /^【.*】$/u.test(t)) continue;
    if (isTocPageRef(t)) {
      titleParts = [];
      continue;
    }
    const docNo = parseDocNo(t);
    if (docNo) {
      const pageLine = lines[nextNonEmpty(lines, i + 1)] ?? '';
      const page = /\(\s*(\d{1,3})\s*\)/u.exec(toHalfWidth(pageLine));
      const title = squeeze(stripBold(titleParts.join('')));
      if (title) entries.push({ title, docNo, line: i + 1, ...(page ? { page: Number(page[1]) } : {}) });
      titleParts = [];
      continue;
    }
    titleParts.push(t);
  }
  return entries;
}
