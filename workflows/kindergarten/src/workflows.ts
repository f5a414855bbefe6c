import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import type { CaseCommand, StartCase, StepSnapshot } from './contracts/index';
import {
  CaseCommandSchema,
  KindergartenEvents,
  RectificationInputSchema,
  StartCaseSchema,
  StepDoneSchema,
  rectificationWorkflowId,
} from './contracts/index';
import {
  ANSWER_AFTER_TURN_PATCH,
  ProcessLoop,
  checkStartInput,
  describeIssues,
  inputIssues,
  plainClone,
  publishActivities,
  stepEvent,
  validating,
} from '@duban/workflow-core';
import type { KindergartenActivities, PendingCaseEvent } from './activities';
import { checkCaseAction, checkRectificationAction } from './actions';
import {
  dueForEscalation,
  markStepDone,
  newCaseState,
  nextWakeAt,
  phaseDone,
  refreshColours,
  refreshStepColours,
  reportingSteps,
  type CaseState,
} from './case';
import {
  caseActionUpdate,
  caseSnapshotQuery,
  rectificationActionUpdate,
  rectificationStepsQuery,
  stepDoneSignal,
  type StepDone,
} from './definitions';
import {
  agreedHandover,
  caseDeadlines,
  handoverStep,
  operationDecisionStep,
  operationSteps,
  planStep,
  rectificationSteps,
} from './rules';

const { publishCaseEvent } = publishActivities<KindergartenActivities>();

/**
 * Progress reports, slipped milestones, red escalation and extension requests came after the first
 * cases ran: a case switches them on once it runs on this code (not while replaying older history).
 */
export const REPORTS_ESCALATION_PATCH = 'kg-reports-escalation';

/**
 * 31号 三(三) as written: a high-fee or repurposed kindergarten is recovered whatever its planning
 * date, and only pre-41号 ones may be kept. Cases opened before it keep the older plan check.
 */
export const RECOVERY_PATCH = 'kg-31-3-3-recovery';

/** 31号 三(三) 已签订移交协议的按协议约定移交: the agreement's date is the case's handover date. */
export const HANDOVER_AGREEMENT_PATCH = 'kg-31-3-3-handover-agreement';

/**
 * One kindergarten (一园一案, 青政办发〔2019〕31号): survey → plan → rectification by category (a
 * child workflow) → handover to 教育局 → operation → closed. Deadlines are timers; bureau actions
 * are Updates; every fact, holds included, is published in order.
 */
