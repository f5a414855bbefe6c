import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor, EventData, EventType, LandCaseCommand, StartLandCase } from '@duban/contracts';
import { TransferBodies } from '@duban/contracts';
import type { LandUseActivities, PendingLandEvent } from './activities';
import {
  CaseActionRefusedError,
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
  type AcceptCompensationCommand,
  type ConfirmReclamationCommand,
  type RequestOccupationCommand,
} from './definitions';
import {
  LedgerCommandRefusedError,
  acceptCompensation,
  checkAcceptCompensation,
  checkConfirmReclamation,
  checkRequestOccupation,
  confirmReclamation,
  newLedgerState,
  nextLedgerWakeAt,
  refreshBalance,
  refreshReclamationColours,
  requestOccupation,
  type Emit,
  type LedgerState,
  type StartLedger,
} from './ledger';

const { publishLandEvents } = proxyActivities<LandUseActivities>({
  startToCloseTimeout: '10 seconds',
  allowEagerDispatch: false,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const refusal = (error: unknown) =>
  error instanceof LedgerCommandRefusedError || error instanceof CaseActionRefusedError
    ? ApplicationFailure.create({ type: 'ActionRefused', message: error.message, nonRetryable: true })
    : error;
const validated =
  <A extends unknown[]>(check: (...args: A) => unknown) =>
  (...args: A) => {
    try {
      check(...args);
    } catch (error) {
      throw refusal(error);
    }
  };

/** The publishing loop shared by both workflows: the outbox drains in order. */
function outboxOf(subject: () => string) {
  const outbox: PendingLandEvent[] = [];
  return {
    outbox,
    async flush() {
      while (outbox.length > 0) {
        const batch = outbox.slice(0, 50);
        await publishLandEvents(workflowInfo().workflowId, subject(), batch);
        outbox.splice(0, batch.length);
      }
    },
  };
}

/**
 * The city's one compensation ledger (二(三) 统筹协调解决全市的耕地占补平衡问题): every debit
 * goes through this entity's Updates, so approvals are serialised without database
 * transactions. Reclamation deadlines of temporary use are its timers.
 */
export async function landLedgerWorkflow(input: StartLedger | { resume: LedgerState }): Promise<void> {
  const state = 'resume' in input ? input.resume : newLedgerState(input);
  const { outbox, flush } = outboxOf(() => state.settings.ledgerId);
  let changes = 0;
  let woken = false;

  const emit: Emit = (type, step, actor, extra) => {
    refreshBalance(state);
    state.ledger.version += 1;
    changes += 1;
    outbox.push({
      type,
      step,
      version: state.ledger.version,
      time: new Date(Date.now()).toISOString(),
      actor,
      data: clone({ ...extra, ledger: state.ledger }) as unknown as EventData<EventType>,
    });
  };

  setHandler(ledgerQuery, () => state.ledger);
  setHandler(
    acceptCompensationUpdate,
    (command) => {
      const body = checkAcceptCompensation(state, command.actor, command.body, Date.now());
      acceptCompensation(state, command.actor, body, Date.now(), emit, command.suspendedTowns ?? []);
      woken = true;
      return clone(state.ledger);
    },
    {
      validator: validated((command: AcceptCompensationCommand) =>
        checkAcceptCompensation(state, command.actor, command.body, Date.now()),
      ),
    },
  );
  setHandler(
    requestOccupationUpdate,
    (command) => {
      const body = checkRequestOccupation(state, command.actor, command.body);
      const occupation = requestOccupation(state, command.actor, body, Date.now(), emit);
      woken = true;
      return clone({ occupation, ledger: state.ledger });
    },
    {
      validator: validated((command: RequestOccupationCommand) =>
        checkRequestOccupation(state, command.actor, command.body),
      ),
    },
  );
  setHandler(
    confirmReclamationUpdate,
    (command) => {
      const { occupationId, note } = command.body;
      const occupation = confirmReclamation(
        state,
        command.actor,
        occupationId,
        note ?? null,
        Date.now(),
        emit,
      );
      woken = true;
      return clone(occupation);
    },
    {
      validator: validated((command: ConfirmReclamationCommand) =>
        checkConfirmReclamation(state, command.actor, String(command.body?.occupationId ?? '')),
      ),
    },
  );

  if (!('resume' in input)) refreshBalance(state);
  for (;;) {
    await flush();
    if (changes >= state.settings.continueAsNewAfter || workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) await continueAsNew<typeof landLedgerWorkflow>({ resume: state });
      continue;
    }
    const wakeAt = nextLedgerWakeAt(state, Date.now());
    woken = false;
    const timedOut = !(await (wakeAt === null
      ? condition(() => woken || outbox.length > 0)
      : condition(() => woken || outbox.length > 0, Math.max(1, wakeAt - Date.now()))));
    if (timedOut) refreshReclamationColours(state, Date.now(), emit);
  }
}

/**
 * One illegal-occupation case (违法占地, 二(七)): 立案 → 调查取证 → 处罚决定 → 整改复耕 → 结案 within
 * the case's deadline; a major case is listed for supervision (挂牌督办) at once; the case can be
 * transferred to 纪委监委 or 司法机关, a fact other systems consume.
 */
export async function landCaseWorkflow(input: StartLandCase | { resume: LandCaseState }): Promise<void> {
  const state = 'resume' in input ? input.resume : newLandCaseState(input, Date.now());
  const c = state.case;
  const { outbox, flush } = outboxOf(() => c.caseId);
  let woken = false;

  const emit = <T extends EventType>(type: T, step: string, actor: Actor | null, extra: object) => {
    c.version += 1;
    outbox.push({
      type,
      step,
      version: c.version,
      time: new Date(Date.now()).toISOString(),
      actor,
      data: clone({ ...extra, case: c }) as unknown as EventData<T>,
    });
  };
  const emitColour = (actor: Actor | null) => {
    const change = refreshCaseColour(state, Date.now());
    if (change) emit('cn.gov.qtx.duban.landuse.case_colour_changed.v1', 'colour', actor, change);
  };

  if (!('resume' in input)) {
    emit('cn.gov.qtx.duban.landuse.case_registered.v1', 'registered', null, {});
    if (c.major)
      emit('cn.gov.qtx.duban.landuse.case_listed_for_supervision.v1', 'listed', null, {
        reason: `重大典型违法占地案件挂牌督办：${c.majorReason}（青政办发〔2019〕28号 二(七)）`,
      });
    // A case found long ago is late at once (DESIGN §5): say so as a fact.
    if (c.colour !== 'green')
      emit('cn.gov.qtx.duban.landuse.case_colour_changed.v1', 'colour', null, {
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
        later('cn.gov.qtx.duban.landuse.case_deadline_extended.v1', 'extended', {
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
        later('cn.gov.qtx.duban.landuse.case_transferred.v1', `transfer-${to}`, {
          to,
          bodyName: transfer.bodyName,
          reason: transfer.reason,
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
        later('cn.gov.qtx.duban.landuse.case_step_completed.v1', `step-${step}`, { step, note });
        if (step === 'closed') later('cn.gov.qtx.duban.landuse.case_closed.v1', 'closed', {});
      }
      const change = refreshCaseColour(state, Date.now());
      for (const [type, step, extra] of facts) emit(type, step, actor, extra);
      if (change) emit('cn.gov.qtx.duban.landuse.case_colour_changed.v1', 'colour', actor, change);
      woken = true;
      return clone(c);
    },
    { validator: validated((command: LandCaseCommand) => checkCaseAction(state, command)) },
  );

  for (;;) {
    await flush();
    if (c.step === 'closed') break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) await continueAsNew<typeof landCaseWorkflow>({ resume: state });
      continue;
    }
    const wakeAt = nextCaseWakeAt(state, Date.now());
    woken = false;
    const timedOut = !(await (wakeAt === null
      ? condition(() => woken || outbox.length > 0)
      : condition(() => woken || outbox.length > 0, Math.max(1, wakeAt - Date.now()))));
    if (timedOut) emitColour(null);
  }
  await condition(allHandlersFinished);
  await flush();
}

// structuredClone is not available in every workflow sandbox; the state is plain JSON anyway.
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
