import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import {
  createSupervisionActivities,
  itemActionUpdate,
  itemSnapshotQuery,
  supervisionWorkflowId,
  supervisionWorkflowsPath,
  type ActionCommand,
  type supervisionItemWorkflow,
} from '@duban/workflow-supervision';
import {
  findStuckWorkflows,
  installWorkflowRuntime,
  repairWorkflow,
  startWorkflowDoctor,
  WORKFLOW_REPAIRS,
  type WorkflowRepairDoc,
} from '@duban/process';
import { connectEngines, eventually, type Engines } from './support/engines';

// Before anything of Temporal in this process: the doctor reads failing tasks from the runtime's log.
const runtime = installWorkflowRuntime();

// Issue 12: `duban workflows repair` on workflows stuck the way they were before the workflows
// refused bad input at the door. A worker with the Update validators switched off accepts an
// action whose body its handler then throws on: the workflow task fails on every attempt.
describe('duban workflows repair over the real Temporal server', () => {
  let engines: Engines;
  let worker: Worker;
  let running: Promise<void>;
  const run = Date.now().toString(36);
  const taskQueue = `repair-${run}`;
  const edu = { userId: 'bureau-edu', name: '教育局', role: 'bureau', unitCode: 'edu' } as const;
  const act = (requestId: string, action: string, body: object) =>
    ({ action, actor: { ...edu, requestId }, body }) as ActionCommand;

  beforeAll(async () => {
    engines = await connectEngines();
    worker = await Worker.create({
      connection: engines.nativeConnection,
      taskQueue,
      workflowsPath: supervisionWorkflowsPath,
      interceptors: { workflowModules: [path.resolve(import.meta.dirname, 'support/validators-off.ts')] },
      activities: createSupervisionActivities({ js: engines.bus.js }),
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await engines?.close();
  });

  const stuckOnly = (workflowId: string) =>
    findStuckWorkflows(engines.client, `WorkflowId = '${workflowId}' AND ExecutionStatus = 'Running'`);

  it('lists a workflow poisoned by an action, with why, and resets it: running and taking actions again', async () => {
    const itemId = `repair-${run}`;
    const handle = await engines.client.workflow.start<typeof supervisionItemWorkflow>(
      'supervisionItemWorkflow',
      {
        taskQueue,
        workflowId: supervisionWorkflowId(itemId),
        args: [
          {
            itemId,
            docNo: '青政办发〔2019〕31号',
            ref: '三.(一)',
            title: '修复测试',
            leadUnits: ['edu'],
            deadline: '2030-12-31',
          },
        ],
      },
    );
    await handle.executeUpdate(itemActionUpdate, { args: [act(`${run}-1`, 'sign', {})] });
    // The poison: no validator sees it, and the handler throws on it; its caller never hears back.
    void handle
      .executeUpdate(itemActionUpdate, {
        args: [act(`${run}-2`, 'request-extension', { newDeadline: '2027-02-30', reason: '资料不全' })],
      })
      .catch(() => {});
    const stuck = await eventually(
      () => stuckOnly(handle.workflowId),
      (s) => s.length === 1,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(stuck).toEqual([
      expect.objectContaining({
        type: 'supervisionItemWorkflow',
        remedy: expect.objectContaining({ kind: 'reset' }),
      }),
    ]);
    expect(stuck[0]!.attempt).toBeGreaterThanOrEqual(2);
    // What the handler threw, as the failed task recorded it.
    expect(stuck[0]!.reason).toMatch(/no such day/);
    expect(stuck[0]!.failedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const outcome = await repairWorkflow(engines.client, stuck[0]!);
    expect(outcome).toMatchObject({ done: 'reset', running: 'yes' });
    const item = engines.client.workflow.getHandle(handle.workflowId);
    expect(await item.query(itemSnapshotQuery)).toMatchObject({ state: 'signed', pendingExtension: null });
    const accepted = await item.executeUpdate(itemActionUpdate, {
      args: [act(`${run}-3`, 'progress', { text: '已完成移交清单', attachments: [] })],
    });
    expect(accepted).toMatchObject({ state: 'in_progress' });
    expect(await stuckOnly(handle.workflowId)).toEqual([]);
  });

  it('terminates a workflow whose first task never completed: it cannot run its input', async () => {
    const handle = await engines.client.workflow.start('noSuchWorkflow', {
      taskQueue,
      workflowId: `repair-never-ran-${run}`,
      args: [],
    });
    const stuck = await eventually(
      () => stuckOnly(handle.workflowId),
      (s) => s.length === 1,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(stuck[0]!.remedy).toMatchObject({
      kind: 'terminate',
      why: expect.stringMatching(/启动参数无法执行/),
    });
    expect(await repairWorkflow(engines.client, stuck[0]!)).toEqual({
      workflowId: handle.workflowId,
      done: 'terminated',
    });
    expect((await handle.describe()).status.name).toBe('TERMINATED');
  });
});

// Issue 12: the workflow doctor of every system process. It hears from core which run failed its
// task on a replay mismatch, repairs the known core split on its own, and leaves every other
// mismatch to an operator; each decision is recorded and attributed.
describe('the workflow doctor over the real Temporal server', () => {
  let engines: Engines;
  let worker: Worker;
  let running: Promise<void>;
  const run = Date.now().toString(36);
  const taskQueue = `doctor-${run}`;
  const log = { warn: () => {}, error: () => {} };

  beforeAll(async () => {
    engines = await connectEngines();
    worker = await Worker.create({
      connection: engines.nativeConnection,
      taskQueue,
      workflowsPath: path.resolve(import.meta.dirname, 'support/diverging-workflow.ts'),
      // Every task replays from the start, so the second one fails.
      maxCachedWorkflows: 0,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await engines?.close();
  });

  const records = () => engines.store.db.collection<WorkflowRepairDoc>(WORKFLOW_REPAIRS);
  const startDiverging = (name: string) =>
    engines.client.workflow.start('divergesOnReplay', { taskQueue, workflowId: `doctor-${name}-${run}` });
  const decided = (workflowId: string, count: number) =>
    eventually(
      () => records().find({ workflowId }).sort({ at: 1 }).toArray(),
      (docs) => docs.length === count && docs.every((d) => d.outcome !== 'repairing'),
      { timeoutMs: 45_000, intervalMs: 250 },
    );

  it('hears of the failing run from the runtime and leaves a mismatch that is not the core split to an operator', async () => {
    expect(runtime).toBe('watching');
    const doctor = startWorkflowDoctor({ client: engines.client, db: engines.store.db, logger: log });
    try {
      const handle = await startDiverging('code');
      const [doc] = await decided(handle.workflowId, 1);
      expect(doc).toMatchObject({
        runId: handle.firstExecutionRunId,
        workflowType: 'divergesOnReplay',
        failingEventId: 5,
        outcome: 'left-to-operator',
        why: expect.stringMatching(/不是已知的 Temporal 内核拆分任务问题/),
        by: expect.stringMatching(/duban-doctor/),
      });
      expect(doc!.failure).toMatch(/TMPRL1100/);
      // Left alone: the same run, still failing.
      expect((await handle.describe()).raw.pendingWorkflowTask?.attempt ?? 0).toBeGreaterThanOrEqual(2);
      await handle.terminate('test over');
    } finally {
      await doctor.stop();
    }
  });

  it('resets a run it may repair to the task before the mismatch, once: failing again within the hour, it is left to an operator', async () => {
    const doctor = startWorkflowDoctor({
      client: engines.client,
      db: engines.store.db,
      logger: log,
      repairable: () => true,
    });
    try {
      const handle = await startDiverging('repairable');
      // The reset run diverges again two seconds later, the same way.
      const [first, second] = await decided(handle.workflowId, 2);
      expect(first).toMatchObject({
        runId: handle.firstExecutionRunId,
        outcome: 'reset',
        resetToEventId: 4,
        newRunId: expect.any(String),
      });
      expect(second).toMatchObject({
        runId: first!.newRunId,
        outcome: 'left-to-operator',
        why: expect.stringMatching(/已自动修复过一次/),
      });
      const reset = await engines.client.workflow
        .getHandle(handle.workflowId, handle.firstExecutionRunId)
        .describe();
      expect(reset.status.name).toBe('TERMINATED');
      await engines.client.workflow.getHandle(handle.workflowId).terminate('test over');
    } finally {
      await doctor.stop();
    }
  });
});