export async function kindergartenCaseWorkflow(input: StartCase | { resume: CaseState }): Promise<void> {
  checkStartInput(StartCaseSchema, input);
  const state: CaseState = 'resume' in input ? input.resume : newCaseState(input, Date.now());
  const c = state.case;
  const upgrade = () => {
    if (!state.upgraded && patched(REPORTS_ESCALATION_PATCH)) {
      state.upgraded = true;
      state.escalatedRedSince ??= null;
      c.pendingExtension ??= null;
      c.escalatedAt ??= null;
    }
  };
  upgrade();
  state.recoveryRules ??= patched(RECOVERY_PATCH) ? 'gazette' : 'before-31-3-3';
  // Only a case with an agreement asks, so cases without one record no marker.
  if (!('resume' in input) && agreedHandover(c.facts) && patched(HANDOVER_AGREEMENT_PATCH))
    c.deadlines = caseDeadlines(c.facts, c.deadlines);
  const loop = new ProcessLoop<PendingCaseEvent>(([event]) =>
    publishCaseEvent(workflowInfo().workflowId, event!),
  );
  let child: { result(): Promise<StepSnapshot[]> } | null = null;
  let childResult: StepSnapshot[] | null = null;

  const emit = (type: EventType, step: string, actor: Actor | null, extra: object) => {
    refreshStepColours(state, Date.now());
    c.version += 1;
    loop.push(stepEvent(type, step, c.version, actor, { ...extra, case: plainClone(c) }));
  };
  const emitColour = (actor: Actor | null) => {
    const change = refreshColours(state, Date.now());
    if (change) emit(KindergartenEvents.ColourChanged.type, 'colour', actor, change);
    const redDays = dueForEscalation(state, Date.now());
    if (redDays !== null) {
      state.escalatedRedSince = c.redSince;
      c.escalatedAt = new Date(Date.now()).toISOString();
      emit(KindergartenEvents.CaseEscalated.type, 'escalated', null, { redDays });
    }
  };
  const stepDone = (key: string, unitCode: string, actor: Actor | null, note: string | null) => {
    const at = new Date(Date.now()).toISOString();
    markStepDone(c.steps, key, at, actor?.userId ?? 'system', note);
    emit(KindergartenEvents.StepCompleted.type, `step-${key}`, actor, {
      step: key,
      unitCode,
      note,
    });
    for (const hold of c.holds) {
      if (hold.liftsAtStep === key && hold.liftedAt === null) {
        hold.liftedAt = at;
        emit(KindergartenEvents.HoldLifted.type, `hold-lifted-${hold.kind}`, actor, {
          hold: plainClone(hold),
        });
      }
    }
  };
  /** Moves on through every phase whose steps are all done. */
  const advance = (actor: Actor | null) => {
    if (c.phase === 'survey' && phaseDone(c.steps, 'survey')) {
      c.phase = 'plan';
      c.steps.push(planStep(c.facts.proposedCategory, c.deadlines));
    }
    if (c.phase === 'handover' && phaseDone(c.steps, 'handover')) {
      c.phase = 'operation';
      c.steps.push(operationDecisionStep(c.deadlines));
      emit(KindergartenEvents.HandoverCompleted.type, 'handover-completed', actor, {});
    }
    if (c.phase === 'operation' && c.operationMode !== null && phaseDone(c.steps, 'operation')) {
      c.phase = 'closed';
      c.closedAt = new Date(Date.now()).toISOString();
      emit(KindergartenEvents.CaseClosed.type, 'closed', actor, {});
    }
  };

  if (!('resume' in input)) {
    emit(KindergartenEvents.CaseOpened.type, 'opened', null, {});
    for (const hold of c.holds) {
      emit(KindergartenEvents.HoldPlaced.type, `hold-placed-${hold.kind}`, null, {
        hold: plainClone(hold),
      });
    }
    // A case opened after its deadline is red at once (DESIGN §5): say so as a fact.
    if (c.colour !== 'green') {
      emit(KindergartenEvents.ColourChanged.type, 'colour', null, {
        scope: 'case',
        from: 'green',
        to: c.colour,
        reason: c.colour === 'red' ? '立案时已超过办理期限' : '立案时已临近办理期限',
      });
    }
    if (state.upgraded) emitColour(null);
  }

  setHandler(caseSnapshotQuery, () => c);
  setHandler(stepDoneSignal, (done: StepDone) => {
    // A signal has no validator: one the case cannot read is dropped (the child's result still
    // brings every finished step in), never thrown on, which would fail the task for ever.
    const issues = inputIssues(StepDoneSchema, done, 'signal');
    if (issues.length) {
      log.warn(`整改步骤办结信号不符合约定，已忽略：${describeIssues(issues)}`);
      return;
    }
    upgrade();
    const step = c.steps.find((s) => s.key === done.step && s.phase === 'rectifying');
    if (!step || step.state === 'done') return;
    const actor: Actor = {
      userId: done.by,
      name: done.by,
      role: 'bureau',
      unitCode: done.unitCode,
      requestId: done.requestId ?? `${done.step}-${done.at}`,
    };
    stepDone(done.step, done.unitCode, actor, done.note);
    emitColour(actor);
    loop.wake();
  });
  setHandler(
    caseActionUpdate,
    (command: CaseCommand) => {
      upgrade();
      const { actor } = command;
      const now = new Date(Date.now()).toISOString();
      // `extend` (督查室 moving deadlines directly) was replaced by request + decision; recorded
      // histories still hold it, so it stays handled here for replay (the validator refuses it).
      switch (command.action as CaseCommand['action'] | 'extend') {
        case 'complete-step': {
          const body = command.body as { step: string; note?: string };
          const step = c.steps.find((s) => s.key === body.step && s.phase === c.phase)!;
          stepDone(step.key, step.unitCode, actor, body.note ?? null);
          break;
        }
        case 'plan': {
          const body = command.body as { category: NonNullable<typeof c.category>; note: string };
          c.category = body.category;
          markStepDone(c.steps, 'plan', now, actor.userId, body.note);
          c.phase = 'rectifying';
          c.steps.push(...rectificationSteps(body.category, c.deadlines));
          emit(KindergartenEvents.CasePlanned.type, 'planned', actor, { note: body.note });
          break;
        }
        case 'operate': {
          const body = command.body as { mode: NonNullable<typeof c.operationMode>; note?: string };
          c.operationMode = body.mode;
          markStepDone(c.steps, 'operation_decided', now, actor.userId, body.note ?? null);
          c.steps.push(...operationSteps(body.mode, c.deadlines));
          emit(KindergartenEvents.OperationDecided.type, 'operation', actor, { mode: body.mode });
          break;
        }
        case 'extend': {
          const body = command.body as unknown as { newDeadline: string; reason: string };
          const moved: string[] = [];
          for (const s of c.steps) {
            if (s.phase !== c.phase || s.state === 'done' || s.deadline === null) continue;
            if (s.deadline >= body.newDeadline) continue;
            c.deadlineHistory.push({
              step: s.key,
              deadline: body.newDeadline,
              previous: s.deadline,
              at: now,
              reason: body.reason,
              byUserId: actor.userId,
            });
            s.deadline = body.newDeadline;
            moved.push(s.key);
          }
          emit(KindergartenEvents.DeadlineExtended.type, 'extended', actor, {
            steps: moved,
            newDeadline: body.newDeadline,
            reason: body.reason,
          });
          break;
        }
        case 'report-progress': {
          const body = command.body as { text: string; steps?: string[] };
          const steps = reportingSteps(c.steps, actor.unitCode, body.steps);
          for (const s of steps) s.lastReportAt = now;
          emit(KindergartenEvents.ProgressReported.type, 'progress-reported', actor, {
            unitCode: actor.unitCode!,
            steps: steps.map((s) => s.key),
            text: body.text,
          });
          break;
        }
        case 'request-extension': {
          const body = command.body as { steps: string[]; newDeadline: string; reason: string };
          c.pendingExtension = {
            steps: body.steps,
            unitCode: actor.unitCode!,
            requestedDeadline: body.newDeadline,
            reason: body.reason,
            requestedBy: actor.userId,
            requestedAt: now,
          };
          emit(KindergartenEvents.ExtensionRequested.type, 'extension-requested', actor, {
            unitCode: actor.unitCode!,
            steps: body.steps,
            requestedDeadline: body.newDeadline,
            reason: body.reason,
          });
          break;
        }
        case 'decide-extension': {
          const body = command.body as { approve: boolean; newDeadline?: string; note: string };
          const pending = c.pendingExtension!;
          const target = body.approve ? (body.newDeadline ?? pending.requestedDeadline) : null;
          const previousDeadlines: Record<string, string | null> = {};
          const moved: string[] = [];
          for (const s of c.steps) {
            if (!pending.steps.includes(s.key) || s.state === 'done') continue;
            previousDeadlines[s.key] = s.deadline;
            if (target === null) continue;
            // DESIGN §5: the old and the new deadline stay in the history.
            c.deadlineHistory.push({
              step: s.key,
              deadline: target,
              previous: s.deadline,
              at: now,
              reason: `${pending.reason}（${body.note}）`,
              byUserId: actor.userId,
            });
            s.deadline = target;
            moved.push(s.key);
          }
          c.pendingExtension = null;
          emit(KindergartenEvents.ExtensionDecided.type, 'extension-decided', actor, {
            approved: body.approve,
            note: body.note,
            steps: body.approve ? moved : pending.steps,
            previousDeadlines,
            newDeadline: target,
          });
          break;
        }
      }
      advance(actor);
      emitColour(actor);
      loop.wake();
      return loop.answer(plainClone(c));
    },
    { validator: validating(CaseCommandSchema, (command: CaseCommand) => checkCaseAction(state, command)) },
  );

  /** Starts the rectification child once, and takes its result in; true when it did either. */
  const rectificationTurn = (): boolean | Promise<void> => {
    if (c.phase === 'rectifying' && child === null) return startRectification();
    if (c.phase === 'rectifying' && childResult !== null) {
      finishRectification(childResult);
      return true;
    }
    return false;
  };
  const startRectification = async () => {
    // Started once; on a resume after continue-as-new the child is already running.
    const handle = await startChild(kindergartenRectificationWorkflow, {
      workflowId: rectificationWorkflowId(c.caseId),
      args: [
        {
          caseId: c.caseId,
          parentWorkflowId: workflowInfo().workflowId,
          steps: plainClone(c.steps.filter((s) => s.phase === 'rectifying')),
        },
      ],
    });
    child = handle;
    c.rectificationWorkflowId = handle.workflowId;
    emit(KindergartenEvents.RectificationStarted.type, 'rectification-started', null, {
      workflowId: handle.workflowId,
    });
    void handle.result().then(
      (steps) => {
        childResult = steps;
        loop.wake();
      },
      () => {
        // The child was terminated or failed: start it again from the steps this case knows.
        child = null;
        c.rectificationWorkflowId = null;
        loop.wake();
      },
    );
  };
  const finishRectification = (finished: StepSnapshot[]) => {
    // Every step the child finished is done here too, even if its signal was lost.
    for (const s of finished) {
      const mine = c.steps.find((m) => m.key === s.key && m.phase === 'rectifying');
      if (mine && mine.state !== 'done') stepDone(s.key, s.unitCode, null, s.note);
    }
    emit(KindergartenEvents.RectificationCompleted.type, 'rectification-completed', null, {});
    if (c.category === 'inclusive') {
      // 三(三): not recovered, so nothing is handed over; it goes straight to operation.
      c.phase = 'operation';
      c.steps.push(operationDecisionStep(c.deadlines));
    } else {
      c.phase = 'handover';
      c.steps.push(handoverStep(c.category!, c.deadlines));
    }
    emitColour(null);
  };

  await loop.run({
    beforeTurn: upgrade,
    finished: () => c.phase === 'closed',
    turn: rectificationTurn,
    // While the child rectifies, this run waits for its result: no new run until it is done.
    continueAsNewDue: (suggested) => c.phase !== 'rectifying' && suggested,
    wakeAt: (now) => nextWakeAt(state, now),
    onTimer: () => emitColour(null),
    continueAsNew: () => continueAsNew<typeof kindergartenCaseWorkflow>({ resume: state }),
  });
}

