import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import type { LandCaseCommand, StartLandCase } from './contracts/index';
import {
  AcceptCompensationCommandSchema,
  ConfirmReclamationCommandSchema,
  LandCaseCommandSchema,
  LandUseEvents,
  RequestOccupationCommandSchema,
  StartLandCaseSchema,
  StartLedgerSchema,
  TransferBodies,
} from './contracts/index';
import {
  ProcessLoop,
  checkStartInput,
  plainClone,
  publishActivities,
  refusing,
  stepEvent,
  validating,
} from '@duban/workflow-core';
import type { LandUseActivities, PendingLandEvent } from './activities';
import {
  applyExposureRule,
  checkCaseAction,
  nextCaseWakeAt,
  newLandCaseState,
  refreshCaseColour,
  type LandCaseState,
} from './case';
import {
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  landCaseActionUpdate,
  landCaseQuery,
  ledgerQuery,
  requestOccupationUpdate,
  suspendedTownsQuery,
  townSuspensionUpdate,
  type AcceptCompensationCommand,
  type ConfirmReclamationCommand,
  type RequestOccupationCommand,
  type TownSuspensionCommand,
} from './definitions';
import {
  acceptCompensation,
  applySuspensionFact,
  checkAcceptCompensation,
  checkConfirmReclamation,
  checkRequestOccupation,
  checkSuspensionFact,
  confirmReclamation,
  newLedgerState,
  nextLedgerWakeAt,
  refreshBalance,
  refreshReclamationColours,
  requestOccupation,
  answerFor,
  rememberAnswer,
  resumeLedgerState,
  suspendedTownsOf,
  type Emit,
  type ResumedLedgerState,
  type StartLedger,
} from './ledger';

const { publishLandEvents } = publishActivities<LandUseActivities>();

/** 二(七) 曝光 as a step of a case: cases started before it keep the flow they were started with. */
export const EXPOSURE_PATCH = 'cl-28-2-7-exposure';

/**
 * The outbox loop of both workflows. Events go out 50 to an activity call: under load every
 * activity round trip costs a workflow task, and a burst (an acceptance serving a queue) is
 * several facts.
 */
const landLoop = (subject: () => string) =>
  new ProcessLoop<PendingLandEvent>(
    (events) => publishLandEvents(workflowInfo().workflowId, subject(), events),
    50,
  );

/**
 * The city's one compensation ledger (二(三) 统筹协调解决全市的耕地占补平衡问题): every debit
 * goes through this entity's Updates, so approvals are serialised without database
 * transactions. Reclamation deadlines of temporary use are its timers.
 */
