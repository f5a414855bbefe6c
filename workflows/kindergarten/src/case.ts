// The case's state as pure functions: the workflows call them, tests check them without a server.
// No I/O, no clock: `now` is always passed in.
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
import type { Colour } from '@duban/contracts';
import type { CaseSnapshot, StartCase, StepSnapshot } from './contracts/index';
import { KG_DOC_NO, StartCaseSchema } from './contracts/index';
import { holdsFor, surveyStep, unitName, type RecoveryRules } from './rules';

export type CaseSettings = ReturnType<typeof StartCaseSchema.parse>;

export interface CaseState {
  settings: CaseSettings;
  case: CaseSnapshot;
  /**
   * Progress reports, slipped milestones and red escalation apply (the workflow's patch
   * `kg-reports-escalation`). Cases whose histories predate them run without, so they replay.
   */
  upgraded?: boolean;
  /** The red episode already escalated to the leadership group. */
  escalatedRedSince?: string | null;
  /**
   * Which reading of 31号 三(三) the plan is checked against (patch `kg-31-3-3-recovery`); unset in
   * cases whose histories predate it, which keep the older reading.
   */
  recoveryRules?: RecoveryRules;
}

/**
 * The bureau holding an open rectification step reports its progress monthly by the 25th,
 * moved to the next working day (顺延), as the supervision items of the gazette do.
 */
export const PROGRESS_REPORTS: ReportingSchedule = { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: true };

/** The schedule a case was started with (policy setting kindergarten.progress-report-day). */
export const progressReportsOf = (settings: { progressReportDay?: number | undefined }): ReportingSchedule =>
  settings.progressReportDay === undefined
    ? PROGRESS_REPORTS
    : { ...PROGRESS_REPORTS, dayOfMonth: settings.progressReportDay };

/** Cases opened before escalation existed keep the system's default (ALERT_RED_ESCALATION_DAYS). */
const DEFAULT_ESCALATION_DAYS = 30;
const DAY_MS = 86_400_000;

const severity: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };
export const worstColour = (colours: Colour[]): Colour =>
  colours.reduce<Colour>((worst, c) => (severity[c] > severity[worst] ? c : worst), 'none');

export function newCaseState(input: StartCase, now: number): CaseState {
  const settings = StartCaseSchema.parse(input);
  const at = new Date(now).toISOString();
  const snapshot: CaseSnapshot = {
    caseId: settings.caseId,
    campaignId: settings.campaignId,
    projectId: settings.projectId,
    docNo: KG_DOC_NO,
    facts: settings.facts,
    deadlines: settings.deadlines,
    phase: 'survey',
    category: null,
    operationMode: null,
    steps: [surveyStep()],
    holds: holdsFor(settings.facts, at),
    rectificationWorkflowId: null,
    colour: 'green',
    redSince: null,
    deadlineHistory: [],
    createdAt: at,
    closedAt: null,
    version: 0,
  };
  const state = { settings, case: snapshot };
  refreshColours(state, now);
  return state;
}

export function stepColour(step: StepSnapshot, now: number, windowDays: number): Colour {
  if (step.state === 'done') return 'none';
  const reportMissing = step.reportMissing === true;
  const milestoneSlipped = step.milestoneSlipped === true;
  if (step.deadline === null) return reportMissing || milestoneSlipped ? 'yellow' : 'green';
  return colourFor({
    now,
    deadline: step.deadline,
    warningWindowDays: windowDays,
    reportMissing,
    milestoneSlipped,
  });
}

/** Every step's colour at `now`, so that each published snapshot shows the steps as they stand. */
export function refreshStepColours(state: CaseState, now: number): void {
  if (state.upgraded) {
    for (const s of state.case.steps) {
      refreshReporting(s, now, progressReportsOf(state.settings));
      s.milestoneSlipped = milestoneSlipped(s, state.case.steps, now);
    }
  }
  for (const s of state.case.steps) s.colour = stepColour(s, now, state.settings.warningWindowDays);
}

/** A waiting step whose prerequisite is past its deadline: its milestone slipped (yellow 滞后). */
function milestoneSlipped(step: StepSnapshot, steps: StepSnapshot[], now: number): boolean {
  if (step.state !== 'waiting') return false;
  return step.after.some((key) => {
    const before = steps.find((o) => o.key === key);
    return (
      before !== undefined &&
      before.state !== 'done' &&
      before.deadline !== null &&
      now > endOfCivilDay(before.deadline).getTime()
    );
  });
}

/**
 * Whether the step's bureau owes a report it has not made: only due days already over count, from
 * when the duty began; a report made late still clears it (drop-back).
 */
function refreshReporting(step: StepSnapshot, now: number, schedule: ReportingSchedule): void {
  step.reportingSince ??= null;
  step.lastReportAt ??= null;
  if (step.phase !== 'rectifying' || step.state !== 'open') {
    step.nextReportDue = null;
    step.reportMissing = false;
    return;
  }
  step.reportingSince ??= new Date(now).toISOString();
  const since = Date.parse(step.reportingSince);
  const today = civilDateOf(now);
  step.nextReportDue = nextReportDue(schedule, addCivilDays(today, -1));
  const over = reportDueDatesBetween(schedule, civilDateOf(since), today).filter((d) => {
    const end = endOfCivilDay(d).getTime();
    return end < now && end > since;
  });
  const lastDue = over.at(-1);
  if (lastDue === undefined) {
    step.reportMissing = false;
    return;
  }
  const previous = over.at(-2);
  const periodStart = previous ? endOfCivilDay(previous).getTime() : since;
  const last = step.lastReportAt ? Date.parse(step.lastReportAt) : null;
  step.reportMissing = last === null || last < periodStart;
}

