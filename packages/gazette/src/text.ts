import { chineseNumeral } from '@duban/workflow-supervision/client';
import { toHalfWidth } from '@duban/units';

export { toHalfWidth };

/** 一 → 1, 十三 → 13, 五十一 → 51, 一百零二 → 102. Undefined for anything else. */
export function parseChineseNumber(text: string): number | undefined {
  return chineseNumeral(text) ?? undefined;
}

export const CN_NUMERAL = '[一二三四五六七八九十百零〇]+';

/** Structural markers, tested on the half-width text of a paragraph with bold and bullets removed. */
export const MARKERS = {
  chapter: new RegExp(`^第(${CN_NUMERAL})章\\s*`, 'u'),
  article: new RegExp(`^第(${CN_NUMERAL})条\\s*`, 'u'),
  section: new RegExp(`^(${CN_NUMERAL})、\\s*`, 'u'),
  paren: new RegExp(`^\\((${CN_NUMERAL})\\)\\s*`, 'u'),
  // "11.2019年起" is item 11, while a continuation starting "0.525以上" is no item.
  numbered: /^(\d{1,2})[.、](?=\D|\d{4}年)\s*/u,
  sub: /^\((\d{1,2})\)\s*/u,
  responsibility: /^(牵头单位|配合单位|责任单位|协办单位)[:：]\s*/u,
  attachment: /^附件\s*\d*\s*(?:[:：]\s*(.*))?$/u,
  date: /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u,
  published: /^\(?此件公开发布\)?$/u,
} as const;

/** 青政办发〔2019〕31号, also written with [] 【】 () as the table of contents does. */
export const DOC_NO = /^([\u4e00-\u9fff]{1,8})\s*[〔[【(]\s*(\d{4})\s*[〕\]】)]\s*(\d{1,4})\s*号$/u;

export function parseDocNo(line: string): string | undefined {
  const m = DOC_NO.exec(toHalfWidth(stripBold(line)).trim());
  return m ? `${m[1]}〔${m[2]}〕${m[3]}号` : undefined;
}

export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** Removes every whitespace run: the PDF conversion breaks Chinese titles with spaces. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** Whether a paragraph ends a sentence, i.e. the next line cannot be its continuation. */
export function endsSentence(text: string): boolean {
  const t = toHalfWidth(stripBold(text)).trimEnd();
  return /[。!?;:)”」』]$/u.test(t);
}

export const pad2 = (n: number) => String(n).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
