// The supervision item's rules as pure functions over its state: the workflow calls them, and
// unit tests check them without a server. No I/O, no clock: `now` is always passed in.
import {
  addCivilDays,
  civilDateOf,
  colourFor,
  endOfCivilDay,
  nextColourChangeAt,
  nextReportDue,
  reportDueDatesBetween,
  type ReportingSchedule,
} from '@duban/calendar';
import type { Colour, EventType, StepEvent } from '@duban/contracts';
import type { ItemSnapshot, MilestoneSnapshot, StartItem, SubTaskSnapshot } from './contracts/index';
import { StartItemSchema, milestoneScope } from './contracts/index';

export type ItemSettings = ReturnType<typeof StartItemSchema.parse>;

/** Everything the workflow carries, also across continue-as-new. */
export interface ItemState {
  settings: ItemSettings;
  item: ItemSnapshot;
  /** Set while a close request or review stops the bureau's clock. */
  clockStoppedAt: string | null;
  /** The red episode already escalated to the leadership group. */
  escalatedRedSince: string | null;
}

/** An event decided by the rules, waiting to be published by an activity (in order). */
export type PendingEvent<T extends EventType = EventType> = StepEvent<T>;

const severity: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };

export function worstColour(colours: Colour[]): Colour {
  return colours.reduce<Colour>((worst, c) => (severity[c] > severity[worst] ? c : worst), 'none');
}

export function newItemState(input: StartItem, now: number): ItemState {
  const settings = StartItemSchema.parse(input);
  const at = new Date(now).toISOString();
  const subTasks: SubTaskSnapshot[] = settings.cooperatingUnits
    .filter((u) => !settings.leadUnits.includes(u))
    .map((unitCode) => ({
      unitCode,
      state: 'assigned',
      deadline: settings.subTaskDeadlines[unitCode] ?? settings.deadline,
      colour: 'green',
      lastProgressAt: null,
    }));
  const item: ItemSnapshot = {
    itemId: settings.itemId,
    docNo: settings.docNo,
    ref: settings.ref,
    title: settings.title,
    leadUnits: settings.leadUnits,
    cooperatingUnits: subTasks.map((s) => s.unitCode),
    state: 'assigned',
    colour: 'green',
    overallColour: 'green',
    deadline: settings.deadline,
    originalDeadline: settings.deadline,
    deadlineHistory: [],
    reporting: settings.reporting,
    nextReportDue: null,
    reportMissing: false,
    lastProgressAt: null,
    pendingExtension: null,
    subTasks,
    ...(settings.milestones?.length
      ? {
          milestones: settings.milestones.map((m): MilestoneSnapshot => ({
            ...m,
            colour: 'green',
            redSince: null,
            doneAt: null,
          })),
        }
      : {}),
    redSince: null,
    createdAt: at,
    closedAt: null,
    version: 0,
  };
  const state: ItemState = { settings, item, clockStoppedAt: null, escalatedRedSince: null };
  refreshColours(state, now);
  return state;
}

/** Recomputes the ladder at `now`; returns what changed as (scope, from, to, reason). */
export function refreshColours(
  state: ItemState,
  now: number,
): { scope: string; from: Colour; to: Colour; reason: string }[] {
  const { item, settings } = state;
  const changes: { scope: string; from: Colour; to: Colour; reason: string }[] = [];
  const judgedAt = state.clockStoppedAt ? Math.min(now, Date.parse(state.clockStoppedAt)) : now;

  const reporting = reportStatus(item, now);
  item.reportMissing = reporting.missing;
  item.nextReportDue = reporting.nextDue;

  const lead: Colour =
    item.state === 'closed'
      ? 'none'
      : item.deadline === null
        ? reporting.missing
          ? 'yellow'
          : 'green'
        : colourFor({
            now: judgedAt,
            deadline: item.deadline,
            warningWindowDays: settings.warningWindowDays,
            reportMissing: reporting.missing,
          });
  if (lead !== item.colour) {
    changes.push({ scope: 'item', from: item.colour, to: lead, reason: reasonFor(lead, reporting.missing) });
    item.colour = lead;
  }

  for (const sub of item.subTasks) {
    const colour: Colour =
      sub.state === 'done' || item.state === 'closed'
        ? 'none'
        : sub.deadline === null
          ? 'green'
          : colourFor({
              now: judgedAt,
              deadline: sub.deadline,
              warningWindowDays: settings.warningWindowDays,
              reportMissing: false,
            });
    if (colour !== sub.colour) {
      changes.push({ scope: sub.unitCode, from: sub.colour, to: colour, reason: reasonFor(colour, false) });
      sub.colour = colour;
    }
  }

  for (const milestone of item.milestones ?? []) {
    const colour = milestoneColour(state, milestone, judgedAt);
    if (colour !== milestone.colour) {
      const scope = milestoneScope(milestone.key);
      changes.push({ scope, from: milestone.colour, to: colour, reason: reasonFor(colour, false) });
      milestone.colour = colour;
    }
    if (colour === 'red' && milestone.redSince === null) milestone.redSince = redFrom(milestone.date);
    if (colour !== 'red' && colour !== 'none') milestone.redSince = null;
  }

  const overall =
    item.state === 'closed'
      ? 'none'
      : worstColour([
          lead,
          ...(item.milestones ?? []).map((m) => m.colour),
          ...item.subTasks.map((s) => s.colour),
        ]);
  item.overallColour = overall;
  if (overall === 'red' && item.redSince === null) item.redSince = redSinceOf(state, now);
  if (overall !== 'red') {
    item.redSince = null;
    state.escalatedRedSince = null;
  }
  return changes;
}

