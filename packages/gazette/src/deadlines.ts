import type { Deadline, DeadlineRule, Frequency, RecurringDeadline, YearSource } from './schema';
import { isoDate, lastDayOfMonth, parseChineseNumber, toHalfWidth } from './text';

export interface DeadlineScan {
  deadlines: Deadline[];
  /** Phrases that look like deadlines but name no year, so no civil date can be given. */
  unparsed: string[];
}

interface Rule {
  rule: DeadlineRule;
  re: RegExp;
  date: (m: RegExpExecArray) => string | undefined;
}

const XUN_DAY: Record<string, (y: number, m: number) => number> = {
  上旬: () => 10,
  中旬: () => 20,
  下旬: (y, m) => lastDayOfMonth(y, m),
};
const XUN_RULE: Record<string, DeadlineRule> = { 上旬: 'early-month', 中旬: 'mid-month', 下旬: 'late-month' };

const validDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= lastDayOfMonth(y, m) ? isoDate(y, m, d) : undefined;

/**
 * DESIGN §5, most specific first; each rule claims its span so a shorter rule cannot re-read it
 * ("到2018年底" is year-end, not by-year).
 */
const RULES: Rule[] = [
  {
    rule: 'explicit-date',
    re: /(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|之前|以前|止)?/gu,
    date: (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    rule: 'late-month', // refined to early-/mid-/late-month below
    re: /(\d{4})年(\d{1,2})月(上旬|中旬|下旬)/gu,
    date: (m) => {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const day = XUN_DAY[m[3] ?? '']?.(y, mo);
      return day ? validDate(y, mo, day) : undefined;
    },
  },
  {
    rule: 'month-end',
    re: /(?:到|至|于)?(\d{4})年(\d{1,2})月(?:底|末)(?:前|之前|以前)?/gu,
    date: (m) => {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      return mo >= 1 && mo <= 12 ? isoDate(y, mo, lastDayOfMonth(y, mo)) : undefined;
    },
  },
  {
    rule: 'half-year-end',
    re: /(\d{4})年(上|下)半年/gu,
    date: (m) => (m[2] === '上' ? isoDate(Number(m[1]), 6, 30) : isoDate(Number(m[1]), 12, 31)),
  },
  {
    rule: 'year-end',
    re: /(?:到|至|于)?(\d{4})年(?:底|末)(?:前|之前|以前)?/gu,
    date: (m) => isoDate(Number(m[1]), 12, 31),
  },
  {
    rule: 'by-year',
    re: /(?:到|至)(\d{4})年(?![底末度\d])/gu,
    date: (m) => isoDate(Number(m[1]), 12, 31),
  },
  {
    // "2019年，完成…" / "2018-2019年，…": a milestone for that year, due at its end.
    rule: 'in-year',
    re: /(?<=^|[。;:,\n])\s*(?:(\d{4})\s*[-—–~至]\s*)?(\d{4})年(?=,)/gu,
    date: (m) => isoDate(Number(m[2]), 12, 31),
  },
];

/** The year a notice's yearless phrases ("6月底前") belong to, and where it was read. */
export interface NoticeYear {
  year: number;
  from: YearSource;
}

interface YearlessRule {
  rule: DeadlineRule;
  re: RegExp;
  date: (m: RegExpExecArray, year: number) => string | undefined;
}

/**
 * Phrases that name no year, dated only when the notice gives one (its title or its date). The
 * lookbehinds keep them off phrases that do name one, which RULES read first anyway.
 */
const YEARLESS_RULES: YearlessRule[] = [
  {
    rule: 'explicit-date',
    re: /(?<![年\d])(\d{1,2})月(\d{1,2})日(?:前|之前|以前|止)?/gu,
    date: (m, y) => validDate(y, Number(m[1]), Number(m[2])),
  },
  {
    rule: 'late-month', // refined to early-/mid-/late-month below
    re: /(?<![年\d])(\d{1,2})月(上旬|中旬|下旬)/gu,
    date: (m, y) => {
      const mo = Number(m[1]);
      const day = mo >= 1 && mo <= 12 ? XUN_DAY[m[2] ?? '']?.(y, mo) : undefined;
      return day ? validDate(y, mo, day) : undefined;
    },
  },
  {
    rule: 'month-end',
    re: /(?<![年\d])(\d{1,2})月份?(?:底|末)(?:前|之前|以前)?/gu,
    date: (m, y) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? isoDate(y, mo, lastDayOfMonth(y, mo)) : undefined;
    },
  },
  {
    rule: 'half-year-end',
    re: /(?<![\d年])(上|下)半年/gu,
    date: (m, y) => (m[1] === '上' ? isoDate(y, 6, 30) : isoDate(y, 12, 31)),
  },
  { rule: 'year-end', re: /(?<![\d年])年(?:底|末)(?:前|之前|以前)?/gu, date: (_m, y) => isoDate(y, 12, 31) },
  { rule: 'within-year', re: /(?<![\d年])年(?:度)?内/gu, date: (_m, y) => isoDate(y, 12, 31) },
];

