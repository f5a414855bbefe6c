import { addCivilDays, isWorkingDay, type CivilDate } from '@duban/calendar';

/**
 * A unit's kinds of step in a simulation: `step` is the lead's work up to a milestone (or to the
 * close request of an item of one date), `subtask` a cooperating unit's part from its assignment.
 */
export type StepKind = 'step' | 'subtask';
export const STEP_KINDS: readonly StepKind[] = ['step', 'subtask'];

/** Where a unit's duration came from: measured on closed items, or the policy's default. */
export type DurationSource = 'measured' | 'default';

export interface UnitDuration {
  unit: string;
  kind: StepKind;
  /** Working days. */
  days: number;
  source: DurationSource;
  /** Closed items the median was measured on (0 for the default). */
  samples: number;
}

/** Working days per step: `measured` medians per unit and kind, else `defaultDays`. */
export interface StepDurations {
  defaultDays: number;
  measured?: readonly UnitDuration[];
}

/**
 * Fewer closed steps than this and a median says little (one quick or one slow item would be the
 * whole of it): the unit keeps the default. Our choice, not the gazette's: a forecast is advice.
 */
export const MIN_MEASURED_STEPS = 3;

/** The what-if knobs: units N working days slower per step (negative: faster); extensions granted. */
export interface WhatIf {
  slower?: { unit: string; days: number }[];
  /**
   * Calendar days added to every open date of an item (`itemId`), or of every item a unit leads
   * (`unit`): an extension granted before the work starts.
   */
  extensions?: { itemId?: string; unit?: string; days: number }[];
}

/** The working days a unit takes for a step of `kind`, after the what-if (at least one). */
export function stepDaysOf(durations: StepDurations, unit: string, kind: StepKind, whatIf?: WhatIf): number {
  const measured = durations.measured?.find((d) => d.unit === unit && d.kind === kind);
  const base = measured?.days ?? durations.defaultDays;
  const slower = (whatIf?.slower ?? []).filter((s) => s.unit === unit).reduce((n, s) => n + s.days, 0);
  return Math.max(1, base + slower);
}

/** Calendar days an item's dates move: its own extensions and those of the units leading it. */
export function extensionDaysOf(
  whatIf: WhatIf | undefined,
  itemId: string,
  leadUnits: readonly string[],
): number {
  return (whatIf?.extensions ?? [])
    .filter((e) => e.itemId === itemId || (e.unit !== undefined && leadUnits.includes(e.unit)))
    .reduce((n, e) => n + e.days, 0);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: CivilDate, to: CivilDate): number {
  let n = 0;
  for (let d = addCivilDays(from, 1); d <= to; d = addCivilDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/** The middle sample (the lower of the two middle ones for an even count, in whole days). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
