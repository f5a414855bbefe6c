import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor, EventType } from '@duban/contracts';
import * as core from '@duban/workflow-core';
import type { LandTransferActivities, PendingTransferEvent } from './activities';
import {
  applyAction,
  checkAction,
  newApplicationState,
  nextWakeAt,
  onTime,
  type ApplicationState,
  type Fact,
} from './application';
import {
  LandTransferEvents,
  StartApplicationSchema,
  TransferCommandSchema,
  type StartApplication,
  type TransferCommand,
} from './contracts/index';
import { applicationQuery, transferActionUpdate } from './definitions';

const { publishTransferEvents } = core.publishActivities<LandTransferActivities>();

/**
 * One application to lease villagers' land (青政发〔2019〕34号 第三十五条): the villagers' meeting,
 * review by tier, decision, contract, filing, rent and deposit, then six-monthly reports until the
 * term ends, or a 第四十九条 event draws the deposit.
 */
export async function landTransferWorkflow(
  input: StartApplication | { resume: ApplicationState },
): Promise<void> {
  core.checkStartInput(StartApplicationSchema, input);
  const state = 'resume' in input ? input.resume : newApplicationState(input, Date.now());
  // 第三十九条 as a deadline: new applications only (recorded histories replay as they ran).
  if (!('resume' in input) && patched('lt-yearly-supervision')) state.yearlySupervision = true;
  const app = state.app;
  const loop = new core.ProcessLoop<PendingTransferEvent>(
    (events) => publishTransferEvents(workflowInfo().workflowId, app.applicationId, events),
    20,
  );
  const emit = (facts: Fact[], actor: Actor | null) => {
    for (const [type, step, extra] of facts) {
      app.version += 1;
      loop.push(
        core.stepEvent(
          type as EventType,
          step,
          app.version,
          actor,
          core.plainClone({ ...extra, application: app }),
        ),
      );
    }
  };

  if (!('resume' in input)) emit([[LandTransferEvents.ApplicationFiled.type, 'filed', {}]], null);

  setHandler(applicationQuery, () => app);
  setHandler(
    transferActionUpdate,
    (command) => {
      const facts = applyAction(state, command, Date.now());
      emit([...facts, ...onTime(state, Date.now())], command.actor);
      loop.wake();
      return loop.answer(core.plainClone(app));
    },
    {
      validator: core.validating(TransferCommandSchema, (command: TransferCommand) =>
        checkAction(state, command),
      ),
    },
  );

  await loop.run({
    finished: () => app.stage === 'closed',
    wakeAt: (now) => nextWakeAt(state, now),
    onTimer: () => emit(onTime(state, Date.now()), null),
    continueAsNew: () => continueAsNew<typeof landTransferWorkflow>({ resume: state }),
  });
}
