import { startsWithLevel, type CityPlace } from './place';

/**
 * Full-width ASCII (ＡＢＣ，（）：) to half-width, and the ideographic space to a plain space.
 * The mapping is one code unit to one code unit, so offsets found in the result are valid in the
 * input: callers match on the normalised copy and cut exact phrases from the original.
 */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const TRAILING_NOISE = /[。.;；:：,，、\s]+$/u;

/**
 * The form a unit mention is looked up in: half-width, no whitespace (the PDF conversion breaks
 * names with spaces), no markdown bold, no trailing punctuation.
 */
export function normalizeMention(mention: string): string {
  return toHalfWidth(mention).replace(/\*\*/g, '').replace(/\s+/gu, '').replace(TRAILING_NOISE, '');
}

/**
 * Candidate lookup keys for a normalised mention, most specific first: as written, then with the
 * city's name reduced to its level word (青铜峡市 → 市) and dropped. 市场监督管理局 keeps its 市
 * (it is part of the word).
 */
export function lookupKeys(key: string, place: CityPlace): string[] {
  const keys = [key];
  const add = (k: string) => {
    if (k && !keys.includes(k)) keys.push(k);
  };
  const withoutParty = key.replace(/^中共/u, '');
  add(withoutParty);
  if (place.fullPrefix.test(key)) {
    const rest = key.replace(place.fullPrefix, '');
    for (const level of place.levels) add(`${level}${rest}`);
    add(rest);
  }
  for (const k of [...keys]) {
    const level = startsWithLevel(place, k);
    if (level) add(k.slice(level.length));
    if (place.core !== place.cityName && k.startsWith(place.core) && !k.startsWith(place.cityName)) {
      add(k.slice(place.core.length));
    }
  }
  return keys;
}

/** 等 may close a list alone, with a count (等3个部门) or with the parties it stands for (等有关单位). */
const TRAILING_ETC = /^(.+?)等(?:各|(?:\d+|[一二三四五六七八九十]+)[个家])?(?:相关|有关)?(部门|单位)?$/u;

/** "X等", "X等部门", "X等有关单位", "X等3个部门": the 等 closes a list and is no part of the name. */
export function stripTrailingEtc(key: string): string[] {
  const out: string[] = [];
  const m = TRAILING_ETC.exec(key);
  if (m?.[1]) {
    // "住房和城乡建设等部门" is the stem form 住房和城乡建设部门; "生态环境分局等部门" is 生态环境分局.
    if (m[2]) out.push(`${m[1]}${m[2]}`);
    out.push(m[1]);
  }
  return out;
}
