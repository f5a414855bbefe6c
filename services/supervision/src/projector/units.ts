import { unitByCode } from '@duban/units';

/** The short name a console shows (教育局), or the code itself for a unit the registry lacks. */
export function unitName(code: string): string {
  return unitByCode(code)?.shortName ?? code;
}

export function unitNames(codes: readonly string[]): string {
  return codes.map(unitName).join('、');
}

/** One line for a timeline entry: whitespace collapsed, long text cut with an ellipsis. */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
