// Finding workflows whose workflow task fails on every attempt, and resetting or terminating them.
import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { remedyOf, type Remedy } from './history';

const RESET_REAPPLY_ALL_ELIGIBLE = 3;

/** A running workflow whose workflow task fails on every attempt. */
export interface StuckWorkflow {
  workflowId: string;
  runId: string;
  type: string;
  /** The attempt the server is on (2 and more: it failed before). */
  attempt: number;
  /** What the worker threw, as the failed task recorded it. */
  reason: string;
  failedAt: string | null;
  remedy: Remedy;
}

export type RepairOutcome =
  | { workflowId: string; done: 'reset'; newRunId: string; running: 'yes' | 'no-worker' | 'still-failing' }
  | { workflowId: string; done: 'terminated' };

/** Running workflows whose pending workflow task is on its second attempt or later. */
export async function findStuckWorkflows(
  client: Client,
  query = "ExecutionStatus = 'Running'",
): Promise<StuckWorkflow[]> {
  const stuck: StuckWorkflow[] = [];
  for await (const info of client.workflow.list({ query })) {
    const handle = client.workflow.getHandle(info.workflowId, info.runId);
    const description = await handle.describe();
    const attempt = description.raw.pendingWorkflowTask?.attempt ?? 0;
    if (description.status.name !== 'RUNNING' || attempt < 2) continue;
    const { remedy, reason, failedAt } = remedyOf((await handle.fetchHistory()).events ?? []);
    const firstScheduled = description.raw.pendingWorkflowTask?.originalScheduledTime?.seconds;
    stuck.push({
      workflowId: info.workflowId,
      runId: info.runId,
      type: info.type,
      attempt,
      reason,
      failedAt: failedAt ?? (firstScheduled ? new Date(Number(firstScheduled) * 1000).toISOString() : null),
      remedy,
    });
  }
  return stuck;
}

/** After a reset: running again, waiting for a worker, or failing again (then not for this tool). */
async function runningAfterReset(
  handle: WorkflowHandle,
  waitMs: number,
): Promise<'yes' | 'no-worker' | 'still-failing'> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const pending = (await handle.describe()).raw.pendingWorkflowTask;
    if (!pending) return 'yes';
    if ((pending.attempt ?? 1) > 1) return 'still-failing';
    if (Date.now() > deadline) return 'no-worker';
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resets a workflow to the task its remedy names, applying again what came after; or terminates. */
export async function repairWorkflow(
  client: Client,
  stuck: Pick<StuckWorkflow, 'workflowId' | 'runId' | 'reason' | 'remedy'>,
  options: { waitMs?: number; by?: string } = {},
): Promise<RepairOutcome> {
  const by = options.by ?? 'duban workflows repair';
  if (stuck.remedy.kind === 'terminate') {
    await client.workflow.getHandle(stuck.workflowId, stuck.runId).terminate(`${by}：${stuck.remedy.why}`);
    return { workflowId: stuck.workflowId, done: 'terminated' };
  }
  const reset = (await client.workflowService.resetWorkflowExecution({
    namespace: client.options.namespace,
    workflowExecution: { workflowId: stuck.workflowId, runId: stuck.runId },
    reason: `${by}：工作流任务反复失败（${stuck.reason.slice(0, 200)}）`,
    // An int64 in the protocol; protobufjs takes a number.
    workflowTaskFinishEventId: stuck.remedy.toEventId as never,
    requestId: randomUUID(),
    resetReapplyType: RESET_REAPPLY_ALL_ELIGIBLE,
  })) as { runId?: string | null };
  const newRunId = reset.runId ?? '';
  const running = await runningAfterReset(
    client.workflow.getHandle(stuck.workflowId, newRunId),
    options.waitMs ?? 10_000,
  );
  return { workflowId: stuck.workflowId, done: 'reset', newRunId, running };
}
