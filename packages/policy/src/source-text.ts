// OCR slips of the scanned gazette, mended for titles and search. The mended text is what people
// read and search for; the original stays in the provenance, with each slip listed, so that the
// record still shows what the source said.

/** One mended slip: the original text, what it became, where (index in the original), and why. */
export interface SourceSlip {
  original: string;
  mended: string;
  at: number;
  rule: string;
}

export interface MendedText {
  text: string;
  slips: SourceSlip[];
}

const HAN = String.raw`\p{Script=Han}`;

/** Each rule: a pattern matching only the slip, and what it becomes. */
const RULES: readonly { rule: string; re: RegExp; mend: (match: string) => string }[] = [
  {
    // 入 read as 人: the 34号 notice is the 引客入青 reward (bringing visitors into 青铜峡).
    rule: '引客入青（OCR 把“入”识别为“人”）',
    re: /引客人青/gu,
    mend: () => '引客入青',
  },
  {
    // An English "and" between Chinese words (产业结构调整 and 转型升级) stands for 和.
    rule: '中文词语之间的英文 and 应为“和”',
    re: new RegExp(String.raw`(?<=${HAN}[”」》）)]?)\s*\band\b\s*(?=[“「《（(]?${HAN})`, 'gu'),
    mend: () => '和',
  },
  {
    // A line break or space the scan left inside a phrase (引客入青 奖励办法).
    rule: '汉字之间多余的空格',
    re: new RegExp(String.raw`(?<=${HAN})[ \u3000]+(?=${HAN})`, 'gu'),
    mend: () => '',
  },
];

/** The text with its OCR slips mended, and the slips (positions in the original text). */
export function mendSourceText(original: string): MendedText {
  const slips: SourceSlip[] = [];
  for (const { rule, re, mend } of RULES) {
    for (const m of original.matchAll(re))
      slips.push({ original: m[0], mended: mend(m[0]), at: m.index, rule });
  }
  // The rules never overlap (each keeps Han characters around it as Han), so mending them one
  // after another gives the same text as mending the original at the listed places.
  let text = original;
  for (const { re, mend } of RULES) text = text.replace(re, mend);
  slips.sort((a, b) => a.at - b.at);
  return { text, slips };
}

/** The mended text alone: for a title or a search key. */
export const mendedText = (original: string): string => mendSourceText(original).text;
