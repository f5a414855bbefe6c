// The case's state as pure functions: the workflows call them, tests check them without a server.
// No I/O, no clock: `now` is always passed in.
import { colourFor, endOfCivilDay, nextColourChangeAt } from '@duban/calendar';
import type { Colour, CaseSnapshot, StartCase, StepSnapshot } from '@duban/contracts';
import { KG_DOC_NO, StartCaseSchema } from '@duban/contracts';
import { holdsFor, surveyStep, unitName } from './rules';

export type CaseSettings = ReturnType<typeof StartCaseSchema.parse>;

export interface CaseState {
  settings: CaseSettings;
  case: CaseSnapshot;
}

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
  if (step.deadline === null) return 'green';
  return colourFor({ now, deadline: step.deadline, warningWindowDays: windowDays, reportMissing: false });
}

/** Every step's colour at `now`, so that each published snapshot shows the steps as they stand. */
export function refreshStepColours(state: CaseState, now: number): void {
  for (const s of state.case.steps) s.colour = stepColour(s, now, state.settings.warningWindowDays);
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
  if (colour !== 'red') c.redSince = null;
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
    case 'yellow':
      return '进度滞后';
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
    .map((d) => d.getTime())
    .filter((t) => t > now);
  return times.length ? Math.min(...times) : null;
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
