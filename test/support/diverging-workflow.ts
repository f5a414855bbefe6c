// A workflow that does not replay, for the workflow doctor's test: run live it starts a timer;
// replayed (a worker that caches nothing replays every task) it schedules an activity first, and
// core fails the task with "[TMPRL1100] … HistoryEvent(id: 5, TimerStarted)".
import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';

const { neverRuns } = proxyActivities<{ neverRuns(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

export async function divergesOnReplay(): Promise<void> {
  if (workflowInfo().unsafe.isReplaying) void neverRuns();
  await sleep('2 seconds');
  await sleep('1 hour');
}
