import { resolveUnitList } from '@duban/units';
import { parseAnnualTable } from './annual-table';
import { extractContent } from './extract';
import { parseIssue, parseToc } from './front-matter';
import { parseHeader } from './header';
import { unitUsage } from './mentions';
import { buildOutline } from './outline';
import type { AttachmentDraft } from './outline';
import { buildParagraphs, isPageArtefact, markerText } from './paragraphs';
import type { Attachment, GazetteDocument, ParsedGazette, Reporting } from './schema';
import { splitDocuments } from './split-documents';
import type { DocumentSpan } from './split-documents';
import { MARKERS, squeeze, toHalfWidth } from './text';
import { checkToc } from './toc-check';
import { WarningLog } from './warnings';

/** The attachment as printed: its lines, without the 附件 mark, its title and table rows. */
function attachmentOf(draft: AttachmentDraft, lines: readonly string[]): Attachment {
  const attachment: Attachment = { title: draft.title };
  if (!draft.range) return attachment;
  attachment.sourceLines = draft.range;
  const text = lines
    .slice(draft.range.from - 1, draft.range.to)
    .filter((l) => l.trim() && !isPageArtefact(l) && !l.includes('\t'))
    .map((l) => l.trim())
    .filter((l) => !MARKERS.attachment.test(markerText(l)) && squeeze(markerText(l)) !== squeeze(draft.title))
    .join('\n');
  if (text) attachment.text = text;
  return attachment;
}

/** "各部门…于每月25日前将本单位开展工作情况报发展和改革局汇总": a standing reporting duty. */
function reportingOf(texts: { text: string; line: number }[]): Reporting | undefined {
  for (const { text, line } of texts) {
    const half = toHalfWidth(text);
    const m = /每月(\d{1,2})日(?:前|之前)?将[^。]*?报([\u4e00-\u9fff]+?)(?:汇总|备案)/u.exec(half);
    if (!m) continue;
    const at = m.index;
    return {
      frequency: 'monthly',
      day: Number(m[1]),
      to: resolveUnitList(m[2] ?? '').units.map((u) => ({ code: u.code, name: u.name })),
      phrase: text.slice(at, at + m[0].length),
      line,
    };
  }
  return undefined;
}

interface ParsedDocument {
  doc: GazetteDocument;
  /** All text of the document, for counting unit mentions. */
  texts: string[];
}

function parseDocument(lines: readonly string[], span: DocumentSpan, log: WarningLog): ParsedDocument {
  const paras = buildParagraphs(lines, span.titleLine, span.endLine);
  const header = parseHeader(paras, log);
  const outline = buildOutline(header.body, log);
  const content = extractContent(outline, log);
  const attachments = outline.attachments.map((a) => attachmentOf(a, lines));
  const tableRows = outline.attachments.flatMap((a) => a.tableRows);

  const reporting = reportingOf(
    [...content.articles, ...content.tasks].map((c) => ({ text: c.text, line: c.sourceLines.from })),
  );
  const tasks = content.tasks.map((t) =>
    t.reportingFrequency || !reporting ? t : { ...t, reportingFrequency: reporting.frequency },
  );

  const doc: GazetteDocument = {
    key: span.docNo,
    docNo: span.docNo,
    title: header.title,
    issuers: header.issuers,
    published: header.published,
    startLine: span.titleLine,
    endLine: span.endLine,
    targets: content.targets,
    tasks,
    articles: content.articles,
    attachments,
  };
  if (header.issuedOn) doc.issuedOn = header.issuedOn;
  if (header.addressees) doc.addressees = header.addressees;
  if (tableRows.length > 0) doc.annualTable = parseAnnualTable(tableRows, log);
  if (reporting) doc.reporting = reporting;
  const texts = [
    ...paras.filter((p) => !p.table).map((p) => p.text),
    ...attachments.map((a) => a.text ?? ''),
  ];
  return { doc, texts };
}

/**
 * Parse one gazette issue (markdown converted from the PDF) into its documents, their supervision
 * items, goals, clauses and tables. Pure and deterministic: the caller reads the file.
 */
export function parseGazette(markdown: string): ParsedGazette {
  const lines = markdown.split(/\r?\n/u);
  const log = new WarningLog();
  const spans = splitDocuments(lines);
  if (spans.length === 0) log.add('missing-field', 'no document (a title followed by its 文号) found');
  const frontMatterEnd = (spans[0]?.titleLine ?? lines.length + 1) - 1;
  const toc = parseToc(lines, frontMatterEnd);
  const parsed = spans.map((span) => parseDocument(lines, span, log.forDocument(span.docNo)));
  const documents = parsed.map((p) => p.doc);
  checkToc(toc, documents, log);
  const issue = parseIssue(lines, frontMatterEnd);
  const warnings = [...log.items].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    ...(issue ? { issue } : {}),
    toc,
    documents,
    units: unitUsage(parsed),
    warnings,
  };
}
