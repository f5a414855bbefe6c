import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { CAMPAIGN_2019 } from '@duban/workflow-kindergarten';
import { kindergartenCaseWorkflowId, type KindergartenFacts } from '@duban/workflow-kindergarten/client';
import { connectEngines, eventually, type Engines } from '../../../test/support/engines';
import { LedgerImports } from './imports';
import type { RowResult } from './ledger';

// Issue 12, defect 5: a ledger import is a job kept in the store. Its process may die at any row;
// the next one resumes the job, and no case is started twice. Starting a case needs only the
// Temporal server (no worker polls this queue: the cases wait, started, which is all a job does).
describe('ledger import jobs over the real engines', () => {
  let engines: Engines;
  let db: Db;
  const run = Date.now().toString(36);
  const taskQueue = `kg-imports-${run}`;
  const logger = { info() {}, warn() {}, error() {} } as never;

  beforeAll(async () => {
    engines = await connectEngines();
    db = engines.store.client.db(`${inject('stack').mongoDb}_kg_imports`);
    await db.dropDatabase();
  });
  afterAll(async () => {
    await engines?.close();
  });

  const facts = (i: number): KindergartenFacts => ({
    projectName: `续导小区${run}-${i}`,
    town: '小坝镇',
    developer: '某置业有限公司',
    landTenure: 'transferred',
    plannedOn: '2018-03-01',
    builtOn: null,
    condition: 'missing',
    proposedCategory: 'build',
    projectStatus: 'under_construction',
  });
  const rows: RowResult[] = [
    ...Array.from({ length: 20 }, (_, i): RowResult => ({ row: i + 2, ok: true, facts: facts(i) })),
    { row: 22, ok: false, reason: '土地性质“租赁”应为 划拨 或 出让' },
  ];

  /** A Temporal client whose process "dies" at the `dieAt`-th start: that case is started, its
   * answer never comes back, and nothing after it is sent. */
  const dyingClient = (dieAt: number) => {
    let starts = 0;
    return new Client({
      connection: engines.client.connection,
      namespace: 'default',
      interceptors: {
        workflow: [
          {
            start: async (input, next) => {
              starts += 1;
              if (starts > dieAt) return new Promise<never>(() => {});
              const runId = await next(input);
              return starts === dieAt ? new Promise<never>(() => {}) : runId;
            },
          },
        ],
      },
    });
  };

  it('a job whose process died mid-way is resumed by the next one: every row gets its result once, nothing starts twice', async () => {
    const first = new LedgerImports({ db, temporal: dyingClient(6), logger, taskQueue, concurrency: 1 });
    const created = await first.create(CAMPAIGN_2019, rows, 'bureau-edu');
    expect(created).toMatchObject({ state: 'running', rows: 21, rejected: 1 });
    expect(created.report.at(-1)).toEqual({ row: 22, status: 'rejected', reason: expect.any(String) });

    // The first process records five rows, starts the sixth case and dies before it hears back.
    const stalled = await eventually(
      async () => (await first.view(created.jobId))!,
      (j) => j.created === 5,
    );
    expect(stalled).toMatchObject({ state: 'running', done: 6, created: 5 });
    expect(stalled.report.filter((r) => r.status === 'pending')).toHaveLength(15);

    // The service restarts: the new process resumes the job from the store.
    const next = new LedgerImports({ db, temporal: engines.client, logger, taskQueue });
    expect(await next.resumeUnfinished()).toBe(1);
    const done = await eventually(
      async () => (await next.view(created.jobId))!,
      (j) => j.state === 'done',
      { timeoutMs: 60_000 },
    );
    // The sixth case, started before the crash, is this job's: created, not "already there".
    expect(done).toMatchObject({ rows: 21, done: 21, created: 20, existing: 0, rejected: 1, failed: 0 });
    expect(done.finishedAt).not.toBeNull();
    expect(done.report.map((r) => r.row)).toEqual(rows.map((r) => r.row));
    const sixth = done.report.find((r) => r.row === 7) as { caseId: string };
    const described = await engines.client.workflow
      .getHandle(kindergartenCaseWorkflowId(sixth.caseId))
      .describe();
    expect(described.memo).toEqual({ importJob: created.jobId });

    // The same ledger again finds every case: a second job creates nothing.
    const again = await next.create(CAMPAIGN_2019, rows, 'bureau-edu');
    const second = await eventually(
      async () => (await next.view(again.jobId))!,
      (j) => j.state === 'done',
      { timeoutMs: 60_000 },
    );
    expect(second).toMatchObject({ done: 21, created: 0, existing: 20, rejected: 1 });
  });
});
