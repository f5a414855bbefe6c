import {
  addCivilDays,
  addWorkingDays,
  dayOfWeek,
  DEFAULT_WARNING_WINDOW_DAYS,
  warningWindowStart,
  type CivilDate,
} from '@duban/calendar';

/** One item of a document as the forecast sees it: its units and its dated milestones in order. */
export interface ForecastItem {
  itemId: string;
  ref: string;
  title: string;
  leadUnits: string[];
  /** In date order; an item with one date has one. */
  milestones: { key: string; date: CivilDate }[];
}

/** Working days a unit takes per milestone step; `perUnit` overrides `defaultDays`. */
export interface StepDurations {
  defaultDays: number;
  perUnit?: Record<string, number>;
}

/** The what-if knobs: one unit N working days slower (negative: faster) per step; extensions granted. */
export interface WhatIf {
  slower?: { unit: string; days: number };
  /** Calendar days added to every milestone of an item (an extension granted). */
  extensions?: Record<string, number>;
}

export interface ForecastOptions {
  startOn: CivilDate;
  durations: StepDurations;
  whatIf?: WhatIf;
  warningWindowDays?: number;
}

export interface MilestoneForecast {
  key: string;
  date: CivilDate;
  /** The day its step would be done. */
  doneOn: CivilDate;
  /** Blue (临期) from this day when not done by then; red (逾期) from `redFrom` when late. */
  blueFrom: CivilDate | null;
  redFrom: CivilDate | null;
  lateDays: number;
}

export interface ItemForecast {
  itemId: string;
  ref: string;
  title: string;
  units: string[];
  milestones: MilestoneForecast[];
  late: boolean;
}

export interface Forecast {
  startOn: CivilDate;
  items: ItemForecast[];
  lateItems: string[];
  /** Units leading an item with a late milestone, most late milestones first. */
  lateUnits: { unit: string; lateMilestones: number }[];
  /** Steps each unit finishes per week (the week's Monday). */
  load: { unit: string; week: CivilDate; steps: number }[];
}

const daysBetween = (from: CivilDate, to: CivilDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** dayOfWeek is ISO: Monday 1 … Sunday 7. */
const mondayOf = (date: CivilDate) => addCivilDays(date, 1 - dayOfWeek(date));

/**
 * When each milestone of each item would be done if its lead units work its steps one after the
 * other from `startOn`, each step taking the slowest lead unit's working days; which milestones
 * would then turn blue and red, and when. Pure: the API and the unit tests call it alike.
 */
export function forecastDocument(items: readonly ForecastItem[], options: ForecastOptions): Forecast {
  const window = options.warningWindowDays ?? DEFAULT_WARNING_WINDOW_DAYS;
  const stepDays = (unit: string) => {
    const base = options.durations.perUnit?.[unit] ?? options.durations.defaultDays;
    const slower = options.whatIf?.slower?.unit === unit ? options.whatIf.slower.days : 0;
    return Math.max(1, base + slower);
  };
  const forecasts = items.map((item): ItemForecast => {
    const days = Math.max(
      ...(item.leadUnits.length ? item.leadUnits.map(stepDays) : [options.durations.defaultDays]),
    );
    const extension = options.whatIf?.extensions?.[item.itemId] ?? 0;
    let doneOn = options.startOn;
    const milestones = item.milestones.map((m): MilestoneForecast => {
      doneOn = addWorkingDays(doneOn, days);
      const date = addCivilDays(m.date, extension);
      const lateDays = Math.max(0, daysBetween(date, doneOn));
      const blue = warningWindowStart(date, window);
      return {
        key: m.key,
        date,
        doneOn,
        blueFrom: doneOn >= blue ? blue : null,
        redFrom: lateDays > 0 ? addCivilDays(date, 1) : null,
        lateDays,
      };
    });
    return {
      itemId: item.itemId,
      ref: item.ref,
      title: item.title,
      units: item.leadUnits,
      milestones,
      late: milestones.some((m) => m.lateDays > 0),
    };
  });

  const lateByUnit = new Map<string, number>();
  const load = new Map<string, number>();
  for (const f of forecasts) {
    for (const unit of f.units) {
      const late = f.milestones.filter((m) => m.lateDays > 0).length;
      if (late) lateByUnit.set(unit, (lateByUnit.get(unit) ?? 0) + late);
      for (const m of f.milestones) {
        const key = `${unit} ${mondayOf(m.doneOn)}`;
        load.set(key, (load.get(key) ?? 0) + 1);
      }
    }
  }
  return {
    startOn: options.startOn,
    items: forecasts,
    lateItems: forecasts.filter((f) => f.late).map((f) => f.itemId),
    lateUnits: [...lateByUnit]
      .map(([unit, lateMilestones]) => ({ unit, lateMilestones }))
      .sort((a, b) => b.lateMilestones - a.lateMilestones || a.unit.localeCompare(b.unit)),
    load: [...load]
      .map(([key, steps]) => {
        const [unit = '', week = ''] = key.split(' ');
        return { unit, week, steps };
      })
      .sort((a, b) => a.week.localeCompare(b.week) || a.unit.localeCompare(b.unit)),
  };
}
