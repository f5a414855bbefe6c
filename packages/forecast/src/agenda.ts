import {
  addCivilDays,
  addWorkingDays,
  reportDueDatesBetween,
  type CivilDate,
  type ReportingSchedule,
} from '@duban/calendar';
import type { ActionName, StartItem } from '@duban/workflow-supervision/client';
import { extensionDaysOf, stepDaysOf, type StepDurations, type WhatIf } from './durations';

/**
 * An open item as the simulation starts it: a fresh workflow of its open part (its open
 * milestones, its unfinished sub-tasks), assigned on the first day like a new notice.
 */
export interface SimulatedStart {
  item: StartItem;
}

/** One Update the simulated units (or 督查室) send on a day. */
export interface AgendaAction {
  on: CivilDate;
  itemId: string;
  action: ActionName;
  role: 'bureau' | 'inspector';
  unit?: string;
  body: Record<string, unknown>;
}

// On one day: signing before reports, a cooperating unit's part before the lead's milestone, the
// lead's close request after both, 督查室's 销号 last.
const ORDER: Partial<Record<ActionName, number>> = {
  sign: 0,
  progress: 1,
  'complete-milestone': 3,
  'request-close': 4,
  close: 5,
};
const orderOf = (a: AgendaAction) =>
  a.action === 'request-close' && a.role === 'bureau' && a.body.subtask ? 2 : (ORDER[a.action] ?? 9);

/**
 * The item as the simulation starts it: every open date moved by the extensions the what-if
 * grants (the key of a milestone stays the notice's date, as an extension leaves it in the product).
 */
export function extendedStart(item: StartItem, whatIf: WhatIf | undefined): StartItem {
  const days = extensionDaysOf(whatIf, item.itemId, item.leadUnits);
  if (days === 0) return item;
  const move = (d: CivilDate) => addCivilDays(d, days);
  return {
    ...item,
    deadline: item.deadline ? move(item.deadline) : null,
    subTaskDeadlines: Object.fromEntries(
      Object.entries(item.subTaskDeadlines ?? {}).map(([unit, d]) => [unit, move(d)]),
    ),
    ...(item.milestones ? { milestones: item.milestones.map((m) => ({ ...m, date: move(m.date) })) } : {}),
  };
}

/**
 * What each unit does and when, from `startOn`: the lead signs at once and works its milestones
 * one after the other, each taking its step's working days (the slowest lead unit's, when several
 * lead); it reports progress on every report day on the way; each cooperating unit signs at once
 * and finishes its part after its own days; the lead asks to close once its last milestone and
 * every part are done, and 督查室 closes the same day. The Updates are the product's own actions.
 */
export function agendaOf(
  starts: readonly SimulatedStart[],
  startOn: CivilDate,
  durations: StepDurations,
  whatIf?: WhatIf,
): AgendaAction[] {
  const actions: AgendaAction[] = [];
  for (const { item } of starts) {
    const lead = item.leadUnits[0]!;
    const bureau = (on: CivilDate, action: ActionName, unit: string, body: Record<string, unknown>) =>
      actions.push({ on, itemId: item.itemId, action, role: 'bureau', unit, body });
    bureau(startOn, 'sign', lead, {});
    const stepDays = Math.max(...item.leadUnits.map((u) => stepDaysOf(durations, u, 'step', whatIf)));
    let leadDone = startOn;
    const milestones = item.milestones ?? [];
    if (milestones.length === 0) leadDone = addWorkingDays(startOn, stepDays);
    for (const m of milestones) {
      leadDone = addWorkingDays(leadDone, stepDays);
      bureau(leadDone, 'complete-milestone', lead, { milestone: m.key, note: '预测：模拟完成' });
    }
    let partsDone = startOn;
    for (const unit of item.cooperatingUnits ?? []) {
      if (item.leadUnits.includes(unit)) continue;
      const done = addWorkingDays(startOn, stepDaysOf(durations, unit, 'subtask', whatIf));
      bureau(startOn, 'sign', unit, {});
      bureau(done, 'request-close', unit, { summary: '预测：模拟完成配合任务', subtask: true });
      if (done > partsDone) partsDone = done;
    }
    const closeOn = leadDone > partsDone ? leadDone : partsDone;
    const reporting = (item.reporting ?? { kind: 'none' }) as ReportingSchedule;
    if (reporting.kind !== 'none') {
      for (const due of reportDueDatesBetween(reporting, startOn, closeOn)) {
        if (due < closeOn) bureau(due, 'progress', lead, { text: '预测：按期报送进展' });
      }
    }
    bureau(closeOn, 'request-close', lead, { summary: '预测：模拟办结' });
    actions.push({
      on: closeOn,
      itemId: item.itemId,
      action: 'close',
      role: 'inspector',
      body: { opinion: '预测：模拟销号' },
    });
  }
  return actions.sort((a, b) => a.on.localeCompare(b.on) || orderOf(a) - orderOf(b));
}

/** The body the Update carries (the agenda's own marks taken off). */
export function bodyOf(action: AgendaAction): Record<string, unknown> {
  const { subtask: _mark, ...body } = action.body;
  return body;
}
