import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  isAsWrittenDeadlines,
  AssessmentCommandSchema,
  CultivatedEvents,
  RectificationCommandSchema,
  StartAssessmentSchema,
  StartRectificationSchema,
  type AssessmentCommand,
  type RectificationCommand,
  type StartAssessment,
  type StartRectification,
} from './contracts/index';
import { type Actor, type StepEvent } from '@duban/contracts';
import {
  ProcessLoop,
  checkStartInput,
  plainClone,
  publishActivities,
  stepEvent,
  validating,
} from '@duban/workflow-core';
import type { CultivatedLandActivities } from './activities';
import {
  applyAssessmentAction,
  assessmentWakeAt,
  checkAccountability,
  checkAssessmentAction,
  newAssessmentState,
  refreshAssessmentColour,
  type AssessmentState,
} from './assessment';
import {
  assessmentActionUpdate,
  assessmentSnapshotQuery,
  rectificationActionUpdate,
  rectificationSnapshotQuery,
} from './definitions';
import {
  applyRectificationAction,
  checkRectificationAction,
  newRectificationState,
  rectificationWakeAt,
  refreshRectificationColours,
  type RectificationState,
} from './rectification';
import type { Fact } from './refusal';

const { publishLandEvent } = publishActivities<CultivatedLandActivities>();

const COLOUR_FACT = {
  rectification: CultivatedEvents.RectificationColourChanged.type,
  assessment: CultivatedEvents.AssessmentColourChanged.type,
} as const;

/**
 * What both workflows share beyond the process loop: facts carry the snapshot under `kind`, and
 * every change (an Update, the opening, the timer) ends with the colour as it then stands.
 */
async function runTracked(opts: {
  kind: 'rectification' | 'assessment';
  subject: string;
  snapshot: () => { version: number; phase: string };
  colour: (now: number) => { scope: string; from: string; to: string; reason: string } | null;
  onTime: (now: number) => Fact[];
  wakeAt: (now: number) => number | null;
  resume: boolean;
  opening: Fact[];
  /** `apply` an action's facts; `answer` is what the Update returns (after the loop's turn). */
  register: (
    apply: (facts: Fact[], actor: Actor | null) => void,
    answer: <R>(value: R) => R | Promise<R>,
  ) => void;
  continueAsNew: () => Promise<never>;
}): Promise<void> {
  const loop = new ProcessLoop<StepEvent>(([event]) =>
    publishLandEvent(workflowInfo().workflowId, opts.subject, event!),
  );
  const emit = (fact: Fact, actor: Actor | null) => {
    const snap = opts.snapshot();
    snap.version += 1;
    loop.push(
      stepEvent(fact.type, fact.step, snap.version, actor, {
        ...fact.extra,
        [opts.kind]: plainClone(snap),
      }),
    );
  };
  const apply = (facts: Fact[], actor: Actor | null) => {
    for (const f of opts.onTime(Date.now())) facts.push(f);
    // Colours first, so that each published snapshot shows them as they stand.
    const change = opts.colour(Date.now());
    for (const f of facts) emit(f, actor);
    if (change) emit({ type: COLOUR_FACT[opts.kind], step: 'colour', extra: change }, actor);
    loop.wake();
  };
  opts.register(apply, (value) => loop.answer(value));
  if (!opts.resume) {
    for (const f of opts.opening) emit(f, null);
    apply([], null);
  }
  await loop.run({
    finished: () => opts.snapshot().phase === 'closed',
    wakeAt: opts.wakeAt,
    onTimer: () => apply([], null),
    continueAsNew: opts.continueAsNew,
  });
}

/** 二(二) as written: 自然资源局 drafts the plan, the town carries it out; no review, no acceptance. */
export const RECTIFICATION_AS_WRITTEN_PATCH = 'cl-28-2-2-steps-as-written';

/**
 * One town's rectification of its permanent basic farmland designation (青政办发〔2019〕28号
 * 二(二)): 自然资源局 会同农业农村局 verifies → lists the problems → drafts the town's 整改补划方案 →
 * the town carries out the 整改补划 → “两区” adjustment → amendment of the land-use plan → closed.
 * Rectifications begun before patch `cl-28-2-2-steps-as-written` keep the first version's steps
 * (the town's plan, its review with return, and an acceptance). Each step has the deadline its
 * campaign set; colours follow the warning ladder.
 */