export async function landLedgerWorkflow(input: StartLedger | { resume: ResumedLedgerState }): Promise<void> {
  checkStartInput(StartLedgerSchema, input);
  const state = 'resume' in input ? resumeLedgerState(input.resume) : newLedgerState(input);
  const loop = landLoop(() => state.settings.ledgerId);
  let changes = 0;

  const emit: Emit = (type, step, actor, extra) => {
    refreshBalance(state);
    state.ledger.version += 1;
    changes += 1;
    loop.push(
      stepEvent(type, step, state.ledger.version, actor, plainClone({ ...extra, ledger: state.ledger })),
    );
  };

  // A request acts once, even when retried after the ledger went on in a new run: its answer is
  // kept by request id, and the retry gets that answer instead of a second debit (or a refusal
  // from the state the first one left).
  // The same request is the same request id with the same body; another body under a reused id
  // is another request.
  const keyOf = (update: string, command: { actor?: Actor; body?: unknown } | undefined) =>
    command?.actor?.requestId ? `${update}:${command.actor.requestId}:${JSON.stringify(command.body)}` : null;
  const answered = (update: string, command: { actor?: Actor; body?: unknown } | undefined) => {
    const key = keyOf(update, command);
    return key ? answerFor(state, key) : null;
  };
  const once =
    <C extends { actor: Actor }, R>(update: string, act: (command: C) => R) =>
    (command: C): R | Promise<R> => {
      const before = answered(update, command);
      if (before) return loop.answer(before.answer as R);
      const answer = act(command);
      const key = keyOf(update, command);
      if (key) rememberAnswer(state, key, answer);
      return loop.answer(answer);
    };
  const unlessAnswered =
    <C extends { actor: Actor }>(update: string, check: (command: C) => unknown) =>
    (command: C) => {
      if (!answered(update, command)) check(command);
    };

  setHandler(ledgerQuery, () => state.ledger);
  setHandler(
    acceptCompensationUpdate,
    once('accept-compensation', (command: AcceptCompensationCommand) => {
      const body = checkAcceptCompensation(state, command.actor, command.body, Date.now());
      // Waiting requests of a suspended town keep waiting: the towns the ledger knows of, and
      // those the caller names.
      const suspended = [...suspendedTownsOf(state), ...(command.suspendedTowns ?? [])];
      acceptCompensation(state, command.actor, body, Date.now(), emit, suspended);
      loop.wake();
      return plainClone(state.ledger);
    }),
    {
      validator: validating(
        AcceptCompensationCommandSchema,
        unlessAnswered('accept-compensation', (command: AcceptCompensationCommand) =>
          checkAcceptCompensation(state, command.actor, command.body, Date.now()),
        ),
      ),
    },
  );
  setHandler(
    requestOccupationUpdate,
    once('request-occupation', (command: RequestOccupationCommand) => {
      const body = checkRequestOccupation(state, command.actor, command.body);
      const occupation = requestOccupation(
        state,
        command.actor,
        body,
        Date.now(),
        emit,
        command.reclamationYears,
      );
      loop.wake();
      return plainClone({ occupation, ledger: state.ledger });
    }),
    {
      validator: validating(
        RequestOccupationCommandSchema,
        unlessAnswered('request-occupation', (command: RequestOccupationCommand) =>
          checkRequestOccupation(state, command.actor, command.body),
        ),
      ),
    },
  );
  // 三(十): the assessment's facts, told by the land-use service; no command, no fact of the ledger.
  setHandler(suspendedTownsQuery, () => suspendedTownsOf(state));
  setHandler(
    townSuspensionUpdate,
    ({ suspension }) => {
      applySuspensionFact(state, suspension);
      return loop.answer(state.suspensions[suspension.townCode] ?? null);
    },
    { validator: refusing((command: TownSuspensionCommand) => checkSuspensionFact(command?.suspension)) },
  );
  setHandler(
    confirmReclamationUpdate,
    once('confirm-reclamation', (command: ConfirmReclamationCommand) => {
      const { occupationId, note } = command.body;
      const occupation = confirmReclamation(
        state,
        command.actor,
        occupationId,
        note ?? null,
        Date.now(),
        emit,
      );
      loop.wake();
      return plainClone(occupation);
    }),
    {
      validator: validating(
        ConfirmReclamationCommandSchema,
        unlessAnswered('confirm-reclamation', (command: ConfirmReclamationCommand) =>
          checkConfirmReclamation(state, command.actor, String(command.body?.occupationId ?? '')),
        ),
      ),
    },
  );

  if (!('resume' in input)) refreshBalance(state);
  // The ledger never closes: it runs on, a new run after every `continueAsNewAfter` changes.
  await loop.run({
    finished: () => false,
    continueAsNewDue: (suggested) => changes >= state.settings.continueAsNewAfter || suggested,
    wakeAt: (now) => nextLedgerWakeAt(state, now),
    onTimer: () => refreshReclamationColours(state, Date.now(), emit),
    continueAsNew: () => continueAsNew<typeof landLedgerWorkflow>({ resume: state }),
  });
}

/**
 * One illegal-occupation case (违法占地, 二(七)): 立案 → 调查取证 → 处罚决定 → 整改复耕 → 结案 within
 * the case's deadline; a major case is listed for supervision (挂牌督办) at once; the case can be
 * transferred to 纪委监委 or 司法机关, a fact other systems consume.
 */
