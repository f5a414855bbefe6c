import type { GazetteDocument, TocEntry } from './schema';
import { squeeze, toHalfWidth } from './text';
import type { WarningLog } from './warnings';

const sameTitle = (a: string, b: string) => squeeze(toHalfWidth(a)) === squeeze(toHalfWidth(b));
const serial = (docNo: string | undefined) =>
  /〔(\d{4})〕(\d+)号$/u
    .exec(docNo ?? '')
    ?.slice(1)
    .join('-');

/**
 * Compare the table of contents with the documents' own headers. The header wins; every
 * disagreement (文号 or title) is a warning, and so is an entry or a document the other lacks.
 */
export function checkToc(toc: TocEntry[], documents: GazetteDocument[], log: WarningLog): void {
  if (toc.length === 0) return;
  const matched = new Set<GazetteDocument>();
  const pick = (test: (d: GazetteDocument) => boolean) => documents.find((d) => !matched.has(d) && test(d));
  for (const entry of toc) {
    const doc =
      pick((d) => sameTitle(d.title, entry.title)) ??
      pick((d) => d.docNo === entry.docNo) ??
      pick((d) => serial(d.docNo) === serial(entry.docNo));
    if (!doc) {
      log.add(
        'toc-missing',
        `目录 lists ${entry.docNo} "${entry.title}" but no such document follows`,
        entry.line,
      );
      continue;
    }
    matched.add(doc);
    if (doc.docNo !== entry.docNo) {
      log.add(
        'toc-mismatch',
        `目录 gives 文号 ${entry.docNo}, the document header ${doc.docNo}; the header is used`,
        entry.line,
      );
    }
    if (!sameTitle(doc.title, entry.title)) {
      log.add(
        'toc-mismatch',
        `目录 gives title "${entry.title}", the document header "${doc.title}" (${doc.docNo}); the header is used`,
        entry.line,
      );
    }
  }
  for (const doc of documents) {
    if (!matched.has(doc)) log.add('toc-missing', `${doc.key} is not in the 目录`, doc.startLine);
  }
}