export interface RectificationInput {
  caseId: string;
  parentWorkflowId: string;
  steps: StepSnapshot[];
}

/**
 * The rectification of one case by its category (child workflow): each step is done by its
 * bureau through an Update; the case hears of it by signal and keeps deadlines and colours.
 */
export async function kindergartenRectificationWorkflow(input: RectificationInput): Promise<StepSnapshot[]> {
  checkStartInput(RectificationInputSchema, input);
  const steps = input.steps;
  const pending: StepDone[] = [];
  setHandler(rectificationStepsQuery, () => steps);
  setHandler(
    rectificationActionUpdate,
    (command: CaseCommand) => {
      const body = command.body as { step: string; note?: string };
      const at = new Date(Date.now()).toISOString();
      const step = steps.find((s) => s.key === body.step)!;
      markStepDone(steps, step.key, at, command.actor.userId, body.note ?? null);
      const done: StepDone = {
        step: step.key,
        unitCode: step.unitCode,
        at,
        by: command.actor.userId,
        requestId: command.actor.requestId,
        note: body.note ?? null,
      };
      pending.push(done);
      const answer = plainClone(steps);
      // Answered once the case was told, whatever the batching (ANSWER_AFTER_TURN_PATCH).
      if (!patched(ANSWER_AFTER_TURN_PATCH)) return answer;
      return condition(() => !pending.includes(done)).then(() => answer);
    },
    {
      validator: validating(CaseCommandSchema, (command: CaseCommand) =>
        checkRectificationAction(steps, command),
      ),
    },
  );
  const parent = getExternalWorkflowHandle(input.parentWorkflowId);
  for (;;) {
    while (pending.length > 0) {
      await parent.signal(stepDoneSignal, pending[0]!);
      pending.shift();
    }
    if (steps.every((s) => s.state === 'done')) break;
    await condition(() => pending.length > 0);
  }
  await condition(allHandlersFinished);
  while (pending.length > 0) {
    await parent.signal(stepDoneSignal, pending[0]!);
    pending.shift();
  }
  return steps;
}
