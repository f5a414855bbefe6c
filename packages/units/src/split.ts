import { normalizeMention, stripTrailingEtc } from './normalize';
import type { CityPlace } from './place';
import { registryIndex, resolveParty } from './registry';
import type { Unit, UnitListResolution } from './types';

/** Separators that always end a list item. */
const HARD_SEPARATORS = /[、,;]/u;
/** Conjunctions that separate items only when both sides are names: 和 also sits inside 住房和城乡建设局. */
const SOFT_SEPARATORS = ['和', '及', '与'];

const resolves = (item: string) => resolveParty(item).kind !== 'unknown';

/** "住房和城乡建设等部门" → "住房和城乡建设部门"; "财政局等" → "财政局". */
function withoutEtc(item: string): string {
  const variants = stripTrailingEtc(item);
  return variants.find(resolves) ?? variants[variants.length - 1] ?? item;
}

/** "审计局等各有关单位": the list's last name, then the parties the 等 stands for. */
const ETC_PARTIES = /^(.+?)等(各(?:相关|有关)?(?:部门|单位))$/u;

function closingItems(piece: string): string[] {
  const m = ETC_PARTIES.exec(piece);
  return m?.[1] && m[2] ? [withoutEtc(m[1]), m[2]] : [withoutEtc(piece)];
}

const namesOne = (item: string) => {
  const kind = resolveParty(item).kind;
  return kind === 'unit' || kind === 'group';
};

/**
 * "市发改局财政局", "自然资源局住建局": names run together with no separator, split against the
 * registry, the longest name first. Every part must be a registry name, or nothing is split.
 */
export function splitRunTogether(piece: string): string[] | undefined {
  const failed = new Set<number>();
  const from = (start: number): string[] | undefined => {
    if (start === piece.length) return [];
    if (failed.has(start)) return undefined;
    for (let end = piece.length; end >= start + 2; end--) {
      const part = piece.slice(start, end);
      if (!namesOne(part)) continue;
      const rest = from(end);
      if (rest) return [part, ...rest];
    }
    failed.add(start);
    return undefined;
  };
  const parts = from(0);
  return parts && parts.length > 1 ? parts : undefined;
}

function splitSoft(piece: string): string[] | undefined {
  if (resolves(piece)) return [piece];
  for (let i = 1; i < piece.length - 1; i++) {
    if (!SOFT_SEPARATORS.includes(piece[i] ?? '')) continue;
    const left = piece.slice(0, i);
    const right = piece.slice(i + 1);
    const rightParts = splitSoft(right);
    if (!rightParts) continue;
    // "自然资源和住建部门": the left stem borrows the 部门 that closes the list.
    const lastPart = rightParts[rightParts.length - 1] ?? '';
    const leftItem = resolves(left)
      ? left
      : lastPart.endsWith('部门') && resolves(`${left}部门`)
        ? `${left}部门`
        : undefined;
    if (leftItem) return [leftItem, ...rightParts];
  }
  return undefined;
}

/** Whether the distributive 市 of an earlier item applies to this one. */
function takesCityPrefix(item: string, place: CityPlace): boolean {
  // 市场监督管理局 starts with its own 市.
  if (
    place.levels.some((l) => item.startsWith(l)) ||
    place.anyPrefix.test(item) ||
    place.otherPlace.test(item)
  ) {
    return false;
  }
  const hit = resolveParty(item);
  if (hit.kind === 'generic' || hit.kind === 'group') return false;
  if (hit.kind === 'unknown') return true;
  return place.fullPrefix.test(hit.unit.name) && !['town', 'street', 'farm'].includes(hit.unit.kind);
}

/** "市工业和信息化局、水务局": the leading 市 applies to every following name that has no place of its own. */
function distributeCityPrefix(items: string[]): string[] {
  const { place } = registryIndex();
  const level = place.levels[0];
  if (!level) return items;
  let prefixed = false;
  return items.map((item) => {
    if (place.anyPrefix.test(item)) {
      prefixed = true;
      return item;
    }
    return prefixed && takesCityPrefix(item, place) ? `${level}${item}` : item;
  });
}

/** "自然资源、农业农村部门": every bare stem before the closing 部门 is a department too. */
function distributeDepartmentSuffix(items: string[]): string[] {
  if (!items.some((item) => item.endsWith('部门'))) return items;
  return items.map((item) => (!resolves(item) && resolves(`${item}部门`) ? `${item}部门` : item));
}

/** The organs an office word may close: 市委, 政府, 县人大 … (the city's level words). */
function organPattern(place: CityPlace): string {
  const organs = ['委', '政府', '人大', '政协'].flatMap((organ) => [
    ...place.levels.map((level) => `${level}${organ}`),
    ...(organ === '委' ? [] : [organ]),
  ]);
  return `(?:${organs.join('|')})`;
}

/** "市委、政府督查室" is 市委督查室 and 政府督查室: the office word closes both organs. */
function distributeOfficeSuffix(items: string[]): string[] {
  const organs = organPattern(registryIndex().place);
  const BARE_ORGAN = new RegExp(`^${organs}$`, 'u');
  const ORGAN_OFFICE = new RegExp(`^${organs}(督查室|办公室)$`, 'u');
  return items.map((item, i) => {
    const next = items[i + 1];
    const suffix = next ? ORGAN_OFFICE.exec(next)?.[1] : undefined;
    return suffix && BARE_ORGAN.test(item) ? `${item}${suffix}` : item;
  });
}

/**
 * Split a unit list such as "市工业和信息化局、水务局、吴忠市生态环境局青铜峡分局" into its names.
 * Splits on 、，,；; always, on 和/及/与 only where both sides are names, and between names run
 * together (市发改局财政局) only where every part is a registry name; distributes a leading 市
 * over the names after it, a closing 部门 over bare stems, and 督查室 over bare organs.
 */
export function splitUnitList(text: string): string[] {
  const pieces = normalizeMention(text)
    .split(HARD_SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean)
    .flatMap(closingItems);
  const items = pieces.flatMap((piece) => splitSoft(piece) ?? splitRunTogether(piece) ?? [piece]);
  return distributeOfficeSuffix(distributeCityPrefix(distributeDepartmentSuffix(items)));
}

/** Resolve a unit list: units (collectives expanded, no duplicates), unknown names, generic parties. */
export function resolveUnitList(text: string): UnitListResolution {
  const units: Unit[] = [];
  const unknown: string[] = [];
  const others: string[] = [];
  const add = (unit: Unit) => {
    if (!units.some((u) => u.code === unit.code)) units.push(unit);
  };
  for (const item of splitUnitList(text)) {
    const hit = resolveParty(item);
    if (hit.kind === 'unit') add(hit.unit);
    else if (hit.kind === 'group') hit.units.forEach(add);
    else if (hit.kind === 'generic') others.push(item);
    else unknown.push(item);
  }
  return { units, unknown, others };
}
