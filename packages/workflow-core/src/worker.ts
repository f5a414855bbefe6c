// Worker side (Node): the one worker every process runs, and its publish activity.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker, bundleWorkflowCode, type NativeConnection } from '@temporalio/worker';
import type { JetStreamClient } from '@nats-io/jetstream';
import { publishStepEvent } from '@duban/bus';
import type { StepEvent } from '@duban/contracts';

/** What a process's worker factory takes; `taskQueue` defaults to the process's own. */
export interface ProcessWorkerDeps {
  connection: NativeConnection;
  namespace: string;
  js: JetStreamClient;
  taskQueue?: string;
  /**
   * A folder where the workflow bundle of each task queue is kept once built: a restarted process
   * then starts in seconds instead of bundling again. Only for code that does not change between
   * starts (the chaos run's service process); unset, every start bundles.
   */
  bundleCacheDir?: string;
}

export interface ProcessWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  workflowsPath: string;
  activities: object;
  bundleCacheDir?: string;
}

/**
 * The test command sets this to a folder of its own run: every whole-system start of one run then
 * bundles each process's workflows once, not once per start (the code cannot change mid-run).
 */
export const BUNDLE_CACHE_ENV = 'DUBAN_WORKFLOW_BUNDLE_CACHE';

export async function createProcessWorker(options: ProcessWorkerOptions): Promise<Worker> {
  const bundleCacheDir = options.bundleCacheDir ?? (process.env[BUNDLE_CACHE_ENV] || undefined);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(bundleCacheDir
      ? { workflowBundle: { codePath: await cachedBundle(bundleCacheDir, options.workflowsPath) } }
      : { workflowsPath: options.workflowsPath }),
    activities: options.activities,
    // On shutdown (a deployment, a restart) let an in-flight publish finish rather than cancel it:
    // a cancelled one would be retried only after its start-to-close timeout.
    shutdownGraceTime: '10 seconds',
  });
}

/**
 * The workflow bundle of `workflowsPath` as code, built once per test run when the run names a
 * bundle folder (BUNDLE_CACHE_ENV): a time-skipping test file then takes the bundle a system
 * start of the same run already built. Unset, it bundles.
 */
export async function workflowBundleCode(workflowsPath: string): Promise<{ code: string }> {
  const dir = process.env[BUNDLE_CACHE_ENV];
  if (!dir) return bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  return { code: fs.readFileSync(await cachedBundle(dir, workflowsPath), 'utf8') };
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

async function cachedBundle(dir: string, workflowsPath: string): Promise<string> {
  // By the workflows' source, not the task queue: tests run one process's code on many queues.
  const key = createHash('sha256').update(workflowsPath).digest('hex').slice(0, 16);
  const file = path.join(dir, `${path.basename(path.resolve(workflowsPath, '../..'))}-${key}.js`);
  if (fs.existsSync(file)) return file;
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  fs.mkdirSync(dir, { recursive: true });
  // Written whole or not at all: a process killed mid-write leaves no half bundle behind.
  fs.writeFileSync(`${file}.${process.pid}.tmp`, code);
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
  return file;
}

/**
 * The publish activity of a process, over its source. Each event id is fixed by the workflow
 * (workflow id, step, version), so after an activity retry the events already stored are dropped
 * as duplicates.
 */
export function stepEventPublisher(js: JetStreamClient, source: string) {
  const one = (workflowId: string, subject: string, event: StepEvent) =>
    publishStepEvent(js, { source, workflowId, subject, event });
  return {
    one,
    /** In order, one call for several events: under load each activity costs a workflow task. */
    async many(
      workflowId: string,
      subject: string,
      events: StepEvent[],
    ): Promise<{ published: number; duplicates: number }> {
      let duplicates = 0;
      for (const event of events) {
        if ((await one(workflowId, subject, event)).duplicate) duplicates += 1;
      }
      return { published: events.length - duplicates, duplicates };
    },
  };
}