/** The open rectification steps of a bureau that owe reports (all of them, or the ones named). */
export function reportingSteps(steps: StepSnapshot[], unitCode: string | undefined, keys?: string[]) {
  return steps.filter(
    (s) =>
      s.phase === 'rectifying' &&
      s.state === 'open' &&
      s.unitCode === unitCode &&
      (keys === undefined || keys.includes(s.key)),
  );
}

/** Recomputes every step's colour and the case's (worst open step); returns the case's change. */
export function refreshColours(
  state: CaseState,
  now: number,
): { scope: string; from: Colour; to: Colour; reason: string } | null {
  const c = state.case;
  refreshStepColours(state, now);
  const open = c.steps.filter((s) => s.state !== 'done');
  const colour: Colour = c.phase === 'closed' ? 'none' : worstColour(open.map((s) => s.colour));
  const from = c.colour;
  if (colour === 'red' && c.redSince === null) {
    const passed = open
      .filter((s) => s.colour === 'red' && s.deadline !== null)
      .map((s) => endOfCivilDay(s.deadline!).getTime() + 1);
    c.redSince = new Date(passed.length ? Math.min(...passed) : now).toISOString();
  }
  if (colour !== 'red') {
    c.redSince = null;
    if (state.upgraded) {
      state.escalatedRedSince = null;
      c.escalatedAt = null;
    }
  }
  if (colour === from) return null;
  c.colour = colour;
  return { scope: 'case', from, to: colour, reason: reasonFor(colour, open) };
}

function reasonFor(colour: Colour, open: StepSnapshot[]): string {
  const of = (col: Colour) =>
    open
      .filter((s) => s.colour === col)
      .map((s) => `${unitName(s.unitCode)}“${s.title}”（${s.deadline}）`)
      .join('；');
  switch (colour) {
    case 'red':
      return `已超过办理期限：${of('red')}`;
    case 'blue':
      return `临近办理期限：${of('blue')}`;
    case 'yellow': {
      const late = open.filter((s) => s.colour === 'yellow');
      const reports = late.filter((s) => s.reportMissing === true);
      const slipped = late.filter((s) => s.milestoneSlipped === true);
      const name = (s: StepSnapshot) => `${unitName(s.unitCode)}“${s.title}”`;
      return (
        [
          reports.length ? `未按期报送进展：${reports.map(name).join('；')}` : null,
          slipped.length ? `前置节点逾期：${slipped.map(name).join('；')}` : null,
        ]
          .filter(Boolean)
          .join('；') || '进度滞后'
      );
    }
    case 'green':
      return '按期推进';
    case 'none':
      return '已办结';
  }
}

/** The next instant at which time alone changes a colour. */
export function nextWakeAt(state: CaseState, now: number): number | null {
  if (state.case.phase === 'closed') return null;
  const times = state.case.steps
    .filter((s) => s.state !== 'done' && s.deadline !== null)
    .map((s) =>
      nextColourChangeAt({ now, deadline: s.deadline!, warningWindowDays: state.settings.warningWindowDays }),
    )
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  if (state.upgraded) {
    for (const s of state.case.steps) {
      if (s.state === 'open' && s.nextReportDue) times.push(endOfCivilDay(s.nextReportDue).getTime() + 1);
      // A prerequisite passing its deadline slips the milestone of the steps waiting for it.
      if (s.state !== 'done' && s.deadline !== null) times.push(endOfCivilDay(s.deadline).getTime() + 1);
    }
    const escalation = escalationAt(state);
    if (escalation !== null) times.push(escalation);
  }
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}

function escalationAt(state: CaseState): number | null {
  const { redSince } = state.case;
  if (!redSince || state.escalatedRedSince === redSince) return null;
  return Date.parse(redSince) + (state.settings.escalateAfterRedDays ?? DEFAULT_ESCALATION_DAYS) * DAY_MS;
}

/** Days red when the case is due for escalation to the leadership group (once per red episode). */
export function dueForEscalation(state: CaseState, now: number): number | null {
  if (!state.upgraded) return null;
  const at = escalationAt(state);
  if (at === null || now < at) return null;
  return Math.floor((now - Date.parse(state.case.redSince!)) / DAY_MS);
}

/** Marks a step done and opens the steps that were waiting only for it. */
export function markStepDone(
  steps: StepSnapshot[],
  key: string,
  at: string,
  by: string,
  note: string | null,
): void {
  const step = steps.find((s) => s.key === key);
  if (!step) return;
  step.state = 'done';
  step.doneAt = at;
  step.doneBy = by;
  step.note = note;
  step.colour = 'none';
  openReadySteps(steps);
}

export function openReadySteps(steps: StepSnapshot[]): void {
  for (const s of steps) {
    if (s.state !== 'waiting') continue;
    if (s.after.every((k) => steps.find((o) => o.key === k)?.state === 'done')) s.state = 'open';
  }
}

export const phaseDone = (steps: StepSnapshot[], phase: StepSnapshot['phase']) =>
  steps.filter((s) => s.phase === phase).every((s) => s.state === 'done');
