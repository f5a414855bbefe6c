import type { NoticeLine } from '../notice/lines';
import { CN_NUMERAL, toHalfWidth } from '../text';
import { splitLabels } from './labels';
import type { Label } from './labels';

/** A numbered clause of a prose block: 一、 / (一) / 1. / (1), with what belongs to it. */
export interface Item {
  /** '一', '(一)', '1', '(1)'. */
  label: string;
  level: number;
  /** The first line as written, marker included: a path entry for the items below. */
  heading: string;
  /** Own text lines, the marker cut off the first and labels cut off every one. */
  body: string[];
  lines: NoticeLine[];
  labels: (Label & { line: number })[];
  children: Item[];
  /** Headings above the item, outermost first. */
  path: string[];
}

const MARKS: [number, RegExp, (m: RegExpExecArray) => string][] = [
  [1, new RegExp(`^(${CN_NUMERAL})[、.]\\s*`, 'u'), (m) => m[1] ?? ''],
  [2, new RegExp(`^\\((${CN_NUMERAL})\\)\\s*`, 'u'), (m) => `(${m[1]})`],
  [3, /^(\d{1,2})(?:[.、](?!\d)|\s)\s*/u, (m) => m[1] ?? ''],
  [4, /^\((\d{1,2})\)\s*/u, (m) => `(${m[1]})`],
  [4, /^([①②③④⑤⑥⑦⑧⑨⑩])\s*/u, (m) => m[1] ?? ''],
];

export function markerOf(text: string): { level: number; label: string; length: number } | undefined {
  const half = toHalfWidth(text);
  for (const [level, re, label] of MARKS) {
    const m = re.exec(half);
    if (m) return { level, label: label(m), length: m[0].length };
  }
  return undefined;
}

export interface Walk {
  /** Lines before the first numbered clause. */
  intro: NoticeLine[];
  items: Item[];
}

/** Arrange a prose block into its numbered clauses; a label line belongs to the clause above it. */
export function walkItems(lines: readonly NoticeLine[], outerPath: string[]): Walk {
  const intro: NoticeLine[] = [];
  const roots: Item[] = [];
  const stack: Item[] = [];
  for (const line of lines) {
    const marker = markerOf(line.text);
    const { body, labels } = splitLabels(marker ? line.text.slice(marker.length) : line.text);
    const open = stack[stack.length - 1];
    if (!marker) {
      if (!open) {
        intro.push(line);
        continue;
      }
      if (body) open.body.push(body);
      open.lines.push(line);
      open.labels.push(...labels.map((l) => ({ ...l, line: line.n })));
      continue;
    }
    while (stack.length > 0 && (stack[stack.length - 1] as Item).level >= marker.level) stack.pop();
    const parent = stack[stack.length - 1];
    const item: Item = {
      label: marker.label,
      level: marker.level,
      heading: line.text.trim(),
      body: body ? [body] : [],
      lines: [line],
      labels: labels.map((l) => ({ ...l, line: line.n })),
      children: [],
      path: parent ? [...parent.path, parent.heading] : outerPath,
    };
    (parent?.children ?? roots).push(item);
    stack.push(item);
  }
  return { intro, items: roots };
}

export const allItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...allItems(i.children)]);

/** The clause's lines, its children's included. */
export const itemLines = (item: Item): NoticeLine[] => [...item.lines, ...item.children.flatMap(itemLines)];

/** The clause's text with its children's (their markers kept), one paragraph a line. */
export function itemText(item: Item, withMarker = false): string {
  const [first = '', ...rest] = item.body;
  const opening = withMarker ? splitLabels(item.heading).body : first;
  return [opening, ...rest, ...item.children.map((c) => itemText(c, true))].filter(Boolean).join('\n');
}
