import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { assertStartInput } from '@duban/workflow-core/input';
import { StartItemSchema, supervisionWorkflowId } from '@duban/workflow-supervision/client';
import type { supervisionItemWorkflow } from '@duban/workflow-supervision';
import { documentLabelOf } from './identity';
import { itemIdFor, startItemFor, type ItemSourceDocument, type ItemSourceTask } from './start-item';

/** One catalog task to supervise, with the document it comes from (for its reporting duty). */
export interface SupervisionCandidate {
  document: ItemSourceDocument;
  task: ItemSourceTask;
}

export interface SkippedItem {
  itemId: string;
  docNo: string;
  ref: string;
  reason: 'no-lead-unit';
}

export type StartOutcomeKind = 'started' | 'already-running' | 'already-closed' | 'skipped';

export interface StartSupervisionResult {
  /** Workflows this call started. */
  started: number;
  /** Items whose workflow was already running: nothing started (a re-import). */
  alreadyRunning: number;
  /** Items whose workflow has closed (销号, or ended otherwise): never started again. */
  alreadyClosed: number;
  /** Tasks that cannot be supervised (no lead unit). */
  skipped: number;
  skippedItems: SkippedItem[];
  outcomes: { itemId: string; workflowId: string; outcome: StartOutcomeKind }[];
}

export interface StartSupervisionOptions {
  /** Default: the supervision worker's queue. */
  taskQueue?: string;
  /** Starts in flight at once (default 8). */
  concurrency?: number;
  /** Days an item may stay red before the leadership group is alerted (ALERT_RED_ESCALATION_DAYS). */
  escalateAfterRedDays?: number;
}

/** Every task of the given documents, paired with its document: the input of startSupervisionItems. */
export function supervisionCandidates<D extends ItemSourceDocument & { tasks: readonly ItemSourceTask[] }>(
  documents: readonly D[],
): SupervisionCandidate[] {
  return documents.flatMap((document) => document.tasks.map((task) => ({ document, task })));
}

async function startOne(
  client: Client,
  candidate: SupervisionCandidate,
  taskQueue: string,
  escalateAfterRedDays: number | undefined,
): Promise<{ itemId: string; workflowId: string; outcome: StartOutcomeKind }> {
  const found = startItemFor(candidate.document, candidate.task);
  const input = found && escalateAfterRedDays !== undefined ? { ...found, escalateAfterRedDays } : found;
  const itemId = input?.itemId ?? itemIdFor(candidate.document, candidate.task);
  const workflowId = supervisionWorkflowId(itemId);
  if (!input) return { itemId, workflowId, outcome: 'skipped' };
  // An input the workflow's contract refuses starts nothing: the import stops, naming the item.
  assertStartInput(StartItemSchema, input, workflowId);
  try {
    await client.workflow.start<typeof supervisionItemWorkflow>('supervisionItemWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
      // A running item is left alone (the error below tells us so); a closed one is never restarted.
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { itemId, workflowId, outcome: 'started' };
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    const description = await client.workflow.getHandle(workflowId).describe();
    const outcome = description.status.name === 'RUNNING' ? 'already-running' : 'already-closed';
    return { itemId, workflowId, outcome };
  }
}

/**
 * Starts one supervision workflow per task, with the id derived from document and clause, so a
 * re-import never starts a second one: a running item counts as already running, and a closed
 * item (REJECT_DUPLICATE) is never started again. Tasks without a lead unit are skipped.
 */
export async function startSupervisionItems(
  client: Client,
  tasks: readonly SupervisionCandidate[],
  options: StartSupervisionOptions = {},
): Promise<StartSupervisionResult> {
  // Loaded only here: the package's entry also brings the worker, which readers of the catalog
  // (the router, a dry run) do not need.
  const taskQueue = options.taskQueue ?? (await import('@duban/workflow-supervision')).SUPERVISION_TASK_QUEUE;
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const outcomes: StartSupervisionResult['outcomes'] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) {
      outcomes[i] = await startOne(client, tasks[i]!, taskQueue, options.escalateAfterRedDays);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));

  const result: StartSupervisionResult = {
    started: 0,
    alreadyRunning: 0,
    alreadyClosed: 0,
    skipped: 0,
    skippedItems: [],
    outcomes,
  };
  outcomes.forEach((o, i) => {
    if (o.outcome === 'started') result.started += 1;
    else if (o.outcome === 'already-running') result.alreadyRunning += 1;
    else if (o.outcome === 'already-closed') result.alreadyClosed += 1;
    else {
      result.skipped += 1;
      const c = tasks[i]!;
      result.skippedItems.push({
        itemId: o.itemId,
        docNo: documentLabelOf(c.document),
        ref: c.task.ref,
        reason: 'no-lead-unit',
      });
    }
  });
  return result;
}
