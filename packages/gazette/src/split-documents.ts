import { isTocPageRef } from './front-matter';
import { parseDocNo } from './text';

export interface DocumentSpan {
  docNo: string;
  /** 1-based line of the title. */
  titleLine: number;
  /** 1-based line of the 文号. */
  docNoLine: number;
  /** 1-based line of the last non-empty line. */
  endLine: number;
}

const nextNonEmpty = (lines: readonly string[], from: number): number => {
  let i = from;
  while (i < lines.length && !(lines[i] ?? '').trim()) i++;
  return i;
};

/** A title line: a heading, or a line naming a kind of official document. */
function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  return /^#{1,6}\s/u.test(t) || /(通知|决定|意见|办法|方案|规定|通报|批复)$/u.test(t);
}

/**
 * A document starts at a title followed by its 文号. The table of contents has the same pair but
 * follows the 文号 with a page reference, which is how the two are told apart.
 */
export function splitDocuments(lines: readonly string[]): DocumentSpan[] {
  const starts: Omit<DocumentSpan, 'endLine'>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.trim() || !looksLikeTitle(line) || parseDocNo(line)) continue;
    const noIndex = nextNonEmpty(lines, i + 1);
    const docNo = parseDocNo(lines[noIndex] ?? '');
    if (!docNo) continue;
    const after = lines[nextNonEmpty(lines, noIndex + 1)] ?? '';
    if (isTocPageRef(after) || parseDocNo(after)) continue;
    starts.push({ docNo, titleLine: i + 1, docNoLine: noIndex + 1 });
    i = noIndex;
  }
  return starts.map((start, k) => {
    const limit = (starts[k + 1]?.titleLine ?? lines.length + 1) - 1;
    let end = limit;
    while (end > start.docNoLine && !(lines[end - 1] ?? '').trim()) end--;
    return { ...start, endLine: end };
  });
}
