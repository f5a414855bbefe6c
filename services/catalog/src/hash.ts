import { createHash } from 'node:crypto';
import type { TaskContent } from './model';

// Chinese, its punctuation and full-width forms: a space beside one of them is a line-break artefact.
const WIDE = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’`;
const SPACE_BY_WIDE = new RegExp(String.raw`(?<=[${WIDE}])\s+|\s+(?=[${WIDE}])`, 'gu');

/**
 * Text as it compares: Unicode NFC, no white space beside a Chinese character or punctuation mark,
 * other runs of white space as one space, none at the ends.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(SPACE_BY_WIDE, '').replace(/\s+/gu, ' ').trim();
}

/** JSON with object keys in sorted order and strings normalised, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value, normaliseText));
}

/** JSON with object keys in sorted order and strings as they are: equal only when exactly equal. */
export function exactJson(value: unknown): string {
  return JSON.stringify(canonical(value, (s) => s));
}

function canonical(value: unknown, text: (s: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => canonical(v, text));
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v, text);
    }
    return out;
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value));
}

/**
 * The hash of a task's content. Units count by code (a registry rename is no new version), and the
 * task's place in the file does not count (a page moved is no new version either).
 */
export function taskContentHash(content: TaskContent): string {
  return hashOf({
    kind: content.kind,
    title: content.title,
    text: content.text,
    path: content.path,
    lead: content.lead.map((u) => u.code),
    cooperating: content.cooperating.map((u) => u.code),
    otherParties: content.otherParties,
    duties: content.duties.map((d) => ({ units: d.units.map((u) => u.code), text: d.text })),
    deadlines: content.deadlines,
    recurringDeadlines: content.recurringDeadlines,
    indicators: content.indicators,
    reportingFrequency: content.reportingFrequency,
  });
}