export async function landCaseWorkflow(input: StartLandCase | { resume: LandCaseState }): Promise<void> {
  checkStartInput(StartLandCaseSchema, input);
  const state = 'resume' in input ? input.resume : newLandCaseState(input, Date.now());
  const c = state.case;
  // Decided once, when the case starts: a resumed case carries the answer, and a case started
  // before the patch (its replay, or a run it continued into) keeps the flow it was opened with.
  if (!('resume' in input) && patched(EXPOSURE_PATCH)) applyExposureRule(state);
  const loop = landLoop(() => c.caseId);

  const emit = (type: EventType, step: string, actor: Actor | null, extra: object) => {
    c.version += 1;
    loop.push(stepEvent(type, step, c.version, actor, plainClone({ ...extra, case: c })));
  };
  const emitColour = (actor: Actor | null) => {
    const change = refreshCaseColour(state, Date.now());
    if (change) emit(LandUseEvents.CaseColourChanged.type, 'colour', actor, change);
  };

  if (!('resume' in input)) {
    emit(LandUseEvents.CaseRegistered.type, 'registered', null, {});
    if (c.major)
      emit(LandUseEvents.CaseListedForSupervision.type, 'listed', null, {
        reason: `重大典型违法占地案件挂牌督办：${c.majorReason}（青政办发〔2019〕28号 二(七)）`,
      });
    // A case found long ago is late at once (DESIGN §5): say so as a fact.
    if (c.colour !== 'green')
      emit(LandUseEvents.CaseColourChanged.type, 'colour', null, {
        from: 'green',
        to: c.colour,
        reason:
          c.colour === 'red' ? `立案时已超过办理期限 ${c.deadline}` : `立案时已临近办理期限 ${c.deadline}`,
      });
  }

  setHandler(landCaseQuery, () => c);
  setHandler(
    landCaseActionUpdate,
    (command) => {
      const body = checkCaseAction(state, command);
      const { actor } = command;
      const at = new Date(Date.now()).toISOString();
      // The facts of this action carry the case with its colour after it (a closed case: none).
      const facts: [EventType, string, object][] = [];
      const later = (type: EventType, step: string, extra: object) => facts.push([type, step, extra]);
      if (command.action === 'extend') {
        const change = {
          deadline: String(body.newDeadline),
          previous: c.deadline,
          at,
          reason: String(body.reason),
          by: actor.userId,
        };
        c.deadlineHistory.push(change);
        c.deadline = change.deadline;
        later(LandUseEvents.CaseDeadlineExtended.type, 'extended', {
          newDeadline: change.deadline,
          previous: change.previous,
          reason: change.reason,
        });
      } else if (command.action === 'transfer') {
        const to = body.to as keyof typeof TransferBodies;
        const transfer = {
          body: to,
          bodyName: TransferBodies[to],
          reason: String(body.reason),
          at,
          by: actor.userId,
        };
        c.transfers.push(transfer);
        later(LandUseEvents.CaseTransferred.type, `transfer-${to}`, {
          to,
          bodyName: transfer.bodyName,
          reason: transfer.reason,
        });
      } else if (command.action === 'expose') {
        // 二(七) 并予以曝光: where and what, on the case and as a fact other systems consume.
        c.exposure = { channel: String(body.channel), summary: String(body.summary), at, by: actor.userId };
        later(LandUseEvents.CaseExposed.type, 'exposed', {
          channel: c.exposure.channel,
          summary: c.exposure.summary,
        });
      } else {
        const note = (body.note ?? body.decision ?? null) as string | null;
        const step = (
          { investigate: 'investigated', decide: 'decided', rectify: 'rectified', close: 'closed' } as const
        )[command.action];
        c.step = step;
        c.history.push({ step, at, by: actor.userId, note });
        if (command.action === 'decide') c.decision = String(body.decision);
        if (step === 'closed') c.closedAt = at;
        later(LandUseEvents.CaseStepCompleted.type, `step-${step}`, { step, note });
        if (step === 'closed') later(LandUseEvents.CaseClosed.type, 'closed', {});
      }
      const change = refreshCaseColour(state, Date.now());
      for (const [type, step, extra] of facts) emit(type, step, actor, extra);
      if (change) emit(LandUseEvents.CaseColourChanged.type, 'colour', actor, change);
      loop.wake();
      return loop.answer(plainClone(c));
    },
    {
      validator: validating(LandCaseCommandSchema, (command: LandCaseCommand) =>
        checkCaseAction(state, command),
      ),
    },
  );

  await loop.run({
    finished: () => c.step === 'closed',
    wakeAt: (now) => nextCaseWakeAt(state, now),
    onTimer: () => emitColour(null),
    continueAsNew: () => continueAsNew<typeof landCaseWorkflow>({ resume: state }),
  });
}
