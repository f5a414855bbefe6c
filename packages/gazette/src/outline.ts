import { markerText } from './paragraphs';
import type { Paragraph } from './paragraphs';
import type { LineRange } from './schema';
import { MARKERS } from './text';
import type { WarningLog } from './warnings';

export type NodeKind = 'root' | 'chapter' | 'section' | 'article' | 'paren' | 'numbered' | 'sub';

/** Nesting depth of each kind: a node closes every open node of the same or a deeper rank. */
const RANK: Record<NodeKind, number> = {
  root: 0,
  chapter: 1,
  section: 1,
  article: 2,
  paren: 3,
  numbered: 4,
  sub: 5,
};

export interface OutlineNode {
  kind: NodeKind;
  /** '二', '(一)', '13', '(1)', '第三十六条', '第四章'. */
  label: string;
  /** The first paragraph's text after the marker (a section's heading, an item's opening). */
  opening: string;
  /** The first paragraph's markdown after the marker, bold kept (for captions). */
  openingRaw: string;
  /** Own paragraphs; the first is the one carrying the marker. */
  paras: Paragraph[];
  /** 牵头单位 / 配合单位 / 责任单位 lines that close this item. */
  responsibility: Paragraph[];
  children: OutlineNode[];
}

export interface AttachmentDraft {
  title: string;
  /** Content lines (1-based) when the gazette prints the attachment itself. */
  range?: LineRange;
  paras: Paragraph[];
  tableRows: Paragraph[];
}

export interface Outline {
  root: OutlineNode;
  attachments: AttachmentDraft[];
}

interface Marker {
  kind: Exclude<NodeKind, 'root'>;
  label: string;
  length: number;
}

function detectMarker(text: string): Marker | undefined {
  const t = markerText(text);
  const tests: [Marker['kind'], RegExp, (m: RegExpExecArray) => string][] = [
    ['chapter', MARKERS.chapter, (m) => `第${m[1]}章`],
    ['article', MARKERS.article, (m) => `第${m[1]}条`],
    ['section', MARKERS.section, (m) => m[1] ?? ''],
    ['paren', MARKERS.paren, (m) => `(${m[1]})`],
    ['numbered', MARKERS.numbered, (m) => m[1] ?? ''],
    ['sub', MARKERS.sub, (m) => `(${m[1]})`],
  ];
  for (const [kind, re, label] of tests) {
    const m = re.exec(t);
    if (m) return { kind, label: label(m), length: m[0].length };
  }
  return undefined;
}

/** Cut the marker off the markdown too, where bold markers may sit before, inside or after it. */
function cutMarkerRaw(raw: string, marker: string): string {
  let bold = 0;
  let i = 0;
  let k = 0;
  const skipBold = () => {
    while (raw.startsWith('**', i)) {
      bold++;
      i += 2;
    }
  };
  skipBold();
  while (k < marker.length && i < raw.length) {
    i++;
    k++;
    skipBold();
  }
  // An odd number of bold markers passed means a bold run is still open at the cut.
  return `${bold % 2 === 1 ? '**' : ''}${raw.slice(i)}`;
}

const newNode = (kind: NodeKind, label: string, para?: Paragraph, markerLength = 0): OutlineNode => ({
  kind,
  label,
  opening: para ? para.text.slice(markerLength).trim() : '',
  openingRaw: para ? cutMarkerRaw(para.raw, para.text.slice(0, markerLength)).trim() : '',
  paras: para ? [para] : [],
  responsibility: [],
  children: [],
});

/**
 * Arrange a document's content paragraphs into its clause tree (章/条 or 一、/(一)/1./(1)),
 * with responsibility lines attached to the item they close and attachments set apart.
 */
export function buildOutline(body: Paragraph[], log: WarningLog): Outline {
  const root = newNode('root', '');
  const stack: OutlineNode[] = [root];
  const attachments: AttachmentDraft[] = [];
  let attachment: AttachmentDraft | undefined;

  for (const para of body) {
    const t = markerText(para.text);
    const attachmentRef = MARKERS.attachment.exec(t);
    if (attachmentRef) {
      const title = attachmentRef[1]?.trim();
      if (title) {
        attachments.push({ title, paras: [], tableRows: [] });
      } else {
        // "附件" on its own line: the attachment itself follows.
        attachment = attachments[attachments.length - 1] ?? { title: '', paras: [], tableRows: [] };
        if (!attachments.includes(attachment)) attachments.push(attachment);
        attachment.range = { from: para.from, to: para.to };
      }
      continue;
    }
    if (attachment) {
      const range = attachment.range ?? { from: para.from, to: para.to };
      attachment.range = { from: range.from, to: Math.max(range.to, para.to) };
      if (para.table) attachment.tableRows.push(para);
      else if (attachment.paras.length === 0 && attachment.tableRows.length === 0 && !attachment.title)
        attachment.title = para.text;
      else if (!(attachment.paras.length === 0 && para.text.replace(/\s/gu, '') === attachment.title))
        attachment.paras.push(para);
      continue;
    }
    if (para.table) {
      log.add('unplaced-text', `table row outside any attachment: ${para.text.slice(0, 40)}`, para.from);
      continue;
    }
    if (MARKERS.responsibility.test(t)) {
      const owner = stack[stack.length - 1] ?? root;
      if (owner === root) log.add('unplaced-text', `responsibility line without an item: ${t}`, para.from);
      else owner.responsibility.push(para);
      continue;
    }
    const marker = detectMarker(para.text);
    if (!marker) {
      (stack[stack.length - 1] ?? root).paras.push(para);
      continue;
    }
    const node = newNode(marker.kind, marker.label, para, marker.length);
    while (stack.length > 1 && RANK[(stack[stack.length - 1] as OutlineNode).kind] >= RANK[marker.kind])
      stack.pop();
    (stack[stack.length - 1] ?? root).children.push(node);
    stack.push(node);
  }
  return { root, attachments };
}

/** Every paragraph of a node and its descendants, responsibility lines included. */
export function allParagraphs(node: OutlineNode): Paragraph[] {
  return [...node.paras, ...node.responsibility, ...node.children.flatMap(allParagraphs)];
}

export function lineRange(node: OutlineNode): LineRange {
  const paras = allParagraphs(node);
  return {
    from: Math.min(...paras.map((p) => p.from)),
    to: Math.max(...paras.map((p) => p.to)),
  };
}

/**
 * The node's text: its opening without the marker, its other paragraphs, and its sub-clauses with
 * their markers ("(1)提出救助申请…"), one paragraph per line. Responsibility lines are not text.
 */
export function nodeText(node: OutlineNode, withMarker = false): string {
  const [, ...rest] = node.paras;
  const first = withMarker ? (node.paras[0]?.text ?? '') : node.opening;
  return [first, ...rest.map((p) => p.text), ...node.children.map((c) => nodeText(c, true))]
    .filter((s) => s.length > 0)
    .join('\n');
}

/** A bold caption right after the marker: "**1.大力发展绿色工业。**坚持…" → 大力发展绿色工业. */
export function caption(node: OutlineNode): string | undefined {
  const m = /^\*\*\s*([^*]+?)\s*\*\*(.*)$/su.exec(node.openingRaw);
  if (!m?.[1] || !m[2]?.trim()) return undefined; // a bold run over the whole paragraph is emphasis
  const span = m[1].trim();
  if (!/[。:：]$/u.test(span) || /[。]./u.test(span)) return undefined;
  return span.replace(/[。:：]$/u, '');
}

export function firstSentence(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const m = /^(.+?)[。;；]/u.exec(line);
  return (m?.[1] ?? line).trim();
}
