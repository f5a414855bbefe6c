import { continueAsNew, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  ActionCommandSchema,
  ReviseCommandSchema,
  StartItemSchema,
  SupervisionEvents,
  isLifecycleAction,
  milestoneScope,
  type ActionCommand,
  type ReviseCommand,
  type StartItem,
} from './contracts/index';
import {
  ProcessLoop,
  checkStartInput,
  plainClone,
  publishActivities,
  stepEvent,
  validating,
} from '@duban/workflow-core';
import type { SupervisionActivities } from './activities';
import { applyAction, checkAction } from './actions';
import {
  ITEM_LIFECYCLE_PATCH,
  ITEM_MILESTONES_PATCH,
  ITEM_REVISION_MILESTONES_PATCH,
  ITEM_REVISION_PATCH,
  itemActionUpdate,
  itemRevisionUpdate,
  itemSnapshotQuery,
} from './definitions';
import { applyRevision, checkRevision } from './revision';
import { nextUrgeWakeAt, urgesTurningRed } from './lifecycle';
import {
  dueForEscalation,
  newItemState,
  nextWakeAt,
  refreshColours,
  type ItemState,
  type PendingEvent,
} from './item';

const { publishItemEvent } = publishActivities<SupervisionActivities>();

/**
 * One supervision item (督办事项) from assignment to 销号. Deadlines and report days are timers;
 * bureau, inspector and leader actions are Updates; every fact is published in order.
 */
export async function supervisionItemWorkflow(input: StartItem | { resume: ItemState }): Promise<void> {
  checkStartInput(StartItemSchema, input);
  const state: ItemState =
    'resume' in input ? input.resume : newItemState(withMilestonesGuarded(input), Date.now());
  // A resumed item with milestones marks its new run too (the run before it was marked at start).
  if ('resume' in input && input.resume.item.milestones?.length) patched(ITEM_MILESTONES_PATCH);
  // issue 23: a resumed item that was urged keeps its urges' timers; mark its new run too.
  if ('resume' in input && input.resume.item.urges?.length) patched(ITEM_LIFECYCLE_PATCH);
  const loop = new ProcessLoop<PendingEvent>(([event]) =>
    publishItemEvent(workflowInfo().workflowId, event!),
  );

  const emit = (
    type: PendingEvent['type'],
    step: string,
    actor: ActionCommand['actor'] | null,
    extra: object,
  ) => {
    state.item.version += 1;
    loop.push(stepEvent(type, step, state.item.version, actor, { ...extra, item: plainClone(state.item) }));
  };

  const emitColourChanges = (actor: ActionCommand['actor'] | null) => {
    for (const change of refreshColours(state, Date.now())) {
      emit(SupervisionEvents.ColourChanged.type, `colour-${change.scope}`, actor, change);
    }
    const redDays = dueForEscalation(state, Date.now());
    if (redDays !== null) {
      state.escalatedRedSince = state.item.redSince;
      emit(SupervisionEvents.OverdueEscalated.type, 'escalated', null, { redDays });
    }
    // issue 23: an urge whose reply day passed unanswered turns red (only urged items have any).
    for (const urge of urgesTurningRed(state, Date.now())) {
      emit(SupervisionEvents.UrgeOverdue.type, `urge-${urge.no}-overdue`, null, {
        urge: urge.no,
        unitCode: urge.unitCode,
        replyBy: urge.replyBy,
      });
    }
  };

  if (!('resume' in input)) {
    emit(SupervisionEvents.ItemAssigned.type, 'assigned', null, {});
    // An item whose deadline already passed is red at once (DESIGN §5): say so as a fact.
    if (state.item.overallColour !== 'green') {
      for (const [scope, colour] of [
        ['item', state.item.colour] as const,
        ...(state.item.milestones ?? []).map((m) => [milestoneScope(m.key), m.colour] as const),
        ...state.item.subTasks.map((s) => [s.unitCode, s.colour] as const),
      ]) {
        if (colour !== 'green') {
          emit(SupervisionEvents.ColourChanged.type, `colour-${scope}`, null, {
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
      if (command.action === 'complete-milestone') patched(ITEM_MILESTONES_PATCH);
      if (isLifecycleAction(command.action)) patched(ITEM_LIFECYCLE_PATCH);
      const applied = applyAction(state, command, Date.now());
      emit(applied.type, applied.step, command.actor, applied.extra);
      emitColourChanges(command.actor);
      loop.wake();
      return loop.answer(plainClone(state.item));
    },
    { validator: validating(ActionCommandSchema, (command: ActionCommand) => checkAction(state, command)) },
  );
  // Added with issue 13. Registering a handler issues no command, and histories recorded before it
  // never hold this Update, so they replay unchanged; the marker tells later code which ran it.
  setHandler(
    itemRevisionUpdate,
    (command) => {
      patched(ITEM_REVISION_PATCH);
      const applied = applyRevision(state, withRevisedMilestonesGuarded(command), Date.now());
      emit(applied.type, applied.step, command.actor, applied.extra);
      emitColourChanges(command.actor);
      loop.wake();
      return loop.answer(plainClone(state.item));
    },
    { validator: validating(ReviseCommandSchema, (command: ReviseCommand) => checkRevision(state, command)) },
  );

  await loop.run({
    finished: () => state.item.state === 'closed',
    wakeAt: (now) => earliest(nextWakeAt(state, now), nextUrgeWakeAt(state, now)),
    onTimer: () => emitColourChanges(null),
    continueAsNew: () => continueAsNew<typeof supervisionItemWorkflow>({ resume: state }),
  });
}

/**
 * Milestones (a clause with several dates) came with issue 14. A history written before them never
 * holds the marker: its item, whatever its input, runs as it did then (one date). Every milestone
 * colour change, timer and completion follows from the milestones kept here.
 */
function withMilestonesGuarded(input: StartItem): StartItem {
  if (!input.milestones?.length || patched(ITEM_MILESTONES_PATCH)) return input;
  const { milestones: _dropped, ...before } = input;
  return before;
}

/**
 * A revision carrying the revised notice's milestone dates came with issue 14's leftovers. Only a
 * revision that carries them asks for the marker (those before never did, so their histories
 * replay); one that carries none keeps the rule before it: the milestone that was the deadline
 * follows the new deadline.
 */
function withRevisedMilestonesGuarded(command: ReviseCommand): ReviseCommand {
  const { body } = command;
  if (body.change !== 'revised' || body.milestones === undefined) return command;
  if (patched(ITEM_REVISION_MILESTONES_PATCH)) return command;
  const { milestones: _dropped, ...before } = body;
  return { ...command, body: before };
}

/** The sooner of two wake instants (null: none). */
function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

// 归档 runs after the item's workflow ended: a workflow of its own on the same worker.
export { supervisionArchiveWorkflow } from './archive';
