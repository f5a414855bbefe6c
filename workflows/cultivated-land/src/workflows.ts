import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type {
  Actor,
  AssessmentCommand,
  EventType,
  RectificationCommand,
  StartAssessment,
  StartRectification,
  StepEvent,
} from '@duban/contracts';
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
import { LandActionRefusedError, type Fact } from './refusal';

const { publishLandEvent } = proxyActivities<CultivatedLandActivities>({
  startToCloseTimeout: '10 seconds',
  allowEagerDispatch: false,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const asFailure = (error: unknown) =>
  error instanceof LandActionRefusedError
    ? ApplicationFailure.create({ type: 'ActionRefused', message: error.message, nonRetryable: true })
    : error;

const COLOUR_FACT = {
  rectification: 'cn.gov.qtx.duban.cultivated.rectification_colour_changed.v1',
  assessment: 'cn.gov.qtx.duban.cultivated.assessment_colour_changed.v1',
} as const;

/**
 * The loop both workflows share: an outbox of facts published in order by an activity, Updates
 * that change the state, and a timer to the next instant at which time alone changes something.
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
  register: (apply: (facts: Fact[], actor: Actor | null) => void) => void;
  continueAsNew: () => Promise<never>;
}): Promise<void> {
  const outbox: StepEvent[] = [];
  let woken = false;
  const emit = (fact: Fact, actor: Actor | null) => {
    const snap = opts.snapshot();
    snap.version += 1;
    outbox.push({
      type: fact.type as EventType,
      step: fact.step,
      version: snap.version,
      time: new Date(Date.now()).toISOString(),
      actor,
      data: { ...fact.extra, [opts.kind]: clone(snap) } as never,
    });
  };
  const apply = (facts: Fact[], actor: Actor | null) => {
    for (const f of opts.onTime(Date.now())) facts.push(f);
    // Colours first, so that each published snapshot shows them as they stand.
    const change = opts.colour(Date.now());
    for (const f of facts) emit(f, actor);
    if (change) emit({ type: COLOUR_FACT[opts.kind], step: 'colour', extra: change }, actor);
    woken = true;
  };
  opts.register(apply);
  if (!opts.resume) {
    for (const f of opts.opening) emit(f, null);
    apply([], null);
  }
  const flush = async () => {
    while (outbox.length > 0) {
      await publishLandEvent(workflowInfo().workflowId, opts.subject, outbox[0]!);
      outbox.shift();
    }
  };
  for (;;) {
    await flush();
    if (opts.snapshot().phase === 'closed') break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) await opts.continueAsNew();
      continue;
    }
    const wakeAt = opts.wakeAt(Date.now());
    woken = false;
    const ready = () => woken || outbox.length > 0;
    const timedOut = !(await (wakeAt === null
      ? condition(ready)
      : condition(ready, Math.max(1, wakeAt - Date.now()))));
    if (timedOut) apply([], null);
  }
  await condition(allHandlersFinished);
  await flush();
}

/**
 * One town's rectification of its permanent basic farmland designation (青政办发〔2019〕28号
 * 二(二)): verify → problem list → the town's 整改补划方案 → review (approve or return) → “两区”
 * adjustment → amendment of the land-use plan → verification → closed. Each step has the
 * deadline its campaign set; colours follow the warning ladder.
 */
export async function townRectificationWorkflow(
  input: StartRectification | { resume: RectificationState },
): Promise<void> {
  const resume = 'resume' in input;
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
    opening: [{ type: 'cn.gov.qtx.duban.cultivated.rectification_opened.v1', step: 'opened', extra: {} }],
    register: (apply) =>
      setHandler(
        rectificationActionUpdate,
        (command: RectificationCommand) => {
          apply(applyRectificationAction(state, command, Date.now()), command.actor);
          return clone(state.r);
        },
        {
          validator: (command: RectificationCommand) => {
            try {
              checkRectificationAction(state, command);
            } catch (error) {
              throw asFailure(error);
            }
          },
        },
      ),
    continueAsNew: () => continueAsNew<typeof townRectificationWorkflow>({ resume: state }),
  });
}

/**
 * One town's yearly responsibility assessment (青政办发〔2019〕28号 三(十)): targets → the town's
 * report → assessment (通报表彰 or 通报批评) → on failure a rectification deadline and the
 * suspension of land-management business in the town → rectification verified (suspension
 * lifted), or 问责 when the deadline passes first.
 */
export async function townAssessmentWorkflow(
  input: StartAssessment | { resume: AssessmentState },
): Promise<void> {
  const resume = 'resume' in input;
  const state: AssessmentState = resume ? input.resume : newAssessmentState(input, Date.now());
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
        type: 'cn.gov.qtx.duban.cultivated.targets_set.v1',
        step: 'targets',
        extra: { targets: state.a.targets },
      },
    ],
    register: (apply) =>
      setHandler(
        assessmentActionUpdate,
        (command: AssessmentCommand) => {
          apply(applyAssessmentAction(state, command, Date.now()), command.actor);
          return clone(state.a);
        },
        {
          validator: (command: AssessmentCommand) => {
            try {
              checkAssessmentAction(state, command);
            } catch (error) {
              throw asFailure(error);
            }
          },
        },
      ),
    continueAsNew: () => continueAsNew<typeof townAssessmentWorkflow>({ resume: state }),
  });
}

// structuredClone is not available in every workflow sandbox; the snapshot is plain JSON anyway.
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
