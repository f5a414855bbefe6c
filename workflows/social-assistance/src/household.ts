// One household's assistance application taken by an officer (青政办发〔2019〕39号 五(五)2) as pure
// state: investigation signed by officer and applicant → the representatives' appraisal → 民政局's
// spot check → the town's (street's) decision, each due a number of working days after the last
// (`social-assistance.case-step-working-days`).
import { addWorkingDays } from '@duban/calendar';
import type { Actor } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import {
  ASSISTANCE_KINDS,
  CASE_STEPS,
  CIVIL,
  CaseActionBodies,
  SocialAssistanceEvents as E,
  StartHouseholdCaseSchema,
  type CaseActionName,
  type CaseCommand,
  type CaseSnapshot,
  type CaseStep,
  type StartHouseholdCase,
} from './contracts/index';
import { moveColours, nextMove, type Deadline } from './ladder';
import type { Fact } from './purchase';

export type CaseSettings = ReturnType<typeof StartHouseholdCaseSchema.parse>;
export interface CaseState {
  settings: CaseSettings;
  c: CaseSnapshot;
}

const ORDER: CaseStep[] = ['investigation', 'appraisal', 'spot-check', 'decision'];
const ACTION_OF: Record<CaseStep, CaseActionName> = {
  investigation: 'investigate',
  appraisal: 'appraise',
  'spot-check': 'spot-check',
  decision: 'decide',
};

export function newCaseState(input: StartHouseholdCase, now: number): CaseState {
  const settings = StartHouseholdCaseSchema.parse(input);
  return {
    settings,
    c: {
      caseId: settings.caseId,
      version: 0,
      household: settings.household,
      officer: settings.officer,
      takenOn: settings.takenOn,
      step: 'investigation',
      due: addWorkingDays(settings.takenOn, settings.stepWorkingDays),
      colour: 'green',
      done: [],
      decision: null,
      history: [
        {
          step: 'taken',
          at: new Date(now).toISOString(),
          by: settings.openedBy,
          note: `代${settings.household.applicant}申请${ASSISTANCE_KINDS[settings.household.kind]}`,
        },
      ],
    },
  };
}

/** The unit that owes a step: the officer, 民政局, or the household's town (street). */
export function caseOwner(c: CaseSnapshot, step: CaseStep): string {
  const owner = CASE_STEPS[step].owner;
  return owner === 'officer' ? c.officer.code : owner === 'civil' ? CIVIL : c.household.townCode;
}

/** The action this actor may take now (none, or the awaited step's). */
export function caseActionsOpenTo(c: CaseSnapshot, actor: Actor): CaseActionName[] {
  if (!c.step || actor.role !== 'bureau' || actor.unitCode !== caseOwner(c, c.step)) return [];
  return [ACTION_OF[c.step]];
}

export function checkCaseAction(state: CaseState, command: CaseCommand): Record<string, unknown> {
  const { c } = state;
  if (!c.step) return refuse('该申请已作出决定');
  if (ACTION_OF[c.step] !== command.action)
    refuse(
      `当前环节为“${CASE_STEPS[c.step].label}”（${CASE_STEPS[c.step].ref}），不能办理 ${command.action}`,
    );
  const owner = caseOwner(c, c.step);
  if (command.actor.role !== 'bureau' || command.actor.unitCode !== owner)
    refuse(`“${CASE_STEPS[c.step].label}”须由 ${owner} 办理（${CASE_STEPS[c.step].ref}）`);
  const body = CaseActionBodies[command.action].parse(command.body) as Record<string, unknown>;
  const last = c.done.at(-1)?.on ?? c.takenOn;
  if (String(body.on) < last) refuse(`办理日期不能早于上一环节（${last}）`);
  return body;
}

export function applyCaseAction(state: CaseState, command: CaseCommand, now: number): Fact[] {
  const body = checkCaseAction(state, command);
  const { c, settings } = state;
  const step = c.step!;
  const on = String(body.on);
  const late = on > (c.due ?? on);
  const note = String(body.findings ?? body.note ?? body.reasons ?? '');
  c.done.push({ step, on, by: command.actor.userId, note, late });
  c.history.push({ step, at: new Date(now).toISOString(), by: command.actor.userId, note });
  const facts: Fact[] = [[E.CaseStepDone.type, `case-${step}`, { step, late }]];
  const next = ORDER[ORDER.indexOf(step) + 1] ?? null;
  if (step === 'decision') {
    c.decision = body.approved ? 'approved' : 'rejected';
    c.step = null;
    c.due = null;
    facts.push([E.CaseDecided.type, 'decided', { approved: Boolean(body.approved) }]);
  } else {
    c.step = next;
    c.due = addWorkingDays(on, settings.stepWorkingDays);
  }
  return facts;
}

function deadlineOf(c: CaseSnapshot): Deadline[] {
  if (!c.step || !c.due) return [];
  const step = c.step;
  return [
    {
      key: `case:${step}`,
      label: CASE_STEPS[step].label,
      ref: CASE_STEPS[step].ref,
      due: c.due,
      settled: false,
      colour: c.colour,
      setColour: (colour) => (c.colour = colour),
    },
  ];
}

/** The awaited step's colour now; a new step starts again from green. */
export function onCaseTime(state: CaseState, now: number, stepChanged: boolean): Fact[] {
  const { c, settings } = state;
  if (!c.step) {
    const from = c.colour;
    c.colour = 'none';
    return from === 'red' || from === 'blue'
      ? [
          [
            E.CaseColourChanged.type,
            `colour-closed`,
            { deadline: 'case', from, to: 'none', reason: '已作出决定', ref: '五(五)2' },
          ],
        ]
      : [];
  }
  const before = c.colour;
  if (stepChanged) c.colour = 'green';
  const moves = moveColours(deadlineOf(c), now, settings.warningWindowDays);
  const facts: Fact[] = moves.map((m) => [E.CaseColourChanged.type, `colour-${m.deadline}-${m.to}`, m]);
  if (stepChanged && before !== 'green' && moves.length === 0)
    facts.push([
      E.CaseColourChanged.type,
      `colour-case:${c.step}-green`,
      {
        deadline: `case:${c.step}`,
        from: before,
        to: 'green',
        reason: '上一环节已办理',
        ref: CASE_STEPS[c.step].ref,
      },
    ]);
  return facts;
}

export const nextCaseWakeAt = (state: CaseState, now: number): number | null =>
  nextMove(deadlineOf(state.c), now, state.settings.warningWindowDays);
