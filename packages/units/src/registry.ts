import { activeRegistry } from './active';
import type { RegistryIndex, Target } from './build';
import { lookupKeys, normalizeMention, stripTrailingEtc } from './normalize';
import type { PartyResolution, Unit, UnitResolution } from './types';

/** The active registry's index (the built-in catalog unless inside `withUnitRegistry`). */
export function registryIndex(): RegistryIndex {
  return activeRegistry().index;
}

export function allUnits(): readonly Unit[] {
  return registryIndex().units;
}

export function unitByCode(code: string): Unit | undefined {
  return registryIndex().byCode.get(code);
}

function lookupTarget(key: string): Target | undefined {
  const { lookup, place } = registryIndex();
  for (const k of lookupKeys(key, place)) {
    const hit = lookup.get(k);
    if (hit) return hit;
  }
  return undefined;
}

/** Generic parties name no particular unit: 各项目单位, 各相关部门, 基本建设项目各成员单位, 其委员. */
const GENERIC_PARTY = [
  /^(?:基本建设项目)?(?:各|其他|相关|有关|全体|所有|其)/u,
  /^(?:项目|承接|责任|经营)(?:单位|主体)$/u,
];

export function isGenericParty(mention: string): boolean {
  const key = normalizeMention(mention);
  return key.length > 0 && GENERIC_PARTY.some((re) => re.test(key));
}

/** Resolve one list item to a unit, a collective, a generic party, or report it unknown. */
export function resolveParty(mention: string): PartyResolution {
  const key = normalizeMention(mention);
  if (key) {
    for (const k of [key, ...stripTrailingEtc(key)]) {
      const hit = lookupTarget(k);
      if (hit?.type === 'unit') return { kind: 'unit', mention, unit: hit.unit };
      if (hit?.type === 'group') return { kind: 'group', mention, group: hit.group.code, units: hit.units };
    }
    if (isGenericParty(key)) return { kind: 'generic', mention };
  }
  return { kind: 'unknown', mention };
}

/** Resolve a single unit mention (aliases, the city's prefixes 市/青铜峡市, full-width forms, trailing 等). */
export function resolveUnit(mention: string): UnitResolution {
  const hit = resolveParty(mention);
  if (hit.kind === 'unit') return { ok: true, unit: hit.unit };
  return { ok: false, reason: 'unknown-unit', mention };
}
