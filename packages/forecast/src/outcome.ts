import { addCivilDays, civilDateOf, dayOfWeek, daysBetween, type CivilDate } from '@duban/calendar';
import type { Colour, StepEvent } from '@duban/contracts';
import {
  MILESTONE_SCOPE_PREFIX as MILESTONE_PREFIX,
  SupervisionEvents,
  type StartItem,
} from '@duban/workflow-supervision/client';

/** A fact a simulated workflow published, caught in memory instead of on the bus. */
export interface RecordedEvent {
  workflowId: string;
  event: StepEvent;
}

export interface SimulatedMilestone {
  key: string;
  /** Its date in the simulation (after an extension). */
  date: CivilDate;
  doneOn: CivilDate | null;
  blueFrom: CivilDate | null;
  redFrom: CivilDate | null;
  lateDays: number;
}

export interface SimulatedItem {
  itemId: string;
  ref: string;
  title: string;
  leadUnits: string[];
  cooperatingUnits: string[];
  deadline: CivilDate | null;
  extensionDays: number;
  /** The day the lead asked to close (every milestone and part done). */
  predictedCompletion: CivilDate | null;
  milestones: SimulatedMilestone[];
  /** The first day any part of the item turned that colour (临期 blue, 滞后 yellow, 逾期 red). */
  blueFrom: CivilDate | null;
  yellowFrom: CivilDate | null;
  redFrom: CivilDate | null;
  /** Every colour change the workflow published, in order. */
  colours: { scope: string; from: Colour; to: Colour; on: CivilDate }[];
  /** Units whose own part turned red: the lead units for the item or a milestone, else the sub-task's unit. */
  lateUnits: string[];
  late: boolean;
}

export interface SimulationOutcome {
  items: SimulatedItem[];
  lateItems: string[];
  /** Units with late items, most first. */
  lateUnits: { unit: string; lateItems: string[] }[];
  /** Steps each unit finished per week (the week's Monday). */
  load: { unit: string; week: CivilDate; steps: number }[];
}

const dayOf = (e: StepEvent) => civilDateOf(new Date(e.time));
/** dayOfWeek is ISO: Monday 1 … Sunday 7. */
const mondayOf = (date: CivilDate) => addCivilDays(date, 1 - dayOfWeek(date));

/** What the simulated workflows' own facts say about each item, its units and their weeks. */
export function outcomeOf(
  starts: readonly { item: StartItem; extensionDays: number }[],
  recorded: readonly RecordedEvent[],
): SimulationOutcome {
  const load = new Map<string, number>();
  const count = (unit: string, on: CivilDate) => {
    const key = `${unit} ${mondayOf(on)}`;
    load.set(key, (load.get(key) ?? 0) + 1);
  };
  const items = starts.map(({ item, extensionDays }): SimulatedItem => {
    const events = recorded
      .map((r) => r.event)
      .filter((e) => (e.data as { item?: { itemId?: string } }).item?.itemId === item.itemId)
      .sort((a, b) => a.version - b.version);
    const colours = events
      .filter((e) => e.type === SupervisionEvents.ColourChanged.type)
      .map((e) => {
        const d = e.data as { scope: string; from: Colour; to: Colour };
        return { scope: d.scope, from: d.from, to: d.to, on: dayOf(e) };
      });
    const firstDay = (colour: Colour, scope?: string) =>
      colours.find((c) => c.to === colour && (scope === undefined || c.scope === scope))?.on ?? null;
    const completed = new Map<string, CivilDate>();
    let predictedCompletion: CivilDate | null = null;
    for (const e of events) {
      const unit = (e.data as { unitCode?: string }).unitCode;
      if (e.type === SupervisionEvents.MilestoneCompleted.type) {
        completed.set((e.data as { milestone: string }).milestone, dayOf(e));
        if (unit) count(unit, dayOf(e));
      } else if (e.type === SupervisionEvents.ProgressReported.type && e.step === 'subtask-done') {
        if (unit) count(unit, dayOf(e));
      } else if (e.type === SupervisionEvents.CloseRequested.type) {
        predictedCompletion = dayOf(e);
        if (!item.milestones?.length) for (const lead of item.leadUnits) count(lead, dayOf(e));
      }
    }
    const milestones = (item.milestones ?? []).map((m): SimulatedMilestone => {
      const doneOn = completed.get(m.key) ?? null;
      return {
        key: m.key,
        date: m.date,
        doneOn,
        blueFrom: firstDay('blue', `${MILESTONE_PREFIX}${m.key}`),
        redFrom: firstDay('red', `${MILESTONE_PREFIX}${m.key}`),
        lateDays: doneOn ? Math.max(0, daysBetween(m.date, doneOn)) : 0,
      };
    });
    const redScopes = new Set(colours.filter((c) => c.to === 'red').map((c) => c.scope));
    const lateUnits = [
      ...new Set(
        [...redScopes].flatMap((scope) =>
          scope === 'item' || scope.startsWith(MILESTONE_PREFIX) ? item.leadUnits : [scope],
        ),
      ),
    ];
    return {
      itemId: item.itemId,
      ref: item.ref,
      title: item.title,
      leadUnits: [...item.leadUnits],
      cooperatingUnits: [...(item.cooperatingUnits ?? [])],
      deadline: item.deadline,
      extensionDays,
      predictedCompletion,
      milestones,
      blueFrom: firstDay('blue'),
      yellowFrom: firstDay('yellow'),
      redFrom: firstDay('red'),
      colours,
      lateUnits,
      late: redScopes.size > 0,
    };
  });
  const lateByUnit = new Map<string, string[]>();
  for (const item of items) {
    for (const unit of item.lateUnits) lateByUnit.set(unit, [...(lateByUnit.get(unit) ?? []), item.itemId]);
  }
  return {
    items,
    lateItems: items.filter((i) => i.late).map((i) => i.itemId),
    lateUnits: [...lateByUnit]
      .map(([unit, lateItems]) => ({ unit, lateItems }))
      .sort((a, b) => b.lateItems.length - a.lateItems.length || a.unit.localeCompare(b.unit)),
    load: [...load]
      .map(([key, steps]) => {
        const [unit = '', week = ''] = key.split(' ');
        return { unit, week, steps };
      })
      .sort((a, b) => a.week.localeCompare(b.week) || a.unit.localeCompare(b.unit)),
  };
}
