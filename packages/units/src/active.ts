import { UnitRegistry } from './build';
import { GROUP_ENTRIES, UNIT_ENTRIES } from './catalog';

/** The built-in catalog's city (青铜峡市 documents write 市, 青铜峡市 or nothing before a name). */
export const DEFAULT_CITY_NAME = '青铜峡市';

let builtIn: UnitRegistry | undefined;

/** The built-in Qingtongxia catalog: what every function uses outside `withUnitRegistry`. */
export function defaultUnitRegistry(): UnitRegistry {
  builtIn ??= new UnitRegistry({ cityName: DEFAULT_CITY_NAME, units: UNIT_ENTRIES, groups: GROUP_ENTRIES });
  return builtIn;
}

let active: UnitRegistry | undefined;

/** The registry the resolver functions read now. */
export function activeRegistry(): UnitRegistry {
  return active ?? defaultUnitRegistry();
}

/**
 * Runs `fn` with every exported function of @duban/units (resolveUnit, resolveUnitList,
 * findUnitMentions, allUnits …) reading `registry`, and restores the previous one afterwards, also
 * when `fn` throws. Calls nest. `fn` must be synchronous: the registry is set for this call only,
 * so work after an `await` would read the previous one; a function returning a promise is refused.
 */
export function withUnitRegistry<T>(registry: UnitRegistry, fn: () => T): T {
  const previous = active;
  active = registry;
  let result: T;
  try {
    result = fn();
  } finally {
    active = previous;
  }
  if (result instanceof Promise) {
    result.catch(() => undefined);
    throw new TypeError('withUnitRegistry takes a synchronous function (the parse); await outside it');
  }
  return result;
}
