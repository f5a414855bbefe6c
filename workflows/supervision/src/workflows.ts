import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ActionCommand, EventData, EventType, StartItem } from '@duban/contracts';
import type { SupervisionActivities } from './activities';
import { ActionRefusedError, applyAction, checkAction } from './actions';
import { itemActionUpdate, itemSnapshotQuery } from './definitions';
import {
  dueForEscalation,
  newItemState,
  nextWakeAt,
  refreshColours,
  type ItemState,
  type PendingEvent,
} from './item';

const { publishItemEvent } = proxyActivities<SupervisionActivities>({
  // A publish takes milliseconds: if the worker holding it dies, retry after 10 s, not 30 s.
  // No eager dispatch: an activity handed straight back to a worker that is shutting down
  // would wait for that timeout instead of going to the next worker.
  startToCloseTimeout: '10 seconds',
  allowEagerDispatch: false,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One supervision item (督办事项) from assignment to 销号. Deadlines and report days are timers;
 * bureau, inspector and leader actions are Updates; every fact is published in order.
 */
export async function supervisionItemWorkflow(input: StartItem | { resume: ItemState }): Promise<void> {
  const state: ItemState = 'resume' in input ? input.resume : newItemState(input, Date.now());
  const outbox: PendingEvent[] = [];
  let woken = false;

  const emit = <T extends EventType>(
    type: T,
    step: string,
    actor: ActionCommand['actor'] | null,
    extra: object,
  ) => {
    state.item.version += 1;
    outbox.push({
      type,
      step,
      version: state.item.version,
      time: new Date(Date.now()).toISOString(),
      actor,
      data: { ...extra, item: cloneItem(state.item) } as unknown as EventData<T>,
    });
  };

  const emitColourChanges = (actor: ActionCommand['actor'] | null) => {
    for (const change of refreshColours(state, Date.now())) {
      emit('cn.gov.qtx.duban.supervision.colour_changed.v1', `colour-${change.scope}`, actor, change);
    }
    const redDays = dueForEscalation(state, Date.now());
    if (redDays !== null) {
      state.escalatedRedSince = state.item.redSince;
      emit('cn.gov.qtx.duban.supervision.overdue_escalated.v1', 'escalated', null, { redDays });
    }
  };

  if (!('resume' in input)) {
    emit('cn.gov.qtx.duban.supervision.item_assigned.v1', 'assigned', null, {});
    // An item whose deadline already passed is red at once (DESIGN §5): say so as a fact.
    if (state.item.overallColour !== 'green') {
      for (const [scope, colour] of [
        ['item', state.item.colour] as const,
        ...state.item.subTasks.map((s) => [s.unitCode, s.colour] as const),
      ]) {
        if (colour !== 'green') {
          emit('cn.gov.qtx.duban.supervision.colour_changed.v1', `colour-${scope}`, null, {
            scope,
            from: 'green',
            to: colour,
            reason: colour === 'red' ? '导入时已超过办理期限' : '导入时已临近办理期限',
          });
        }
      }
    }
    emitColourChanges(null);
  }

  setHandler(itemSnapshotQuery, () => state.item);
  setHandler(
    itemActionUpdate,
    (command) => {
      const applied = applyAction(state, command, Date.now());
      emit(applied.type, applied.step, command.actor, applied.extra);
      emitColourChanges(command.actor);
      woken = true;
      return cloneItem(state.item);
    },
    {
      validator: (command) => {
        try {
          checkAction(state, command);
        } catch (error) {
          if (error instanceof ActionRefusedError) {
            throw ApplicationFailure.create({
              type: 'ActionRefused',
              message: error.message,
              nonRetryable: true,
            });
          }
          throw error;
        }
      },
    },
  );

  for (;;) {
    while (outbox.length > 0) {
      await publishItemEvent(workflowInfo().workflowId, outbox[0]!);
      outbox.shift();
    }
    if (state.item.state === 'closed') break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (outbox.length === 0) await continueAsNew<typeof supervisionItemWorkflow>({ resume: state });
      continue;
    }
    const wakeAt = nextWakeAt(state, Date.now());
    woken = false;
    const timedOut = !(await (wakeAt === null
      ? condition(() => woken || outbox.length > 0)
      : condition(() => woken || outbox.length > 0, Math.max(1, wakeAt - Date.now()))));
    if (timedOut) emitColourChanges(null);
  }
  await condition(allHandlersFinished);
  while (outbox.length > 0) {
    await publishItemEvent(workflowInfo().workflowId, outbox[0]!);
    outbox.shift();
  }
}

// structuredClone is not available in every workflow sandbox; the snapshot is plain JSON anyway.
function cloneItem<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
