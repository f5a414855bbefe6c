import { DOC_NO, endsSentence, MARKERS, stripBold, toHalfWidth } from './text';

/**
 * A logical paragraph: one or more source lines that the PDF conversion broke apart (a page
 * break, a page header, a line wrap), joined back.
 */
export interface Paragraph {
  /** Joined markdown, bold markers kept (they tell an article's caption from its body). */
  raw: string;
  /** Joined text without markdown: what the output quotes. */
  text: string;
  /** Markdown heading level, 0 for body text. */
  heading: number;
  /** Tab-separated table row. */
  table: boolean;
  from: number;
  to: number;
}

/** Lines the PDF conversion leaves between pages: page numbers and running headers. */
const PAGE_ARTEFACTS = [
  /^[\s\-—–·•]*(?:第\s*)?\d{1,3}\s*页?[\s\-—–·•]*$/u,
  /^#*\s*青铜峡市人民政府(?:公报|规章标准文本)\s*$/u,
  /^#*\s*\d{4}\s*年\s*第\s*\d+\s*期\s*$/u,
  /^#*\s*[(（]?\s*总第\s*\d+\s*期\s*[)）]?\s*$/u,
];

export function isPageArtefact(line: string): boolean {
  return PAGE_ARTEFACTS.some((re) => re.test(line.trim()));
}

/** The text a marker test sees: half-width, no bold, no list bullet, no heading hashes. */
export function markerText(line: string): string {
  return toHalfWidth(stripBold(line))
    .replace(/^\s*#{1,6}\s+/u, '')
    .replace(/^\s*[-+]\s+/u, '')
    .trim();
}

/** Whether a line opens a new unit of structure, so it never continues the paragraph above. */
function opensStructure(line: string): boolean {
  if (/^\s*#{1,6}\s/u.test(line) || line.includes('\t')) return true;
  const t = markerText(line);
  return (
    Object.values(MARKERS).some((re) => re.test(t)) ||
    DOC_NO.test(t) ||
    /^一是|^[二三四五六七八九]是/u.test(t)
  );
}

/** Lines that stand alone: a date, a 文号, the publication note. */
function standsAlone(line: string): boolean {
  const t = markerText(line);
  return MARKERS.date.test(t) || MARKERS.published.test(t) || DOC_NO.test(t) || MARKERS.attachment.test(t);
}

function joinRaw(a: string, b: string): string {
  // Two bold runs that meet at the join ("…教**" + "**育…") are one run.
  const joined = /[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : `${a}${b}`;
  return joined.replace(/\*\*\*\*/g, '');
}

function finish(raw: string, heading: number, table: boolean, from: number, to: number): Paragraph {
  const body = heading ? raw.replace(/^\s*#{1,6}\s+/u, '') : raw.replace(/^\s*[-+]\s+/u, '');
  return { raw: body, text: stripBold(body).trim(), heading, table, from, to };
}

/**
 * Build paragraphs from `lines` (0-based array of the whole file) between 1-based line numbers
 * `from` and `to`. A line continues the paragraph above when that paragraph has not ended its
 * sentence and the line opens no structure; blank lines and page artefacts in between are skipped.
 */
export function buildParagraphs(lines: readonly string[], from: number, to: number): Paragraph[] {
  const out: Paragraph[] = [];
  let open: {
    raw: string;
    heading: number;
    table: boolean;
    from: number;
    to: number;
    hardBreak: boolean;
  } | null = null;
  const close = () => {
    if (open) out.push(finish(open.raw, open.heading, open.table, open.from, open.to));
    open = null;
  };
  for (let n = from; n <= to; n++) {
    const original = lines[n - 1] ?? '';
    if (!original.trim() || isPageArtefact(original)) continue;
    const hardBreak = / {2,}$/u.test(original); // markdown hard line break: the line ends there
    const line = original.trimEnd();
    const current = open as typeof open;
    const continues =
      current !== null &&
      current.heading === 0 &&
      !current.table &&
      !current.hardBreak &&
      !standsAlone(current.raw) &&
      !endsSentence(current.raw) &&
      !opensStructure(line) &&
      !standsAlone(line);
    if (continues && current) {
      current.raw = joinRaw(current.raw, line.trimStart());
      current.to = n;
      current.hardBreak = hardBreak;
      continue;
    }
    close();
    const headingMatch = /^\s*(#{1,6})\s/u.exec(line);
    open = {
      // A table row keeps its leading tab: an empty first cell means "same category as above".
      raw: line.includes('\t') ? line : line.trimStart(),
      heading: headingMatch?.[1]?.length ?? 0,
      table: line.includes('\t'),
      from: n,
      to: n,
      hardBreak,
    };
  }
  close();
  return out;
}
