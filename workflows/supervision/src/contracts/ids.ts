// Item ids are derived from document and clause so that a re-import finds the same workflow.
// They are ASCII so they sit in URLs and Temporal ids without escaping.

const docPrefixes: [string, string][] = [
  ['青政办发', 'qzbf'],
  ['青政发', 'qzf'],
  ['青党办', 'qdb'],
  ['青党发', 'qdf'],
];

const digits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二十三 → 23, 十 → 10, 一百零五 → 105 (clause numbers never reach 千). */
export function chineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = digits[ch] ?? 0;
    }
  }
  return total + current;
}

export function docSlug(docNo: string): string {
  const m = /^(.+?)[〔[(（]\s*(\d{4})\s*[〕\])）]\s*(\d+)\s*号$/.exec(docNo.trim());
  if (!m) throw new Error(`not a document number: ${docNo}`);
  const [, prefix, year, number] = m as unknown as [string, string, string, string];
  const known = docPrefixes.find(([p]) => p === prefix)?.[1];
  const slug = known ?? [...prefix].map((c) => c.codePointAt(0)!.toString(16)).join('');
  return `${slug}-${year}-${number}`;
}

export function refSlug(ref: string): string {
  return ref
    .replace(/[（(]([^)）]+)[)）]/g, (_, inner: string) => `p${chineseNumeral(inner) ?? inner}`)
    .replace(/第([零〇一二两三四五六七八九十百]+)条/g, (_, n: string) => `a${chineseNumeral(n)}`)
    .replace(/[零〇一二两三四五六七八九十百]+/g, (n) => String(chineseNumeral(n)))
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function itemIdOf(docNo: string, ref: string): string {
  return `${docSlug(docNo)}.${refSlug(ref)}`;
}

export function supervisionWorkflowId(itemId: string): string {
  return `supervision-${itemId}`;
}

/** 归档 (issue 23): one archive workflow per item, so that a second archive is refused by its id. */
export function supervisionArchiveWorkflowId(itemId: string): string {
  return `supervision-archive-${itemId}`;
}
