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
import { findStuckWorkflows, repairWorkflow } from '../packages/cli/src/commands/workflows';
import { connectEngines, eventually, type Engines } from './support/engines';

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
    // The task of an Update never accepted leaves no failure in history: the tool says so.
    expect(stuck[0]!.reason).toMatch(/未受理的操作/);
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
