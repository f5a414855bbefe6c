import { normalizeMention, toHalfWidth } from './normalize';
import { registryIndex, resolveParty } from './registry';
import type { PartyResolution, UnitMention } from './types';

/** A name right after these belongs to a higher level (自治区财政部门), not to the city. */
const EXTERNAL_OWNER = /(?:自治区|国家|全区|吴忠市|国务院)$/u;

/**
 * Find the registry units named in running text, longest alias first, left to right.
 * Only unambiguous aliases count (工业园区 alone is a place as often as an organ).
 */
export function findUnitMentions(text: string): UnitMention[] {
  const { scan, maxKeyLength } = registryIndex();
  const haystack = toHalfWidth(text);
  const found: UnitMention[] = [];
  let i = 0;
  while (i < haystack.length) {
    let matched = 0;
    for (let len = Math.min(maxKeyLength, haystack.length - i); len >= 2; len--) {
      const unit = scan.get(haystack.slice(i, i + len));
      if (!unit) continue;
      if (!EXTERNAL_OWNER.test(haystack.slice(Math.max(0, i - 3), i))) {
        found.push({ unit, start: i, end: i + len, text: text.slice(i, i + len) });
      }
      matched = len;
      break;
    }
    i += matched || 1;
  }
  return found;
}

const GENERIC_AT = /^(?:基本建设项目)?各(?:级|相关|有关|项目|成员|项目实施)?(?:单位|部门|党组织|成员单位)/u;
/**
 * Collectives the registry has no group for (各县区政府, 各街道办事处, 各乡镇): a generic party. A
 * group the registry has (各镇, 各镇(场)) is a lookup key and wins, being as long or longer.
 */
const COLLECTIVE_AT =
  /^各(?:县(?:市)?区|县|区|乡镇|乡|镇|街道|社区|村)(?:人民政府|政府|党委|党工委|办事处|居委会|村委会)?/u;
const LIST_JOINERS = '、和及';

interface Token {
  end: number;
  party?: PartyResolution;
  /** A domain stem such as 自然资源: valid only when the list ends in 部门. */
  stem?: PartyResolution;
}

/** Longest list item starting at `pos`: a lookup key, a generic party, or a bare stem. */
function tokenAt(text: string, pos: number): Token | undefined {
  const { lookup, stems, maxKeyLength, place } = registryIndex();
  let best: Token | undefined;
  const consider = (start: number) => {
    for (let len = Math.min(maxKeyLength, text.length - start); len >= 2; len--) {
      const word = text.slice(start, start + len);
      const end = start + len;
      if (best && end <= best.end) return;
      if (lookup.has(word)) {
        best = { end, party: resolveParty(word) };
        return;
      }
      const stemUnit = stems.get(word);
      if (stemUnit) {
        best = { end, stem: { kind: 'unit', mention: `${word}部门`, unit: stemUnit } };
        return;
      }
    }
  };
  consider(pos);
  // A city prefix (市, 青铜峡市, 中共青铜峡市) may precede any name.
  const prefix = place.anyPrefix.exec(text.slice(pos));
  if (prefix) consider(pos + prefix[0].length);
  const generic = GENERIC_AT.exec(text.slice(pos)) ?? COLLECTIVE_AT.exec(text.slice(pos));
  if (generic && (!best || pos + generic[0].length > best.end)) {
    best = { end: pos + generic[0].length, party: { kind: 'generic', mention: generic[0] } };
  }
  return best;
}

/** What closes a list: 等, 等部门, 等有关单位, 等各有关单位, 等3个部门. */
const CLOSING =
  /^等?(?:相关|有关)?(?:部门|单位)|^等(?:各|(?:\d+|[一二三四五六七八九十]+)[个家])(?:相关|有关)?(?:部门|单位)|^等/u;

/** "市发改局财政局要…": a second registry name right after the first, with no separator. */
function namesNext(text: string, pos: number): boolean {
  const party = tokenAt(text, pos)?.party;
  return party?.kind === 'unit' || party?.kind === 'group';
}

export interface UnitListPrefix {
  parties: PartyResolution[];
  /** Offset just after the list (and after a closing 等/等部门/部门). */
  end: number;
}

/**
 * Read the unit list a clause starts with, e.g. "市教育局、自然资源局、住房和城乡建设局等部门要…" or
 * "各镇(场)及自然资源、农业农村部门严格…". A leading 由 is skipped. Returns undefined when the
 * clause does not start with a name. The caller decides whether what follows makes it a subject.
 */
export function readUnitListPrefix(clause: string): UnitListPrefix | undefined {
  const text = toHalfWidth(clause);
  let pos = text.startsWith('由') ? 1 : 0;
  const tokens: Token[] = [];
  let closedByDepartment = false;
  for (;;) {
    const token = tokenAt(text, pos);
    if (!token) break;
    tokens.push(token);
    pos = token.end;
    const closing = CLOSING.exec(text.slice(pos));
    if (closing) {
      pos += closing[0].length;
      closedByDepartment = closing[0].endsWith('部门');
      break;
    }
    const joiner = text[pos];
    if (joiner && LIST_JOINERS.includes(joiner) && tokenAt(text, pos + 1)) pos += 1;
    else if (!namesNext(text, pos)) break;
  }
  if (tokens.length === 0) return undefined;
  const last = tokens[tokens.length - 1];
  const endsInDepartment =
    closedByDepartment || (last?.party ? normalizeMention(last.party.mention).endsWith('部门') : false);
  const parties: PartyResolution[] = [];
  for (const token of tokens) {
    if (token.party) parties.push(token.party);
    else if (token.stem && endsInDepartment) parties.push(token.stem);
    else return undefined; // a bare stem without 部门 is a word, not a unit
  }
  return { parties, end: pos };
}
