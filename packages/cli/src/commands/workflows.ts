// `duban workflows repair`: workflows whose workflow task fails on every attempt (issue 12). Before
// the workflows refused bad input at the door, an Update whose input slipped past the gateway was
// accepted and then threw inside its handler: the task failed, and the server handed the same
// Update back with every retry, so the workflow was stuck for good and its routes hung or 500ed.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { loadConfig } from '@duban/config';

// temporal.api.enums.v1 values, as the client takes them (the names are not exported by it).
const EVENT_WORKFLOW_TASK_COMPLETED = 7;
const EVENT_WORKFLOW_TASK_FAILED = 8;
const EVENT_SIGNALED = 26;
const EVENT_UPDATE_ACCEPTED = 41;
const EVENT_UPDATE_ADMITTED = 47;
const RESET_REAPPLY_ALL_ELIGIBLE = 3;

/** How a stuck workflow is repaired (see HELP). */
export type Remedy =
  { kind: 'reset'; toEventId: number; reapplied: number } | { kind: 'terminate'; why: string };

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

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

const eventId = (e: HistoryEvent) => Number(e.eventId);
const typeOf = (e: HistoryEvent) => Number(e.eventType);

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
export function remedyOf(events: readonly HistoryEvent[]): {
  remedy: Remedy;
  reason: string;
  failedAt: string | null;
} {
  const failed = [...events].reverse().find((e) => typeOf(e) === EVENT_WORKFLOW_TASK_FAILED);
  const failure = failed?.workflowTaskFailedEventAttributes?.failure;
  // A task of an Update never accepted leaves no failure in history: its error is in the worker's
  // log ("Failing workflow task"), which this tool cannot read.
  const reason =
    failure?.message ??
    '引发失败的是一个未受理的操作，失败未写入历史；错误详情见工作进程日志（Failing workflow task）';
  const failedAt = failed?.eventTime?.seconds
    ? new Date(Number(failed.eventTime.seconds) * 1000).toISOString()
    : null;
  // A replay that cannot match its history ([TMPRL1100] … HistoryEvent(id: N, …)) fails on an
  // event written by an earlier task: reset to before it, or the new run keeps the event and fails
  // the same way. (Written, for one, when the server batches a task otherwise than its replay:
  // workflows/land-use/evidence.)
  const mismatch = /TMPRL1100[^]*?HistoryEvent\(id: (\d+)/u.exec(failure?.message ?? '');
  const before = mismatch ? Number(mismatch[1]) : failed ? eventId(failed) : Infinity;
  const completed = events.filter((e) => typeOf(e) === EVENT_WORKFLOW_TASK_COMPLETED && eventId(e) < before);
  const last = completed.at(-1);
  if (!last)
    return {
      remedy: { kind: 'terminate', why: `启动后第一个工作流任务即失败，启动参数无法执行：${reason}` },
      reason,
      failedAt,
    };
  const toEventId = eventId(last);
  const reapplied = events.filter(
    (e) =>
      eventId(e) > toEventId &&
      [EVENT_SIGNALED, EVENT_UPDATE_ACCEPTED, EVENT_UPDATE_ADMITTED].includes(typeOf(e)),
  ).length;
  return { remedy: { kind: 'reset', toEventId, reapplied }, reason, failedAt };
}

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

export async function repairWorkflow(
  client: Client,
  stuck: StuckWorkflow,
  waitMs = 10_000,
): Promise<RepairOutcome> {
  if (stuck.remedy.kind === 'terminate') {
    await client.workflow
      .getHandle(stuck.workflowId, stuck.runId)
      .terminate(`duban workflows repair：${stuck.remedy.why}`);
    return { workflowId: stuck.workflowId, done: 'terminated' };
  }
  const reset = (await client.workflowService.resetWorkflowExecution({
    namespace: client.options.namespace,
    workflowExecution: { workflowId: stuck.workflowId, runId: stuck.runId },
    reason: `duban workflows repair：工作流任务反复失败（${stuck.reason.slice(0, 200)}）`,
    // An int64 in the protocol; protobufjs takes a number.
    workflowTaskFinishEventId: stuck.remedy.toEventId as never,
    requestId: randomUUID(),
    resetReapplyType: RESET_REAPPLY_ALL_ELIGIBLE,
  })) as { runId?: string | null };
  const newRunId = reset.runId ?? '';
  const running = await runningAfterReset(client.workflow.getHandle(stuck.workflowId, newRunId), waitMs);
  return { workflowId: stuck.workflowId, done: 'reset', newRunId, running };
}

function remedyLine(remedy: Remedy): string {
  return remedy.kind === 'reset'
    ? `重置到最后一个完成的工作流任务（事件 #${remedy.toEventId}）：已受理的操作保留` +
        (remedy.reapplied ? `（其后的 ${remedy.reapplied} 个信号和操作重新送达）` : '') +
        '，引发失败、未被受理的操作丢弃'
    : `终止：${remedy.why}`;
}

const OUTCOMES = {
  yes: '已恢复运行',
  'no-worker': '已重置，等待工作进程（duban start）接手',
  'still-failing': '重置后仍然失败：问题不在输入而在代码或已保存的状态，请保留现场并联系开发人员',
} as const;

const HELP = `
A workflow is stuck when its workflow task fails on every attempt (the pending task is on its
second attempt or later). Each one is listed with what the worker threw, then repaired:

  reset       (its first task completed once) to the last workflow task that completed, applying
              again every signal and Update recorded after it (all eligible events), so no action
              already accepted is lost. The Update that fails the task was never accepted nor
              recorded (the server hands it back with every retry, in memory): it is not applied
              again and is gone; its caller got no answer (504: "may take effect later") and
              sees it did not. The run is then watched for 10 s: running again, waiting for a
              worker, or still failing (a code or stored-state problem this tool does not guess
              at: keep it as it is and call a developer).
  terminate   (its first task never completed): it never ran its start input, published nothing,
              and cannot run it; correct the input and start it again.

Run it with the workers started (duban start), so that a reset run is seen running. --dry-run
lists without changing anything.
`;

export function registerWorkflowCommands(program: Command): void {
  program
    .command('workflows')
    .description('the Temporal workflows of every process')
    .command('repair')
    .description('find workflows whose workflow task fails on every attempt, show why, and repair them')
    .option('--dry-run', 'list the stuck workflows and their remedy; change nothing')
    .addHelpText('after', HELP)
    .action(async (flags: { dryRun?: boolean }) => {
      const config = loadConfig();
      const connection = await Connection.connect({ address: config.temporal.address });
      const client = new Client({ connection, namespace: config.temporal.namespace });
      try {
        const stuck = await findStuckWorkflows(client);
        if (stuck.length === 0) return void console.log('没有卡住的工作流。');
        console.log(`卡住的工作流 ${stuck.length} 个：`);
        for (const s of stuck) {
          console.log(
            `  ${s.workflowId}（${s.type}）第 ${s.attempt} 次尝试，首次失败于 ${s.failedAt ?? '未知'}`,
          );
          console.log(`    原因：${s.reason}`);
          console.log(`    处理：${remedyLine(s.remedy)}`);
          if (flags.dryRun) continue;
          const outcome = await repairWorkflow(client, s);
          console.log(`    结果：${outcome.done === 'terminated' ? '已终止' : OUTCOMES[outcome.running]}`);
        }
        if (flags.dryRun) console.log('（--dry-run：未做任何修改）');
      } finally {
        await connection.close();
      }
    });
}
