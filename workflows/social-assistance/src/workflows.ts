import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import * as core from '@duban/workflow-core';
import type { PendingSocialEvent, SocialAssistanceActivities } from './activities';
import {
  CaseCommandSchema,
  PurchaseCommandSchema,
  SocialAssistanceEvents,
  StartHouseholdCaseSchema,
  StartPurchaseSchema,
  type CaseCommand,
  type PurchaseCommand,
  type StartHouseholdCase,
  type StartPurchase,
} from './contracts/index';
import { caseActionUpdate, caseQuery, purchaseActionUpdate, purchaseQuery } from './definitions';
import {
  applyCaseAction,
  checkCaseAction,
  newCaseState,
  nextCaseWakeAt,
  onCaseTime,
  type CaseState,
} from './household';
import {
  applyPurchaseAction,
  checkPurchaseAction,
  newPurchaseState,
  nextPurchaseWakeAt,
  onPurchaseTime,
  type Fact,
  type PurchaseState,
} from './purchase';

const { publishSocialEvents } = core.publishActivities<SocialAssistanceActivities>();

/** The outbox of one workflow: each fact carries the thing after it under `key`. */
function outbox(id: string, thing: { version: number }, key: 'purchase' | 'case') {
  const loop = new core.ProcessLoop<PendingSocialEvent>(
    (events) => publishSocialEvents(workflowInfo().workflowId, id, events),
    20,
  );
  const emit = (facts: Fact[], actor: Actor | null) => {
    for (const [type, step, extra] of facts) {
      thing.version += 1;
      loop.push(
        core.stepEvent(
          type as EventType,
          step,
          thing.version,
          actor,
          core.plainClone({ ...extra, [key]: thing }),
        ),
      );
    }
  };
  return { loop, emit };
}

/** The last payment's colour settles when it ends the purchase (recorded histories before it: not). */
const settlesAtEnd = () => patched('sa-colours-settle-at-end');

/**
 * One purchase of social-assistance service (青政办发〔2019〕39号): the plan of 六 from application to
 * dispatch, then three service years, each with its payments of 六(四) and evaluations of 七(三).
 */
export async function socialAssistancePurchaseWorkflow(
  input: StartPurchase | { resume: PurchaseState },
): Promise<void> {
  core.checkStartInput(StartPurchaseSchema, input);
  const state = 'resume' in input ? input.resume : newPurchaseState(input, Date.now());
  const { loop, emit } = outbox(state.p.purchaseId, state.p, 'purchase');
  if (!('resume' in input))
    emit(
      [
        [SocialAssistanceEvents.PurchaseOpened.type, 'opened', {}],
        ...onPurchaseTime(state, Date.now(), settlesAtEnd),
      ],
      null,
    );

  setHandler(purchaseQuery, () => state.p);
  setHandler(
    purchaseActionUpdate,
    (command) => {
      const facts = applyPurchaseAction(state, command, Date.now());
      emit([...facts, ...onPurchaseTime(state, Date.now(), settlesAtEnd)], command.actor);
      loop.wake();
      return loop.answer(core.plainClone(state.p));
    },
    {
      validator: core.validating(PurchaseCommandSchema, (command: PurchaseCommand) =>
        checkPurchaseAction(state, command),
      ),
    },
  );

  await loop.run({
    finished: () => state.p.stage === 'ended',
    wakeAt: (now) => nextPurchaseWakeAt(state, now),
    onTimer: () => emit(onPurchaseTime(state, Date.now(), settlesAtEnd), null),
    continueAsNew: () => continueAsNew<typeof socialAssistancePurchaseWorkflow>({ resume: state }),
  });
}

/** One household's application taken by an officer (五(五)2), to the town's decision. */
export async function householdCaseWorkflow(
  input: StartHouseholdCase | { resume: CaseState },
): Promise<void> {
  core.checkStartInput(StartHouseholdCaseSchema, input);
  const state = 'resume' in input ? input.resume : newCaseState(input, Date.now());
  const { loop, emit } = outbox(state.c.caseId, state.c, 'case');
  if (!('resume' in input))
    emit(
      [[SocialAssistanceEvents.CaseTaken.type, 'taken', {}], ...onCaseTime(state, Date.now(), false)],
      null,
    );

  setHandler(caseQuery, () => state.c);
  setHandler(
    caseActionUpdate,
    (command) => {
      const facts = applyCaseAction(state, command, Date.now());
      emit([...facts, ...onCaseTime(state, Date.now(), true)], command.actor);
      loop.wake();
      return loop.answer(core.plainClone(state.c));
    },
    {
      validator: core.validating(CaseCommandSchema, (command: CaseCommand) =>
        checkCaseAction(state, command),
      ),
    },
  );

  await loop.run({
    finished: () => state.c.step === null,
    wakeAt: (now) => nextCaseWakeAt(state, now),
    onTimer: () => emit(onCaseTime(state, Date.now(), false), null),
    continueAsNew: () => continueAsNew<typeof householdCaseWorkflow>({ resume: state }),
  });
}
