import type { GroupEntry, UnitEntry } from './catalog';
import { normalizeMention } from './normalize';
import { cityPlace, type CityPlace } from './place';
import type { Unit } from './types';

/** A name the office mapped to an existing unit (an import found it and nobody knew it). */
export interface UnitAlias {
  code: string;
  alias: string;
}

/**
 * What a registry is built from: the city, its units and collectives, and the names the office
 * mapped since. The built-in catalog is one such value (`defaultUnitRegistry`); a city's own list
 * replaces it (`DUBAN_UNITS_FILE`); the office's additions extend either (`UnitRegistry.extend`).
 */
export interface UnitRegistryData {
  /** The city's own name as its documents write it: 青铜峡市, 永宁县, 金凤区. */
  cityName: string;
  /** The level words that stand for the city before a name (default: the last character of cityName). */
  levelPrefixes?: readonly string[];
  units: readonly UnitEntry[];
  groups?: readonly GroupEntry[];
  aliases?: readonly UnitAlias[];
}

/** Why data cannot make a registry: a name claimed twice, or a code nobody defines. */
export class UnitRegistryError extends Error {
  override readonly name = 'UnitRegistryError';
  constructor(
    message: string,
    readonly reason: 'conflict' | 'unknown-code' | 'duplicate-code',
    /** The name or code concerned, and the codes that claim it. */
    readonly key: string,
    readonly codes: readonly string[] = [],
  ) {
    super(message);
  }
}

export type Target = { type: 'unit'; unit: Unit } | { type: 'group'; group: GroupEntry; units: Unit[] };

export interface RegistryIndex {
  place: CityPlace;
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

function toUnit(entry: UnitEntry, extraAliases: readonly string[]): Unit {
  const stemForms = (entry.stems ?? []).map((s) => `${s}部门`);
  const aliases = [...new Set([...entry.aliases, ...(entry.listOnly ?? []), ...stemForms, ...extraAliases])];
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

const codeOf = (target: Target) => (target.type === 'unit' ? target.unit.code : target.group.code);

function buildIndex(data: UnitRegistryData): RegistryIndex {
  const place = cityPlace(data.cityName, data.levelPrefixes);
  const codes = new Set<string>();
  for (const entry of data.units) {
    if (codes.has(entry.code)) {
      throw new UnitRegistryError(`unit code "${entry.code}" defined twice`, 'duplicate-code', entry.code);
    }
    codes.add(entry.code);
  }
  for (const entry of data.units) {
    if (entry.parent && !codes.has(entry.parent)) {
      throw new UnitRegistryError(
        `unit ${entry.code} names unknown parent ${entry.parent}`,
        'unknown-code',
        entry.parent,
      );
    }
  }
  const mapped = new Map<string, string[]>();
  for (const { code, alias } of data.aliases ?? []) {
    if (!codes.has(code)) {
      throw new UnitRegistryError(`alias "${alias}" names unknown unit ${code}`, 'unknown-code', code);
    }
    mapped.set(code, [...(mapped.get(code) ?? []), alias]);
  }
  const units = data.units.map((entry) => toUnit(entry, mapped.get(entry.code) ?? []));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const lookup = new Map<string, Target>();
  const scan = new Map<string, Unit>();
  const stems = new Map<string, Unit>();

  // A key claimed by two units is a registry mistake; fail loudly at load rather than resolve wrongly.
  const claim = (key: string, target: Target) => {
    const k = normalizeMention(key);
    const existing = lookup.get(k);
    if (existing) {
      if (codeOf(existing) !== codeOf(target)) {
        const codes = [codeOf(existing), codeOf(target)];
        throw new UnitRegistryError(
          `unit alias "${k}" claimed by ${codes.join(' and ')}`,
          'conflict',
          k,
          codes,
        );
      }
      return;
    }
    lookup.set(k, target);
  };

  data.units.forEach((entry, i) => {
    const unit = units[i] as Unit;
    const target: Target = { type: 'unit', unit };
    for (const key of [entry.name, entry.shortName, ...unit.aliases]) claim(key, target);
    const stemForms = (entry.stems ?? []).map((s) => `${s}部门`);
    for (const key of [entry.name, ...entry.aliases, ...stemForms, ...(mapped.get(entry.code) ?? [])]) {
      scan.set(normalizeMention(key), unit);
    }
    for (const stem of entry.stems ?? []) {
      const holder = stems.get(stem);
      if (holder) {
        const codes = [holder.code, unit.code];
        throw new UnitRegistryError(
          `unit stem "${stem}" claimed by ${codes.join(' and ')}`,
          'conflict',
          stem,
          codes,
        );
      }
      stems.set(stem, unit);
    }
  });

  for (const group of data.groups ?? []) {
    const members = group.members.map((code) => {
      const unit = byCode.get(code);
      if (!unit)
        throw new UnitRegistryError(`group ${group.code} names unknown member ${code}`, 'unknown-code', code);
      return unit;
    });
    for (const key of [group.name, ...group.aliases]) claim(key, { type: 'group', group, units: members });
  }

  const maxKeyLength = Math.max(0, ...[...lookup.keys()].map((k) => k.length));
  return { place, units, byCode, lookup, scan, stems, maxKeyLength };
}

/** The units of one deployment, indexed for lookup. Immutable: `extend` makes a new one. */
export class UnitRegistry {
  /** Built on first use, so that a registry nobody reads costs nothing. */
  #index: RegistryIndex | undefined;

  constructor(readonly data: UnitRegistryData) {}

  get index(): RegistryIndex {
    this.#index ??= buildIndex(this.data);
    return this.#index;
  }

  get cityName(): string {
    return this.data.cityName;
  }

  /** This registry plus the office's new units and mapped names; throws UnitRegistryError on a clash. */
  extend(additions: { units?: readonly UnitEntry[]; aliases?: readonly UnitAlias[] }): UnitRegistry {
    return createUnitRegistry({
      ...this.data,
      units: [...this.data.units, ...(additions.units ?? [])],
      aliases: [...(this.data.aliases ?? []), ...(additions.aliases ?? [])],
    });
  }
}

/** Builds and checks a registry at once: a name claimed by two units throws UnitRegistryError. */
export function createUnitRegistry(data: UnitRegistryData): UnitRegistry {
  const registry = new UnitRegistry(data);
  void registry.index;
  return registry;
}
