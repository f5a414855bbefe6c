// One worker on Temporal's time-skipping test server per test file, with the real bus.
import { startTimeSkippingServer } from './server';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { connectBus, ensureStreams, type Bus } from '@duban/bus';
import { msUntil } from './actors';
import { recordAndReplay, replayRecorded } from './histories';
import { workflowBundleCode } from '../worker';

export interface TimeSkippingOptions {
  /** The process's workflows file (its histories are in `../histories`). */
  workflowsPath: string;
  taskQueue: string;
  /** The server clock's start, UTC, e.g. '2019-04-30 08:00:00'. */
  startAt: string;
  activities: (js: JetStreamClient) => object;
}

/**
 * Starts the test server at `startAt`, connects the bus, bundles the workflows and runs one worker
 * for the whole file: workflows of earlier tests keep running (their timers fire as later tests
 * move the clock) and must always find a worker. Stops all of it after the file. Call inside
 * `describe`; the fields are there once `beforeAll` ran.
 */
export function timeSkippingSuite(options: TimeSkippingOptions): TimeSkippingSuite {
  const suite = new TimeSkippingSuite(options);
  beforeAll(() => suite.start());
  afterAll(() => suite.stop());
  return suite;
}

export class TimeSkippingSuite {
  env!: TestWorkflowEnvironment;
  bus!: Bus;
  bundle!: WorkflowBundle;
  private worker: Worker | undefined;
  private running: Promise<void> | undefined;
  readonly historiesDir: string;

  constructor(private readonly options: TimeSkippingOptions) {
    this.historiesDir = path.resolve(path.dirname(options.workflowsPath), '../histories');
  }

  async start(): Promise<void> {
    const stack = inject('stack');
    this.env = await startTimeSkippingServer(stack.testServerPath, this.options.startAt);
    this.bus = await connectBus(stack.natsUrl);
    await ensureStreams(this.bus.jsm);
    this.bundle = await workflowBundleCode(this.options.workflowsPath);
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.options.taskQueue,
      workflowBundle: this.bundle,
      activities: this.options.activities(this.bus.js),
    });
    this.running = this.worker.run();
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.bus?.close();
    await this.env?.teardown();
  }

  /**
   * Runs `fn` beside a second worker that keeps no run in cache, on a task queue of its own
   * (`fn` gets its name): every task it takes starts from the whole history, as after a restart
   * or on another machine, and the server may hand it the start and an action in one task. What
   * it writes must replay like what a warm worker writes.
   */
  async withUncachedWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: `${this.options.taskQueue}-uncached`,
      workflowBundle: this.bundle,
      activities: this.options.activities(this.bus.js),
      maxCachedWorkflows: 0,
    });
    return worker.runUntil(fn(`${this.options.taskQueue}-uncached`));
  }

  /** The server's clock. */
  async now(): Promise<number> {
    return Number(await this.env.currentTimeMs());
  }

  /** Moves the server's clock on to a Shanghai wall-clock instant (never back). */
  async skipTo(shanghaiIso: string): Promise<void> {
    const ms = msUntil(await this.now(), shanghaiIso);
    expect(ms).toBeGreaterThan(0);
    await this.env.sleep(ms);
  }

  /** Replays the workflow's history as it stands: the code in hand must have written it. */
  async replay(handle: WorkflowHandle): Promise<void> {
    await Worker.runReplayHistory({ workflowBundle: this.bundle }, await handle.fetchHistory());
  }

  /** Replays the workflow's history now; with RECORD_HISTORIES=1 keeps it as `file`. */
  async recordAndReplay(handle: WorkflowHandle, file: string): Promise<void> {
    await recordAndReplay(this.bundle, this.historiesDir, file, await handle.fetchHistory());
  }

  /** Replays the process's recorded histories. */
  replayRecorded(): Promise<void> {
    return replayRecorded(this.bundle, this.historiesDir);
  }
}

/** The action was refused by the validator, with a reason matching `reason`. */
export async function refused(p: Promise<unknown>, reason: RegExp): Promise<void> {
  const error = await p.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  expect(String((error as WorkflowUpdateFailedError).cause?.message)).toMatch(reason);
}
