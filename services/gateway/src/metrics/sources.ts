import type { Client } from '@temporalio/client';
import { openWorkflowsQuery } from './labels';

/**
 * Open workflows per process, one visibility count each (by the process's task queue): a count
 * is cheap on the engine, and DubanMetrics caches the answer.
 */
export function openWorkflowCounts(temporal: Client, processes: readonly { name: string }[]) {
  return () =>
    Promise.all(
      processes.map(async ({ name }) => ({
        process: name,
        open: (await temporal.workflow.count(openWorkflowsQuery(name))).count,
      })),
    );
}
