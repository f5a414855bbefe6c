import type { Comparison, Indicator } from './schema';
import { toHalfWidth } from './text';

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(%|个百分点|微克/立方米|亿立方米|万立方米|立方米|平方米|万亩|亩|亿元|万元|元|亿|万|个工作日|工作日|人次|人|个|所|处|名|次|间|台|辆|家|项)?`;
/** Units a bare "name + number" clause may end in: counts and shares, not lengths or loads. */
const BARE_UNIT = String.raw`(%|万亩|亩|亿元|万元|个|所|处|名)`;
const RANGE = String.raw`(以上|以下|以内|左右)?`;
/** Amounts a notice sets with a verb: 新增市场主体500家以上, 完成投资5000万元, 培训1000人次. */
const AMOUNT_VERB = String.raw`(新增|完成|实现|培育|引进|招引|建成|新建|培训|开展|举办|发展|打造|创建|改造|争取|签约|带动|吸纳|安置|转移|种植|建设|招商|整治|修建|硬化|铺设|栽植|造林)`;
/** Words that state the comparison themselves: their own patterns read the amount. */
const COMPARISON_WORD = String.raw`达到|保持|不低于|不少于|超过|突破|高于|大于|不超过|不高于|低于|小于|增长|提高|增加|下降|降低|减少|控制|压缩`;
const AMOUNT_UNIT = String.raw`(万元|亿元|元|万亩|亩|个|家|人次|人|户|所|处|名|次|场|项|公里|平方米|吨|辆|台|套|座|间)`;

interface Hit {
  at: number;
  end: number;
  comparison: Comparison;
  values: { target: number; unit: string }[];
  baselineYear?: number;
  /** "分别…": the value(s) apply to each of the names listed before. */
  distributive?: boolean;
  /** Where the name lies: before the match (subject), or inside it ("90%的教师…"). */
  name?: string;
  /** A change stated with 左右. */
  approximate?: boolean;
}

type Pattern = { re: RegExp; read: (m: RegExpExecArray) => Omit<Hit, 'at' | 'end'> | undefined };

const bounded = (range: string | undefined, fallback: Comparison): Comparison =>
  range === '以上'
    ? 'gte'
    : range === '以下' || range === '以内'
      ? 'lte'
      : range === '左右'
        ? 'approx'
        : fallback;

const VERB_COMPARISON: Record<string, Comparison> = {
  达到: 'gte',
  保持: 'gte',
  保持在: 'gte',
  稳定在: 'gte',
  不低于: 'gte',
  不少于: 'gte',
  超过: 'gt',
  突破: 'gt',
  高于: 'gt',
  大于: 'gt',
  不超过: 'lte',
  不高于: 'lte',
  低于: 'lt',
  小于: 'lt',
};

const value = (n: string | undefined, unit: string | undefined) => ({ target: Number(n), unit: unit ?? '' });

/** Ordered by specificity: an earlier pattern wins a tie at the same position. */
const PATTERNS: Pattern[] = [
  {
    // 比2015年下降18%
    re: new RegExp(`比(\\d{4})年(下降|降低|减少|增长|提高|增加)了?${NUM}${UNIT}`, 'gu'),
    read: (m) => ({
      comparison: /下降|降低|减少/u.test(m[2] ?? '') ? 'reduce-by' : 'increase-by',
      values: [value(m[3], m[4])],
      baselineYear: Number(m[1]),
    }),
  },
  {
    // 下降到10%以内, 控制在7.12亿立方米以内, 压缩到50个工作日以内
    re: new RegExp(`(?:分别)?(?:下降|降低|减少|压缩|控制)(?:到|至|在)${NUM}${UNIT}${RANGE}`, 'gu'),
    read: (m) => ({ comparison: 'lte', values: [value(m[1], m[2])] }),
  },
  {
    // 提高至0.525以上
    re: new RegExp(`(?:分别)?(?:提高|提升|增加|增长)(?:到|至)${NUM}${UNIT}${RANGE}`, 'gu'),
    read: (m) => ({ comparison: bounded(m[3], 'gte'), values: [value(m[1], m[2])] }),
  },
  {
    // 达到85%以上, 不低于…, 突破50亿
    re: new RegExp(
      `(?:分别)?(达到|保持在|保持|稳定在|不低于|不少于|超过|突破|高于|大于|不超过|不高于|低于|小于)${NUM}${UNIT}${RANGE}`,
      'gu',
    ),
    read: (m) => ({
      comparison: bounded(m[4], VERB_COMPARISON[m[1] ?? ''] ?? 'gte'),
      values: [value(m[2], m[3])],
    }),
  },
  {
    // 单位GDP能耗降低15%
    re: new RegExp(`(?:分别)?(?:下降|降低|减少)${NUM}${UNIT}(左右)?`, 'gu'),
    read: (m) => ({
      comparison: 'reduce-by',
      values: [value(m[1], m[2])],
      ...(m[3] ? { approximate: true } : {}),
    }),
  },
  {
    // 到位资金增长10%以上, 分别提高1.5个百分点
    re: new RegExp(`(?:分别)?(?:增长|提高|增加)${NUM}${UNIT}${RANGE}`, 'gu'),
    read: (m) => ({
      comparison: 'increase-by',
      values: [value(m[1], m[2])],
      ...(m[3] === '左右' ? { approximate: true } : {}),
    }),
  },
  { re: /实现零增长/gu, read: () => ({ comparison: 'lte', values: [{ target: 0, unit: '%' }] }) },
  { re: /实现正增长/gu, read: () => ({ comparison: 'gt', values: [{ target: 0, unit: '%' }] }) },
  {
    // 90%的教师利用网络学习空间开展教学活动
    re: new RegExp(`${NUM}(%)的([^,、;。]+)`, 'gu'),
    read: (m) => ({ comparison: 'gte', values: [value(m[1], m[2])], name: m[3] }),
  },
  {
    // 抓好145个基本建设项目 (a count that opens the clause)
    re: new RegExp(`^(?:切实)?(?:抓好|建设|完成|开通|确保)?${NUM}(个|所|处|名)(.{2,})$`, 'gu'),
    read: (m) => ({ comparison: 'eq', values: [value(m[1], m[2])], name: m[3] }),
  },
  {
    // 新增市场主体500家以上: the verb and its object name the amount
    re: new RegExp(
      `${AMOUNT_VERB}((?:(?!${COMPARISON_WORD})[\\u4e00-\\u9fff]){0,10}?)${NUM}${AMOUNT_UNIT}${RANGE}`,
      'gu',
    ),
    read: (m) => ({
      comparison: bounded(m[5], 'eq'),
      values: [value(m[3], m[4])],
      name: `${m[1] ?? ''}${m[2] ?? ''}`,
    }),
  },
  {
    // 营造防沙治沙农田防护林10000亩 / 一般工业固废处置利用率90%以上 (the number closes the clause);
    // not "拨付年度经费的50%", a share of something else
    re: new RegExp(`(?<=[\\u4e00-\\u9fff)])(?<!的)${NUM}${BARE_UNIT}${RANGE}$`, 'gu'),
    read: (m) => ({ comparison: bounded(m[3], 'eq'), values: [value(m[1], m[2])] }),
  },
];

/** Words around a subject that are no part of the indicator's name. */
const LEADING_FILLER =
  /^(?:(?:到|至)?\d{4}年(?:底|末)?|其中|并且|并|且|使|努力|力争|确保|切实|实现|全面|基本|进一步|要|同时)+/u;
const TRAILING_FILLER = /(?:分别|均|总体|要|约|基本|全部|由.*)+$/u;

function trimName(text: string, from: number, to: number): { from: number; to: number } {
  let s = from;
  let e = to;
  const lead = LEADING_FILLER.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  const trail = TRAILING_FILLER.exec(text.slice(s, e));
  if (trail) e -= trail[0].length;
  return { from: s, to: Math.max(s, e) };
}

/** Money without its 元: "工业总产值突破50亿" is 50 亿元. */
function normaliseUnit(unit: string, name: string): string {
  if ((unit === '亿' || unit === '万') && /产值|投资|资金|收入|增加值|总额|经费/u.test(name))
    return `${unit}元`;
  if (unit === '个工作日') return '工作日';
  return unit;
}

/** "…分别达到41.09%、42.3%": further values joined by 、 after a 分别 match. */
function readMoreValues(text: string, end: number): { values: Hit['values']; end: number } {
  const values: Hit['values'] = [];
  const re = new RegExp(`^、${NUM}${UNIT}${RANGE}`, 'u');
  let at = end;
  for (let m = re.exec(text.slice(at)); m; m = re.exec(text.slice(at))) {
    values.push(value(m[1], m[2]));
    at += m[0].length;
  }
  return { values, end: at };
}

function hitsIn(clause: string): Hit[] {
  const hits: Hit[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of clause.matchAll(re)) {
      const data = read(m as RegExpExecArray);
      if (!data) continue;
      const at = m.index ?? 0;
      let end = at + m[0].length;
      if (m[0].startsWith('分别')) {
        const more = readMoreValues(clause, end);
        data.values.push(...more.values);
        data.distributive = true;
        end = more.end;
      }
      hits.push({ ...data, at, end });
    }
  }
  // Keep the earliest, then the most specific, non-overlapping matches.
  hits.sort((a, b) => a.at - b.at);
  const kept: Hit[] = [];
  for (const hit of hits) if (!kept.some((k) => hit.at < k.end && k.at < hit.end)) kept.push(hit);
  return kept;
}

const PROHIBITION = /严禁|禁止|不得|严格限制/u;

/** "到2020年" or a clause opening "2019年，": the year a target is for (not "比2015年"). */
function yearIn(clause: string): number | undefined {
  const m = /(?:^|到|至)(\d{4})年(?!度)/u.exec(clause.replace(/比\d{4}年/gu, ''));
  return m ? Number(m[1]) : undefined;
}

/**
 * Target indicators (指标) in a clause text: name, comparison, target value and unit, the year the
 * target is for and the baseline year. A clause without a subject ("分别达到41.09%、42.3%") borrows
 * the subject of the clause before it. "由…下降17.3%" states the past, not a target, and is skipped.
 */
export function extractIndicators(text: string): Indicator[] {
  const out: Indicator[] = [];
  for (const paragraph of text.split('\n')) {
    const half = toHalfWidth(paragraph);
    let year: number | undefined;
    let previousSubject = '';
    let offset = 0;
    for (const clauseHalf of half.split(/(?<=[,;。])/u)) {
      const clauseStart = offset;
      offset += clauseHalf.length;
      const body = clauseHalf.replace(/[,;。]$/u, '');
      year = yearIn(body) ?? year;
      // A prohibition ("严禁使用硫份大于0.8%…的煤种") sets a limit on others, not a target.
      const hits = PROHIBITION.test(body) ? [] : hitsIn(body);
      let cursor = 0;
      for (const hit of hits) {
        const subjectText = body.slice(cursor, hit.at);
        cursor = hit.end;
        const span = trimName(body, hit.at - subjectText.length, hit.at);
        const own = body.slice(span.from, span.to).trim();
        // "增速由去年全年下降17.3%" reports the past; its subject may serve the next clause.
        if (/由/u.test(subjectText) && hit.comparison === 'reduce-by') {
          if (own) previousSubject = own;
          continue;
        }
        const name = hit.name?.trim() ?? (own || previousSubject);
        if (!name) continue;
        if (!hit.name && own) previousSubject = own;
        const phraseFrom = hit.name || !own ? hit.at : span.from;
        const phrase = paragraph.slice(clauseStart + phraseFrom, clauseStart + hit.end);
        // "绿地率、绿化覆盖率分别达到41.09%、42.3%": one indicator per listed name.
        const names = hit.distributive ? name.split('、') : [name];
        names.forEach((itemName, i) => {
          const v = hit.values.length === names.length ? hit.values[i] : hit.values[0];
          if (!v) return;
          const indicator: Indicator = {
            name: itemName,
            comparison: hit.comparison,
            target: v.target,
            unit: normaliseUnit(v.unit, itemName),
            phrase,
          };
          if (year !== undefined) indicator.year = year;
          if (hit.baselineYear !== undefined) indicator.baselineYear = hit.baselineYear;
          if (hit.approximate) indicator.approximate = true;
          out.push(indicator);
        });
      }
      if (cursor === 0) {
        // No indicator here: its subject may still serve the next clause ("增速由…下降，实现正增长").
        const span = trimName(body, 0, body.length);
        const subject = body.slice(span.from, span.to).trim();
        if (subject && subject.length <= 20) previousSubject = subject;
      }
    }
  }
  return out;
}
