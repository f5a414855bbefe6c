// Node-side entry of @duban/units: the office's additions in MongoDB and a city's own list of units
// read from a file. The parser side (`@duban/units`) stays free of I/O.
export {
  addUnitAlias,
  createUnit,
  ensureUnitRegistryIndexes,
  listUnitAdditions,
  loadUnitRegistry,
  removeUnitAlias,
  UNIT_ADDITIONS,
  UNIT_CHANGES,
  UnitChangeRefused,
} from './additions';
export type { Attribution, UnitAdditionDoc, UnitChangeDoc } from './additions';
export { baseUnitRegistry, readUnitsFile } from './file';