/** A milestone's own ladder: the item's colour rules on its date; done (or the item closed): none. */
function milestoneColour(state: ItemState, milestone: MilestoneSnapshot, judgedAt: number): Colour {
  if (milestone.doneAt !== null || state.item.state === 'closed') return 'none';
  return colourFor({
    now: judgedAt,
    deadline: milestone.date,
    warningWindowDays: state.settings.warningWindowDays,
    reportMissing: false,
  });
}

/** The open milestones: those not yet done. */
export function openMilestones(item: ItemSnapshot): MilestoneSnapshot[] {
  return (item.milestones ?? []).filter((m) => m.doneAt === null);
}

/** The first instant past a deadline day. */
function redFrom(date: string): string {
  return new Date(endOfCivilDay(date).getTime() + 1).toISOString();
}

function reasonFor(colour: Colour, reportMissing: boolean): string {
  switch (colour) {
    case 'red':
      return '已超过办理期限';
    case 'yellow':
      return reportMissing ? '未按期报送进展' : '进度滞后';
    case 'blue':
      return '临近办理期限';
    case 'green':
      return '按期推进';
    case 'none':
      return '已办结';
  }
}

// When a deadline passed, the item has been red since that moment, even if we learn it later
// (an import of a 2019 document today); otherwise since now.
function redSinceOf(state: ItemState, now: number): string {
  const passed = [
    state.item.deadline,
    ...openMilestones(state.item).map((m) => m.date),
    ...state.item.subTasks.map((s) => s.deadline),
  ]
    .filter((d): d is string => d !== null)
    .map((d) => endOfCivilDay(d).getTime() + 1)
    .filter((t) => t <= now);
  return new Date(passed.length ? Math.min(...passed) : now).toISOString();
}

function reportStatus(item: ItemSnapshot, now: number): { missing: boolean; nextDue: string | null } {
  const schedule = item.reporting as ReportingSchedule;
  if (schedule.kind === 'none' || item.state === 'closed') return { missing: false, nextDue: null };
  const today = civilDateOf(now);
  const nextDue = nextReportDue(schedule, addCivilDays(today, -1));
  if (!['assigned', 'signed', 'in_progress'].includes(item.state)) return { missing: false, nextDue };
  // Reporting duties start when the item is assigned; only due days already over count.
  const created = Date.parse(item.createdAt);
  const due = reportDueDatesBetween(schedule, civilDateOf(created), today).filter(
    (d) => endOfCivilDay(d).getTime() < now && endOfCivilDay(d).getTime() > created,
  );
  const lastDue = due.at(-1);
  if (lastDue === undefined) return { missing: false, nextDue };
  const prevDue = due.at(-2);
  const periodStart = prevDue ? endOfCivilDay(prevDue).getTime() : created;
  const lastReport = item.lastProgressAt ? Date.parse(item.lastProgressAt) : null;
  return { missing: lastReport === null || lastReport <= periodStart, nextDue };
}

/** The next instant at which time alone changes something (a colour, a report falling due, escalation). */
export function nextWakeAt(state: ItemState, now: number): number | null {
  const { item, settings } = state;
  if (item.state === 'closed') return null;
  const candidates: number[] = [];
  const stopped = state.clockStoppedAt !== null;
  if (!stopped) {
    for (const deadline of [
      item.deadline,
      ...openMilestones(item).map((m) => m.date),
      ...item.subTasks.filter((s) => s.state !== 'done').map((s) => s.deadline),
    ]) {
      if (deadline === null) continue;
      const at = nextColourChangeAt({ now, deadline, warningWindowDays: settings.warningWindowDays });
      if (at) candidates.push(at.getTime());
    }
  }
  if (item.nextReportDue && ['assigned', 'signed', 'in_progress'].includes(item.state)) {
    candidates.push(endOfCivilDay(item.nextReportDue).getTime() + 1);
  }
  if (item.redSince && state.escalatedRedSince === null) {
    candidates.push(Date.parse(item.redSince) + settings.escalateAfterRedDays * 86_400_000);
  }
  const future = candidates.filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}

/** Red for longer than the escalation threshold and not yet escalated in this red episode. */
export function dueForEscalation(state: ItemState, now: number): number | null {
  const { item, settings } = state;
  if (!item.redSince || state.escalatedRedSince === item.redSince) return null;
  const redDays = Math.floor((now - Date.parse(item.redSince)) / 86_400_000);
  return redDays >= settings.escalateAfterRedDays ? redDays : null;
}