export async function townRectificationWorkflow(
  input: StartRectification | { resume: RectificationState },
): Promise<void> {
  checkStartInput(StartRectificationSchema, input);
  const resume = 'resume' in input;
  // The steps follow the campaign's deadlines; only the as-written ones are new code, marked so.
  if (!resume && isAsWrittenDeadlines(input.deadlines)) patched(RECTIFICATION_AS_WRITTEN_PATCH);
  const state: RectificationState = resume ? input.resume : newRectificationState(input, Date.now());
  setHandler(rectificationSnapshotQuery, () => state.r);
  await runTracked({
    kind: 'rectification',
    subject: state.r.rectificationId,
    snapshot: () => state.r,
    colour: (now) => refreshRectificationColours(state, now),
    onTime: () => [],
    wakeAt: (now) => rectificationWakeAt(state, now),
    resume,
    opening: [{ type: CultivatedEvents.RectificationOpened.type, step: 'opened', extra: {} }],
    register: (apply, answer) =>
      setHandler(
        rectificationActionUpdate,
        (command: RectificationCommand) => {
          apply(applyRectificationAction(state, command, Date.now()), command.actor);
          return answer(plainClone(state.r));
        },
        {
          validator: validating(RectificationCommandSchema, (command: RectificationCommand) =>
            checkRectificationAction(state, command),
          ),
        },
      ),
    continueAsNew: () => continueAsNew<typeof townRectificationWorkflow>({ resume: state }),
  });
}

/** 三(十): 问责 waits for a pending verification instead of being raised while it is pending. */
export const ACCOUNTABILITY_AFTER_VERIFICATION_PATCH = 'cl-28-3-10-accountability-after-verification';

/** 三(十): the 市政府 (督查室 for it) assesses, and 通报表彰 is its own decision. */
export const CITY_ASSESSES_PATCH = 'cl-28-3-10-city-assesses';

/**
 * One town's yearly responsibility assessment (青政办发〔2019〕28号 三(十)): targets → the town's
 * report → the city's assessment (督查室, 农业农村局、统计局 taking part: passed, 通报表彰 as its
 * decision, or 通报批评; 自然资源局 before patch `cl-28-3-10-city-assesses`) → on failure a rectification deadline and the
 * suspension of land-management business in the town → rectification verified (suspension
 * lifted), or 问责 when the deadline passes first.
 */
export async function townAssessmentWorkflow(
  input: StartAssessment | { resume: AssessmentState },
): Promise<void> {
  checkStartInput(StartAssessmentSchema, input);
  const resume = 'resume' in input;
  const state: AssessmentState = resume ? input.resume : newAssessmentState(input, Date.now());
  state.waitsForVerification ??= patched(ACCOUNTABILITY_AFTER_VERIFICATION_PATCH);
  // A new assessment is in `reporting`: the flag decides the `assessing` step, later.
  if (!resume && patched(CITY_ASSESSES_PATCH)) state.assessedByCity = true;
  setHandler(assessmentSnapshotQuery, () => state.a);
  await runTracked({
    kind: 'assessment',
    subject: state.a.assessmentId,
    snapshot: () => state.a,
    colour: (now) => refreshAssessmentColour(state, now),
    onTime: (now) => checkAccountability(state, now),
    wakeAt: (now) => assessmentWakeAt(state, now),
    resume,
    opening: [
      {
        type: CultivatedEvents.TargetsSet.type,
        step: 'targets',
        extra: { targets: state.a.targets },
      },
    ],
    register: (apply, answer) =>
      setHandler(
        assessmentActionUpdate,
        (command: AssessmentCommand) => {
          apply(applyAssessmentAction(state, command, Date.now()), command.actor);
          return answer(plainClone(state.a));
        },
        {
          validator: validating(AssessmentCommandSchema, (command: AssessmentCommand) =>
            checkAssessmentAction(state, command),
          ),
        },
      ),
    continueAsNew: () => continueAsNew<typeof townAssessmentWorkflow>({ resume: state }),
  });
}
