import { unitByCode } from '@duban/units';

const TOWN_KINDS = new Set(['town', 'farm', 'street']);

/** The town's short name (小坝镇), or null when the code is not a town, farm or street office. */
export function townName(code: string): string | null {
  const unit = unitByCode(code);
  return unit && TOWN_KINDS.has(unit.kind) ? unit.shortName : null;
}
