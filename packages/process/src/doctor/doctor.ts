// The workflow doctor (工作流自检): watches this process's workers for workflow tasks that fail
// because a replay cannot match its history, and repairs on its own the one such failure known to
// come from Temporal core and not from our code (isTimedOutTaskSplit). Every case it sees is
// recorded in `workflow_repairs`, repaired or left to an operator (`duban workflows repair`), with
// who acted: the doctor, never silently. Cheap at any scale: it acts on what the workers report,
// never by describing every running workflow.
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { isTimedOutTaskSplit, mismatchedEventId, remedyOf, type HistoryEvent } from './history';
import { repairWorkflow } from './repair';
import { onFailedWorkflowTask, type FailedWorkflowTask } from './runtime';

export const WORKFLOW_REPAIRS = 'workflow_repairs';
/** Who the repairs are attributed to, in the record and in the reset's reason. */
export const WORKFLOW_DOCTOR = 'duban-doctor（工作流自检）';

export interface WorkflowRepairDoc {
  /** `<workflowId>/<runId>`: one decision per failing run, whichever process saw it first. */
  _id: string;
  workflowId: string;
  runId: string;
  workflowType: string;
  failure: string;
  failingEventId: number;
  outcome: 'repairing' | 'reset' | 'left-to-operator';
  why: string;
  resetToEventId?: number;
  newRunId?: string;
  by: string;
  at: Date;
}

/** Where the doctor says what it did (pino's shape). */
export interface DoctorLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface WorkflowDoctorOptions {
  client: Client;
  db: Db;
  logger: DoctorLog;
  /** Which replay failures it repairs itself (default: the core split only). */
  repairable?: (events: readonly HistoryEvent[], failingEventId: number) => boolean;
  /** A workflow reset this recently and failing again is left to an operator. */
  onceWithinMs?: number;
}

export interface WorkflowDoctor {
  stop(): Promise<void>;
}

const REPEAT_WITHIN_MS = 60 * 60 * 1000;
// Longer than a reset and its 10-second watch take.
const LEASE_MS = 2 * 60 * 1000;

async function workflowOfRun(client: Client, runId: string) {
  // Visibility is written a moment after the start: a run seen failing is almost always listed.
  for (let attempt = 0; attempt < 10; attempt++) {
    for await (const info of client.workflow.list({ query: `RunId = '${runId}'`, pageSize: 1 })) return info;
    await new Promise((r) => setTimeout(r, 500));
  }
  return null;
}

export function startWorkflowDoctor(options: WorkflowDoctorOptions): WorkflowDoctor {
  const { client, db, logger } = options;
  const repairable = options.repairable ?? isTimedOutTaskSplit;
  const onceWithinMs = options.onceWithinMs ?? REPEAT_WITHIN_MS;
  const records = db.collection<WorkflowRepairDoc>(WORKFLOW_REPAIRS);
  // Core reports the same run on every retry of its task: one look per run.
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();

  async function examine({ runId, failure }: FailedWorkflowTask): Promise<void> {
    const failingEventId = mismatchedEventId(failure);
    if (failingEventId === null) return; // not a replay mismatch: the operator's tool lists it
    const info = await workflowOfRun(client, runId);
    if (!info) return void logger.warn({ runId }, 'workflow doctor: a failing run is not listed');
    const handle = client.workflow.getHandle(info.workflowId, runId);
    const events = (await handle.fetchHistory()).events ?? [];
    const { remedy } = remedyOf(events, failure);
    const base = {
      _id: `${info.workflowId}/${runId}`,
      workflowId: info.workflowId,
      runId,
      workflowType: info.type,
      failure: failure.slice(0, 2000),
      failingEventId,
      by: WORKFLOW_DOCTOR,
      at: new Date(),
    };
    const recent = await records.findOne({
      workflowId: info.workflowId,
      outcome: 'reset',
      at: { $gt: new Date(Date.now() - onceWithinMs) },
    });
    const why = recent
      ? '一小时内已自动修复过一次，再次失败：交由运维人员处理（duban workflows repair）'
      : remedy.kind !== 'reset'
        ? '第一个工作流任务即失败：交由运维人员处理'
        : !repairable(events, failingEventId)
          ? '回放与历史不符，且不是已知的 Temporal 内核拆分任务问题：可能是代码变更，交由开发和运维人员处理'
          : null;
    try {
      // The insert is the lease: of two processes that saw the same run, one repairs it.
      await records.insertOne({
        ...base,
        outcome: why ? 'left-to-operator' : 'repairing',
        why: why ?? '修复中',
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      // Taken by another process, or by one that died while repairing: a lease that old is free.
      const abandoned = await records.findOneAndUpdate(
        { _id: base._id, outcome: 'repairing', at: { $lt: new Date(Date.now() - LEASE_MS) } },
        { $set: { at: new Date() } },
      );
      if (!abandoned || why) return;
    }
    if (why || remedy.kind !== 'reset') {
      logger.error({ workflowId: info.workflowId, runId, failure: base.failure }, `workflow doctor: ${why}`);
      return;
    }
    const outcome = await repairWorkflow(
      client,
      { workflowId: info.workflowId, runId, reason: failure, remedy },
      {
        by: WORKFLOW_DOCTOR,
      },
    );
    const newRunId = outcome.done === 'reset' ? outcome.newRunId : undefined;
    await records.updateOne(
      { _id: base._id },
      {
        $set: {
          outcome: 'reset',
          why: `Temporal 内核在任务超时后拆分任务、回放时合并（已知上游问题）：重置到事件 #${remedy.toEventId}，其后的操作重新送达`,
          resetToEventId: remedy.toEventId,
          ...(newRunId ? { newRunId } : {}),
          at: new Date(),
        },
      },
    );
    logger.warn(
      { workflowId: info.workflowId, runId, newRunId, resetToEventId: remedy.toEventId },
      'workflow doctor: reset a workflow after the known core replay split',
    );
  }

  const unsubscribe = onFailedWorkflowTask((failed) => {
    if (seen.has(failed.runId)) return;
    seen.add(failed.runId);
    const work = examine(failed)
      .catch((error: unknown) => {
        // Seen again on the task's next retry.
        seen.delete(failed.runId);
        logger.error({ err: error, runId: failed.runId }, 'workflow doctor: could not examine a failing run');
      })
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });

  return {
    stop: async () => {
      unsubscribe();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** What /api/health shows of the doctor's work: counts only. */
export async function workflowRepairCounts(
  db: Db,
): Promise<{ repairedAutomatically: number; leftToOperator: number }> {
  const records = db.collection<WorkflowRepairDoc>(WORKFLOW_REPAIRS);
  const [repairedAutomatically, leftToOperator] = await Promise.all([
    records.countDocuments({ outcome: 'reset' }),
    records.countDocuments({ outcome: 'left-to-operator' }),
  ]);
  return { repairedAutomatically, leftToOperator };
}