/** Phrases with a month or half-year but no year: reported, never guessed. */
const YEARLESS = [/(?<![年\d])(\d{1,2})月份?(?:底|末)?(?:前|之前|以前)/gu, /(?<!年)(?:上|下)半年/gu];

/** Cover 《…》 and 〔…〕 (titles and document numbers) so their years are not read as deadlines. */
function maskReferences(text: string): string {
  return text.replace(/《[^》]*》|〔[^〕]*〕|\[[^\]]*\]/gu, (s) => ' '.repeat(s.length));
}

/**
 * Dated deadlines in a text. Given the notice's year, phrases naming none are dated in it and say
 * where the year came from; without it (a gazette), they are reported as unparsed.
 */
export function extractDeadlines(text: string, noticeYear?: NoticeYear): DeadlineScan {
  const half = maskReferences(toHalfWidth(text));
  const claimed: boolean[] = new Array<boolean>(half.length).fill(false);
  const found: { at: number; deadline: Deadline }[] = [];
  const free = (from: number, to: number) => claimed.slice(from, to).every((c) => !c);
  const claim = (from: number, to: number) => claimed.fill(true, from, to);

  for (const { rule, re, date } of RULES) {
    for (const m of half.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const from = (m.index ?? 0) + lead;
      const to = (m.index ?? 0) + m[0].length;
      if (!free(from, to)) continue;
      const iso = date(m as RegExpExecArray);
      if (!iso) continue;
      claim(from, to);
      const refined = rule === 'late-month' ? (XUN_RULE[m[3] ?? ''] ?? rule) : rule;
      found.push({ at: from, deadline: { date: iso, phrase: text.slice(from, to), rule: refined } });
    }
  }

  if (noticeYear) {
    for (const { rule, re, date } of YEARLESS_RULES) {
      for (const m of half.matchAll(re)) {
        const from = m.index ?? 0;
        const to = from + m[0].length;
        const iso = free(from, to) ? date(m as RegExpExecArray, noticeYear.year) : undefined;
        if (!iso) continue;
        claim(from, to);
        const refined = rule === 'late-month' ? (XUN_RULE[m[2] ?? ''] ?? rule) : rule;
        const phrase = text.slice(from, to);
        found.push({ at: from, deadline: { date: iso, phrase, rule: refined, yearFrom: noticeYear.from } });
      }
    }
  }

  const unparsed: string[] = [];
  for (const re of YEARLESS) {
    for (const m of half.matchAll(re)) {
      const from = m.index ?? 0;
      if (free(from, from + m[0].length)) unparsed.push(text.slice(from, from + m[0].length));
    }
  }

  const seen = new Set<string>();
  const deadlines = found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.deadline)
    .filter((d) => {
      const key = `${d.date}|${d.rule}|${d.phrase}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { deadlines, unparsed };
}

const RECURRING: { re: RegExp; make: (m: RegExpExecArray) => Omit<RecurringDeadline, 'phrase'> }[] = [
  {
    re: /每(?:一)?季度(?:的)?第([一二三1-3])个月的?(\d{1,2})日(?:前|之前|以前)?/gu,
    make: (m) => ({
      frequency: 'quarterly',
      monthOfPeriod: parseChineseNumber(m[1] ?? '') ?? Number(m[1]),
      day: Number(m[2]),
    }),
  },
  {
    re: /(?:每月|当月|每个月)(\d{1,2})日(?:前|之前|以前)?/gu,
    make: (m) => ({ frequency: 'monthly', day: Number(m[1]) }),
  },
  {
    re: /每年(\d{1,2})月(\d{1,2})日(?:前|之前|以前)?/gu,
    make: (m) => ({ frequency: 'yearly', monthOfPeriod: Number(m[1]), day: Number(m[2]) }),
  },
];

/** Deadlines that come back every period: "每月25日前", "当月30日", "每一季度第一个月的15日之前". */
export function extractRecurringDeadlines(text: string): RecurringDeadline[] {
  const half = toHalfWidth(text);
  const out: { at: number; value: RecurringDeadline }[] = [];
  for (const { re, make } of RECURRING) {
    for (const m of half.matchAll(re)) {
      const at = m.index ?? 0;
      const value = make(m as RegExpExecArray);
      if (value.day < 1 || value.day > 31) continue;
      out.push({ at, value: { ...value, phrase: text.slice(at, at + m[0].length) } });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.value);
}

const REPORTING: [Frequency, RegExp][] = [
  ['weekly', /每周[^。;]{0,20}?(?:调度|通报|报送|报告|汇报|上报)/u],
  ['monthly', /(?:每月|按月)[^。;]{0,30}?(?:调度|通报|报送|报告|汇报|上报)/u],
  ['quarterly', /每(?:一)?季度[^。;]{0,30}?(?:调度|通报|报送|报告|汇报|上报)/u],
  ['semiannual', /(?:每半年|半年)[^。;]{0,20}?(?:报告|评估|通报|汇报)/u],
  ['yearly', /每年[^。;]{0,20}?(?:报告|通报|汇报|考核)/u],
];

/** The most frequent progress-reporting rhythm the text sets, if any (汇报频次). */
export function reportingFrequency(text: string): Frequency | undefined {
  const half = toHalfWidth(text);
  return REPORTING.find(([, re]) => re.test(half))?.[0];
}

/** Time phrases that stand for no date: standing duties, spans with no start, schedules with no day. */
const UNDATED = [
  /长期坚持|长期推进|长期执行|持续推进|持续开展|持续实施|常态化(?:推进|开展)?|长期/gu,
  /(?:\d{1,3}|[一二三四五六七八九十]{1,3})个?(?:工作日|自然日|日|天)内/gu,
  /每(?:一)?(?:季度|半年|月|周|年)(?:末|底)?(?!\d|第)/gu,
];

/**
 * Undated time phrases in a text, verbatim. In running text only the unambiguous ones count ("持续
 * 推进产业升级" is a verb, not a deadline); in a 完成时限 field every one does.
 */
export function undatedPhrases(text: string, field: boolean): string[] {
  const half = toHalfWidth(text);
  const found: { at: number; phrase: string }[] = [];
  const patterns = field ? UNDATED : [/长期坚持/gu, UNDATED[1] as RegExp];
  for (const re of patterns) {
    for (const m of half.matchAll(re)) {
      const at = m.index ?? 0;
      if (found.some((f) => at >= f.at && at < f.at + f.phrase.length)) continue;
      found.push({ at, phrase: text.slice(at, at + m[0].length) });
    }
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.phrase))];
}
