export {
  OUTSIDE_UNIT_KINDS,
  UNIT_KINDS,
  UnitKindSchema,
  UnitRefSchema,
  UnitSchema,
  isOutsideKind,
} from './types';
export type {
  PartyResolution,
  Unit,
  UnitKind,
  UnitListResolution,
  UnitMention,
  UnitRef,
  UnitResolution,
} from './types';
export { TOWN_CODES } from './catalog';
export type { GroupEntry, UnitEntry } from './catalog';
export { createUnitRegistry, UnitRegistry, UnitRegistryError } from './build';
export type { UnitAlias, UnitRegistryData } from './build';
export { activeRegistry, DEFAULT_CITY_NAME, defaultUnitRegistry, withUnitRegistry } from './active';
export {
  UnitCodeFormat,
  UnitEntrySchema,
  UnitsFileError,
  unitsFileData,
  unitsFileRegistry,
  unitsFromRows,
} from './file';
export { normalizeMention, toHalfWidth } from './normalize';
export { allUnits, isGenericParty, resolveParty, resolveUnit, unitByCode } from './registry';
export { resolveUnitList, splitRunTogether, splitUnitList } from './split';
export { findUnitMentions, readUnitListPrefix } from './scan';
export type { UnitListPrefix } from './scan';
