import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { connectBus, ensureStreams, type Bus } from '@duban/bus';
import { supervisionWorkflowId, type StartItem } from '@duban/contracts';
import { createSupervisionActivities } from './activities';
import { itemActionUpdate, itemSnapshotQuery } from './definitions';
import { actor, command, msUntil } from './testing';
import { supervisionWorkflowsPath } from './worker';
import type { supervisionItemWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC) = 16:00 in Qingtongxia, so these tests
// walk the real 2019–2020 calendar: holidays, make-up working days and month ends.
const SERVER_START_UTC = '2019-04-30 08:00:00';
const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;
const historiesDir = path.resolve(import.meta.dirname, '../histories');

describe('supervision item workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let bus: Bus;
  let bundle: WorkflowBundleWithSourceMap;
  let n = 0;

  beforeAll(async () => {
    process.env.TEMPORAL_TEST_SERVER_START_AT = SERVER_START_UTC;
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: inject('stack').testServerPath } },
    });
    delete process.env.TEMPORAL_TEST_SERVER_START_AT;
    bus = await connectBus(inject('stack').natsUrl);
    await ensureStreams(bus.jsm);
    bundle = await bundleWorkflowCode({ workflowsPath: supervisionWorkflowsPath, logger: quietLogger });
  });

  // A worker per test, run until the test's body is done: the SDK's pattern for test servers.
  async function withWorker<T>(body: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'supervision-test',
      workflowBundle: bundle,
      activities: createSupervisionActivities({ js: bus.js }),
    });
    return worker.runUntil(body);
  }

  afterAll(async () => {
    await bus?.close();
    await env?.teardown();
  });

  async function startItem(overrides: Partial<StartItem> & { deadline: string | null }) {
    n += 1;
    const itemId = `test-${n}-${Date.now()}`;
    const handle = await env.client.workflow.start<typeof supervisionItemWorkflow>('supervisionItemWorkflow', {
      taskQueue: 'supervision-test',
      workflowId: supervisionWorkflowId(itemId),
      args: [
        {
          itemId,
          docNo: '青政办发〔2019〕31号',
          ref: '三.(一)',
          title: '已建成、需办理移交的幼儿园完成移交',
          leadUnits: ['edu'],
          cooperatingUnits: [],
          ...overrides,
        },
      ],
    });
    return handle;
  }

  const now = async () => Number(await env.currentTimeMs());
  const skipTo = async (shanghai: string) => {
    const ms = msUntil(await now(), shanghai);
    expect(ms).toBeGreaterThan(0);
    await env.sleep(ms);
  };

  it('starts on the faked 2019 date', async () => {
    const t = await now();
    expect(new Date(t).toISOString().slice(0, 10)).toBe('2019-04-30');
  });

  it('goes blue in the warning window and red after the deadline day (DESIGN §5)', () =>
    withWorker(async () => {
    const handle = await startItem({ deadline: '2019-06-30' });
    let item = await handle.query(itemSnapshotQuery);
    expect(item).toMatchObject({ state: 'assigned', colour: 'green', deadline: '2019-06-30' });

    await skipTo('2019-06-23T23:59:00');
    expect((await handle.query(itemSnapshotQuery)).colour).toBe('green');
    await skipTo('2019-06-24T00:00:30');
    expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
    await skipTo('2019-06-30T23:59:00');
    expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
    await skipTo('2019-07-01T00:00:30');
    item = await handle.query(itemSnapshotQuery);
    expect(item.colour).toBe('red');
    expect(item.redSince).toBe('2019-06-30T16:00:00.000Z');
    }));
});
