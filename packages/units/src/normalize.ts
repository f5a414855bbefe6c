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

/** The place prefixes the documents put before a city organ. */
const CITY_PREFIX = /^(?:中共)?青铜峡市/u;

/**
 * Candidate lookup keys for a normalised mention, most specific first: as written, then with the
 * city prefix reduced to 市 and dropped. 市场监督管理局 keeps its 市 (it is part of the word).
 */
export function lookupKeys(key: string): string[] {
  const keys = [key];
  const add = (k: string) => {
    if (k && !keys.includes(k)) keys.push(k);
  };
  const withoutParty = key.replace(/^中共/u, '');
  add(withoutParty);
  if (CITY_PREFIX.test(key)) {
    const rest = key.replace(CITY_PREFIX, '');
    add(`市${rest}`);
    add(rest);
  }
  for (const k of [...keys]) {
    if (k.startsWith('市') && !k.startsWith('市场')) add(k.slice(1));
    if (k.startsWith('青铜峡') && !k.startsWith('青铜峡市')) add(k.slice('青铜峡'.length));
  }
  return keys;
}

/** "X等", "X等部门", "X等单位": the 等 closes a list and is no part of the name. */
export function stripTrailingEtc(key: string): string[] {
  const out: string[] = [];
  const m = /^(.+?)等(部门|单位)?$/u.exec(key);
  if (m?.[1]) {
    // "住房和城乡建设等部门" is the stem form 住房和城乡建设部门; "生态环境分局等部门" is 生态环境分局.
    if (m[2]) out.push(`${m[1]}${m[2]}`);
    out.push(m[1]);
  }
  return out;
}
