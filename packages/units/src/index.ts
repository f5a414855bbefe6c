export { UNIT_KINDS, UnitKindSchema, UnitRefSchema, UnitSchema } from './types';
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
export { normalizeMention, toHalfWidth } from './normalize';
export { allUnits, isGenericParty, resolveParty, resolveUnit, unitByCode } from './registry';
export { resolveUnitList, splitUnitList } from './split';
export { findUnitMentions, readUnitListPrefix } from './scan';
export type { UnitListPrefix } from './scan';
