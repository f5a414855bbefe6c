import { NOTICE_LAYOUTS } from '../layouts';
import type { LayoutContext, LayoutResult } from '../layouts';
import { unitUsage } from '../mentions';
import { parseGazette } from '../parse';
import type { GazetteDocument, LineRange, ParsedGazette } from '../schema';
import { splitDocuments } from '../split-documents';
import { squeeze, toHalfWidth } from '../text';
import { WarningLog } from '../warnings';
import { splitBlocks } from './blocks';
import { parseNoticeHeader } from './header';
import { noticeLines } from './lines';

/** What only the notice layouts read: a task table, or labels the gazette does not know. */
const NOTICE_ONLY =
  /^\s*\|.*(?:牵头|责任单位|配合)|(?:牵头责任单位|协同责任单位|牵头负责领导|责任领导|完成时限|时间节点)\s*[:：]/mu;

/** A gazette issue (several documents), or one document in the gazette's own layouts. */
function isGazette(text: string, lines: readonly string[]): boolean {
  const spans = splitDocuments(lines);
  return spans.length >= 2 || (spans.length === 1 && !NOTICE_ONLY.test(text));
}

/** The document's identity in an import: its 文号, else its normalised title. */
export const documentKey = (docNo: string | undefined, title: string): string =>
  docNo ?? `无文号:${squeeze(toHalfWidth(title))}`;

/** References unique within the document: a repeated one gets its place (#2, #3 …). */
function uniqueRefs<T extends { ref: string }>(items: T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = (seen.get(item.ref) ?? 0) + 1;
    seen.set(item.ref, n);
    return n === 1 ? item : { ...item, ref: `${item.ref}#${n}` };
  });
}

const byLine = <T extends { sourceLines: LineRange }>(items: T[]) =>
  [...items].sort((a, b) => a.sourceLines.from - b.sourceLines.from);

/** One notice (not a gazette issue): header, then each block read by the layout that detects it. */
function parseSingleNotice(text: string): ParsedGazette {
  const source = text.split(/\r?\n/u);
  const root = new WarningLog();
  const lines = noticeLines(text);
  if (lines.length === 0) {
    root.add('missing-field', 'no document (no text) found');
    return { toc: [], documents: [], units: [], warnings: root.items };
  }
  const header = parseNoticeHeader(lines, root);
  const log = header.docNo ? root.forDocument(header.docNo) : root;
  const ctx: LayoutContext = { log, source, ...(header.year ? { year: header.year } : {}) };
  const results: LayoutResult[] = [];
  for (const block of splitBlocks(header.body)) {
    const layout = NOTICE_LAYOUTS.find((l) => l.detect(block));
    if (layout) results.push(layout.parse(block, ctx));
    else {
      const first = block.lines[0];
      log.add(
        'unplaced-text',
        `table without a header naming its columns: ${first?.text.slice(0, 40) ?? ''}`,
        first?.n,
      );
    }
  }
  const doc: GazetteDocument = {
    key: documentKey(header.docNo, header.title),
    title: header.title,
    issuers: header.issuers,
    published: header.published,
    startLine: lines[0]?.n ?? 1,
    endLine: lines[lines.length - 1]?.n ?? 1,
    targets: byLine(uniqueRefs(results.flatMap((r) => r.targets))),
    tasks: byLine(uniqueRefs(results.flatMap((r) => r.tasks))),
    articles: byLine(uniqueRefs(results.flatMap((r) => r.articles))),
    attachments: [],
  };
  if (header.docNo) doc.docNo = header.docNo;
  if (header.issuedOn) doc.issuedOn = header.issuedOn;
  if (header.addressees) doc.addressees = header.addressees;
  const warnings = [...root.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    toc: [],
    documents: [doc],
    units: unitUsage([{ doc, texts: header.body.map((l) => l.text) }]),
    warnings,
  };
}

/**
 * Parse any notice text (from readNotice): a gazette issue, or a document in the gazette's layouts,
 * exactly as parseGazette does; otherwise one notice, with or without 文号, whose tasks are read by
 * the layouts its blocks show (labelled lines, closing parentheses, task tables, the gazette's).
 */
export function parseNotice(text: string): ParsedGazette {
  const lines = text.split(/\r?\n/u);
  return isGazette(text, lines) ? parseGazette(text) : parseSingleNotice(text);
}
