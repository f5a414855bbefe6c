import { GROUP_ENTRIES, UNIT_ENTRIES } from './catalog';
import type { GroupEntry, UnitEntry } from './catalog';
import { lookupKeys, normalizeMention, stripTrailingEtc } from './normalize';
import type { PartyResolution, Unit, UnitResolution } from './types';

type Target = { type: 'unit'; unit: Unit } | { type: 'group'; group: GroupEntry; units: Unit[] };

interface Index {
  units: Unit[];
  byCode: Map<string, Unit>;
  /** Every key a list item may be looked up by (aliases, list-only aliases, stem+部门, groups). */
  lookup: Map<string, Target>;
  /** The aliases that count as a mention in running text. */
  scan: Map<string, Unit>;
  /** Domain stems (自然资源, 住建 …): a unit only when the list they stand in ends in 部门. */
  stems: Map<string, Unit>;
  maxKeyLength: number;
}

function toUnit(entry: UnitEntry): Unit {
  const stemForms = (entry.stems ?? []).map((s) => `${s}部门`);
  const aliases = [...new Set([...entry.aliases, ...(entry.listOnly ?? []), ...stemForms])];
  const unit: Unit = {
    code: entry.code,
    name: entry.name,
    shortName: entry.shortName,
    kind: entry.kind,
    aliases,
  };
  if (entry.parent) unit.parent = entry.parent;
  return unit;
}

function buildIndex(): Index {
  const units = UNIT_ENTRIES.map(toUnit);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const lookup = new Map<string, Target>();
  const scan = new Map<string, Unit>();
  const stems = new Map<string, Unit>();

  // A key claimed by two units is a catalog mistake; fail loudly at load rather than resolve wrongly.
  const claim = (key: string, target: Target) => {
    const k = normalizeMention(key);
    const existing = lookup.get(k);
    const code = target.type === 'unit' ? target.unit.code : target.group.code;
    if (existing) {
      const existingCode = existing.type === 'unit' ? existing.unit.code : existing.group.code;
      if (existingCode !== code) throw new Error(`unit alias "${k}" claimed by ${existingCode} and ${code}`);
      return;
    }
    lookup.set(k, target);
  };

  UNIT_ENTRIES.forEach((entry, i) => {
    const unit = units[i] as Unit;
    const target: Target = { type: 'unit', unit };
    for (const key of [entry.name, entry.shortName, ...unit.aliases]) claim(key, target);
    for (const key of [entry.name, ...entry.aliases, ...(entry.stems ?? []).map((s) => `${s}部门`)]) {
      scan.set(normalizeMention(key), unit);
    }
    for (const stem of entry.stems ?? []) {
      if (stems.has(stem)) throw new Error(`unit stem "${stem}" claimed twice`);
      stems.set(stem, unit);
    }
  });

  for (const group of GROUP_ENTRIES) {
    const members = group.members.map((code) => {
      const unit = byCode.get(code);
      if (!unit) throw new Error(`group ${group.code} names unknown member ${code}`);
      return unit;
    });
    for (const key of [group.name, ...group.aliases]) claim(key, { type: 'group', group, units: members });
  }

  const maxKeyLength = Math.max(...[...lookup.keys()].map((k) => k.length));
  return { units, byCode, lookup, scan, stems, maxKeyLength };
}

let cached: Index | undefined;
/** Built on first use; the catalog is static. */
export function registryIndex(): Index {
  cached ??= buildIndex();
  return cached;
}

export function allUnits(): readonly Unit[] {
  return registryIndex().units;
}

export function unitByCode(code: string): Unit | undefined {
  return registryIndex().byCode.get(code);
}

function lookupTarget(key: string): Target | undefined {
  const { lookup } = registryIndex();
  for (const k of lookupKeys(key)) {
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

/** Resolve a single unit mention (aliases, 市/青铜峡市 prefix, full-width forms, trailing 等). */
export function resolveUnit(mention: string): UnitResolution {
  const hit = resolveParty(mention);
  if (hit.kind === 'unit') return { ok: true, unit: hit.unit };
  return { ok: false, reason: 'unknown-unit', mention };
}
