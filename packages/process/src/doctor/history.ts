// Reading a workflow's history for what made its workflow task fail, and where a reset must go.
// Shared by the operator's `duban workflows repair` and the system's own doctor (doctor.ts).
import type { WorkflowHandle } from '@temporalio/client';

// temporal.api.enums.v1 values, as the client takes them (the names are not exported by it).
export const EventType = {
  workflowTaskScheduled: 5,
  workflowTaskStarted: 6,
  workflowTaskCompleted: 7,
  workflowTaskTimedOut: 8,
  workflowTaskFailed: 9,
  signaled: 26,
  updateAccepted: 41,
  updateAdmitted: 47,
} as const;

// What a reset with "all eligible" applies again after its point.
const REAPPLIED = [EventType.signaled, EventType.updateAccepted, EventType.updateAdmitted] as const;

export type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
export type HistoryEvent = NonNullable<History['events']>[number];

/** How a stuck workflow is repaired. */
export type Remedy =
  { kind: 'reset'; toEventId: number; reapplied: number } | { kind: 'terminate'; why: string };

const eventId = (e: HistoryEvent) => Number(e.eventId);
const typeOf = (e: HistoryEvent) => Number(e.eventType);

/**
 * The event a replay could not match, as core names it: "[TMPRL1100] Nondeterminism error: …
 * HistoryEvent(id: N, …)". Null for any other failure.
 */
export function mismatchedEventId(failureMessage: string): number | null {
  const mismatch = /TMPRL1100[^]*?HistoryEvent\(id: (\d+)/u.exec(failureMessage);
  return mismatch ? Number(mismatch[1]) : null;
}

/**
 * The remedy read from the history. What fails the task is its input: most often an Update that
 * was never accepted (it arrived to an idle workflow in a task of its own, which the server does
 * not write to history when it fails, and hands back with every retry). Reset to the last workflow
 * task that completed: the new run keeps the history up to it and the signals and Updates recorded
 * after it are applied again (all eligible events), so no accepted action is lost; the poisoning
 * Update, never recorded, is not among them and is gone (its caller had no answer and was told the
 * action may not have happened). A workflow whose first task never completed never ran its start
 * input: it is terminated (nothing of it was published); correct the input and start it again.
 */
export function remedyOf(
  events: readonly HistoryEvent[],
  failureMessage?: string,
): { remedy: Remedy; reason: string; failedAt: string | null } {
  const failed = [...events].reverse().find((e) => typeOf(e) === EventType.workflowTaskFailed);
  const failure = failed?.workflowTaskFailedEventAttributes?.failure;
  // A task of an Update never accepted leaves no failure in history: its error is in the worker's
  // log ("Failing workflow task").
  const reason =
    failureMessage ??
    failure?.message ??
    '引发失败的是一个未受理的操作，失败未写入历史；错误详情见工作进程日志（Failing workflow task）';
  const failedAt = failed?.eventTime?.seconds
    ? new Date(Number(failed.eventTime.seconds) * 1000).toISOString()
    : null;
  // A replay that cannot match its history fails on an event written by an earlier task: reset to
  // before it, or the new run keeps the event and fails the same way.
  const mismatch = mismatchedEventId(reason);
  const before = mismatch ?? (failed ? eventId(failed) : Infinity);
  const completed = events.filter(
    (e) => typeOf(e) === EventType.workflowTaskCompleted && eventId(e) < before,
  );
  const last = completed.at(-1);
  if (!last)
    return {
      remedy: { kind: 'terminate', why: `启动后第一个工作流任务即失败，启动参数无法执行：${reason}` },
      reason,
      failedAt,
    };
  const toEventId = eventId(last);
  const reapplied = events.filter(
    (e) => eventId(e) > toEventId && (REAPPLIED as readonly number[]).includes(typeOf(e)),
  ).length;
  return { remedy: { kind: 'reset', toEventId, reapplied }, reason, failedAt };
}

/**
 * The one replay failure the system repairs on its own: Temporal core splits a workflow task in
 * two activations while it runs and merges them when it replays, when that task came after one
 * that timed out and carried an Update beside another result (workflows/kindergarten/evidence,
 * upstream temporalio/sdk-rust #943, #961, #1146). Its shape in history: the event the replay
 * cannot match was written by a completed task whose own batch holds an accepted Update, and a
 * workflow task timed out since the task before that one. The workflow code is sound (the history
 * replays up to that task), so resetting to it loses nothing. Any other nondeterminism, a code
 * change that does not replay for one, is left to an operator: resetting it would run new code
 * over old facts without anyone deciding so.
 */
export function isTimedOutTaskSplit(events: readonly HistoryEvent[], failingEventId: number): boolean {
  const completedIds = events.filter((e) => typeOf(e) === EventType.workflowTaskCompleted).map(eventId);
  const writer = completedIds.filter((id) => id < failingEventId).at(-1);
  if (writer === undefined) return false;
  const previous = completedIds.filter((id) => id < writer).at(-1) ?? 0;
  const nextTask = events.find(
    (e) =>
      eventId(e) > writer &&
      (typeOf(e) === EventType.workflowTaskScheduled || typeOf(e) === EventType.workflowTaskStarted),
  );
  const batchEnd = nextTask ? eventId(nextTask) : Infinity;
  if (failingEventId >= batchEnd) return false;
  const inBatch = events.filter((e) => eventId(e) > writer && eventId(e) < batchEnd);
  const sincePrevious = events.filter((e) => eventId(e) > previous && eventId(e) < writer);
  return (
    inBatch.some((e) => typeOf(e) === EventType.updateAccepted) &&
    sincePrevious.some((e) => typeOf(e) === EventType.workflowTaskTimedOut)
  );
}
