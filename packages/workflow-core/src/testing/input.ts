// Checks for input a workflow refuses at its door (issue 12): never a workflow task failure.
import { expect } from 'vitest';
import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { INVALID_INPUT } from '../input';

// EVENT_TYPE_WORKFLOW_TASK_FAILED
const WORKFLOW_TASK_FAILED = 8;

/** The Update was rejected by its contract schema (`InvalidInput`), naming `field`. */
export async function rejectedAsInvalid(p: Promise<unknown>, field: string): Promise<void> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(INVALID_INPUT);
  expect(cause?.message).toContain(field);
}

/** The workflow is running and none of its workflow tasks ever failed. */
export async function runningUnharmed(handle: WorkflowHandle): Promise<void> {
  expect((await handle.describe()).status.name).toBe('RUNNING');
  const events = (await handle.fetchHistory()).events ?? [];
  expect(events.filter((e) => Number(e.eventType) === WORKFLOW_TASK_FAILED)).toEqual([]);
}

/**
 * The workflow ended as failed on its start input, naming `field`, with no task failure before.
 * Polls rather than awaiting `result()`, which would let a time-skipping server skip time.
 */
export async function failedOnStartInput(handle: WorkflowHandle, field: string): Promise<void> {
  for (let i = 0; i < 200 && (await handle.describe()).status.name === 'RUNNING'; i += 1)
    await new Promise((r) => setTimeout(r, 50));
  expect((await handle.describe()).status.name).toBe('FAILED');
  const events = (await handle.fetchHistory()).events ?? [];
  expect(events.filter((e) => Number(e.eventType) === WORKFLOW_TASK_FAILED)).toEqual([]);
  const failure = events.at(-1)?.workflowExecutionFailedEventAttributes?.failure;
  expect(failure?.applicationFailureInfo?.type).toBe(INVALID_INPUT);
  expect(failure?.message).toContain(field);
}
