// A ledger import (台账导入) as a job (issue 12, defect 5): the request checks every row and answers
// at once; the good rows start their cases afterwards, a few at a time, with the progress and the
// per-row report kept in the store. A job left unfinished by a restart resumes where it stopped:
// a case's workflow id comes from campaign and project, so a row started before the restart is
// never started twice, and the job's memo on the workflow tells "started by this job" from
// "already there".
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { ProcessRouteContext } from '@duban/http';
import { InvalidStartInputError } from '@duban/workflow-core/input';
import { kindergartenCaseWorkflowId, type Campaign } from '@duban/workflow-kindergarten/client';
import { kindergartenPolicy, type KindergartenPolicy } from './policy';
import { startCase, type CasesDeps } from './cases';
import {
  importJobs,
  importRows,
  type ImportJobCounts,
  type ImportJobDoc,
  type ImportRowDoc,
  type ImportRowStatus,
} from './collections';
import type { RowResult } from './ledger';
import { clock } from '@duban/contracts';

/**
 * Rows one ledger file may hold. Qingtongxia's 2019 survey ledger (四(一)) lists the residential
 * communities of a county of some 300,000 people: hundreds of rows. 5,000 leaves ten times that
 * room, while one job still ends within minutes and its report stays one page for the console.
 */
export const LEDGER_ROW_LIMIT = 5_000;

/** Cases started at once by one job: the engine takes them in a few workflow tasks each. */
const CONCURRENCY = 4;
/** Attempts to start one row's case while the engine does not answer (1 s, 2 s … apart). */
const START_ATTEMPTS = 6;

export type ReportRow =
  | { row: number; status: 'rejected' | 'failed' | 'pending'; reason?: string }
  | { row: number; status: 'created' | 'exists'; caseId: string; projectId: string; created: boolean };

/** What GET answers: the job's state, its counters and the report so far, row by row. */
export interface ImportJobView extends ImportJobCounts {
  jobId: string;
  campaignId: string;
  createdAt: string;
  finishedAt: string | null;
  report: ReportRow[];
}

export interface LedgerImportDeps extends CasesDeps {
  db: Db;
  logger: ProcessRouteContext['logger'];
  concurrency?: number;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    // Unref'd: a retry in wait never keeps a stopping process alive.
    setTimeout(resolve, ms).unref();
  });

const rowId = (jobId: string, row: number) => `${jobId}:${String(row).padStart(6, '0')}`;

/** The row results as stored: rejected rows are final at once, good ones wait to be started. */
function rowDocs(jobId: string, results: readonly RowResult[]): ImportRowDoc[] {
  return results.map((r) =>
    r.ok
      ? { _id: rowId(jobId, r.row), jobId, row: r.row, status: 'pending', facts: r.facts }
      : { _id: rowId(jobId, r.row), jobId, row: r.row, status: 'rejected', reason: r.reason },
  );
}

function reportRow(doc: ImportRowDoc): ReportRow {
  if (doc.status === 'created' || doc.status === 'exists')
    return {
      row: doc.row,
      status: doc.status,
      caseId: doc.caseId!,
      projectId: doc.projectId!,
      created: doc.status === 'created',
    };
  return { row: doc.row, status: doc.status, ...(doc.reason ? { reason: doc.reason } : {}) };
}

export class LedgerImports {
  /** Jobs this process is running now (a resume never runs one twice). */
  private readonly running = new Set<string>();
  private indexed: Promise<unknown> | null = null;

  constructor(private readonly deps: LedgerImportDeps) {}

  private ensureIndexes(): Promise<unknown> {
    this.indexed ??= importRows(this.deps.db)
      .createIndex({ jobId: 1, status: 1 })
      .catch(() => (this.indexed = null));
    return this.indexed;
  }

  /** Stores the checked rows and the job, then starts it; answers the job as it stands. */
  async create(campaign: Campaign, results: readonly RowResult[], createdBy: string): Promise<ImportJobView> {
    await this.ensureIndexes();
    const jobId = `kg-import-${randomUUID()}`;
    const docs = rowDocs(jobId, results);
    // Rows first, then the job: a crash in between leaves rows no job names, never a job short of rows.
    for (let i = 0; i < docs.length; i += 1000)
      await importRows(this.deps.db).insertMany(docs.slice(i, i + 1000));
    const now = clock.now();
    const rejected = docs.filter((d) => d.status === 'rejected').length;
    await importJobs(this.deps.db).insertOne({
      _id: jobId,
      campaignId: campaign.campaignId,
      campaign,
      state: 'running',
      rows: docs.length,
      done: rejected,
      created: 0,
      existing: 0,
      rejected,
      failed: 0,
      createdBy,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    this.run(jobId);
    return (await this.view(jobId))!;
  }

  /** Runs a job in the background; its errors are logged, and a restart resumes it. */
  run(jobId: string): void {
    if (this.running.has(jobId)) return;
    this.running.add(jobId);
    this.work(jobId)
      .catch((error: unknown) =>
        this.deps.logger.error({ err: error, jobId }, '台账导入任务中断，重启后继续'),
      )
      .finally(() => this.running.delete(jobId));
  }

  /** Resumes every job a stopped process left running; answers how many. */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await importJobs(this.deps.db)
      .find({ state: 'running' })
      .project({ _id: 1 })
      .toArray();
    for (const job of unfinished) this.run(String(job._id));
    return unfinished.length;
  }

  async view(jobId: string): Promise<ImportJobView | null> {
    const job = await importJobs(this.deps.db).findOne({ _id: jobId });
    if (!job) return null;
    const rows = await importRows(this.deps.db).find({ jobId }).toArray();
    rows.sort((a, b) => a.row - b.row);
    return {
      jobId: job._id,
      campaignId: job.campaignId,
      state: job.state,
      rows: job.rows,
      done: job.done,
      created: job.created,
      existing: job.existing,
      rejected: job.rejected,
      failed: job.failed,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
      report: rows.map(reportRow),
    };
  }

  private async work(jobId: string): Promise<void> {
    const job = await importJobs(this.deps.db).findOne({ _id: jobId });
    if (!job || job.state !== 'running') return;
    // After a restart the counters may lag a row behind its report: count again from the rows.
    await this.recount(jobId);
    const pending = await importRows(this.deps.db).find({ jobId, status: 'pending' }).toArray();
    pending.sort((a, b) => a.row - b.row);
    // The 政策参数 in force when the job (re)starts, read once for all its rows.
    const policy = await kindergartenPolicy(this.deps.db);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < pending.length; i = next++) await this.startRow(job, pending[i]!, policy);
    };
    const lanes = Math.max(1, this.deps.concurrency ?? CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(lanes, pending.length) }, lane));
    await this.recount(jobId, true);
  }

  /** Starts one row's case (retrying while the engine does not answer) and records the outcome. */
  private async startRow(job: ImportJobDoc, row: ImportRowDoc, policy: KindergartenPolicy): Promise<void> {
    let outcome: Partial<ImportRowDoc> & { status: ImportRowStatus };
    for (let attempt = 1; ; attempt += 1) {
      try {
        outcome = await this.startOnce(job, row, policy);
        break;
      } catch (error) {
        if (error instanceof InvalidStartInputError) {
          outcome = { status: 'failed', reason: error.message };
          break;
        }
        if (attempt >= START_ATTEMPTS) {
          this.deps.logger.warn({ err: error, jobId: job._id, row: row.row }, '台账导入：个案未能启动');
          outcome = {
            status: 'failed',
            reason: '工作流引擎暂不可用，本行未能建立个案；请稍后重新上传本文件（已建立的个案不会重复建立）',
          };
          break;
        }
        await sleep(1000 * 2 ** (attempt - 1));
      }
    }
    const recorded = await importRows(this.deps.db).updateOne(
      { _id: row._id, status: 'pending' },
      { $set: outcome },
    );
    if (recorded.modifiedCount !== 1) return;
    const counter = outcome.status === 'exists' ? 'existing' : outcome.status;
    await importJobs(this.deps.db).updateOne(
      { _id: job._id },
      { $inc: { done: 1, [counter]: 1 }, $set: { updatedAt: clock.now() } },
    );
  }

  private async startOnce(job: ImportJobDoc, row: ImportRowDoc, policy: KindergartenPolicy) {
    const started = await startCase({ ...this.deps, policy }, job.campaign, row.facts!, {
      importJob: job._id,
    });
    let created = started.created;
    if (!created) {
      // Started by this very job before a restart (its memo says so), or there before the job.
      const handle = this.deps.temporal.workflow.getHandle(kindergartenCaseWorkflowId(started.caseId));
      created = (await handle.describe()).memo?.importJob === job._id;
    }
    return {
      status: created ? ('created' as const) : ('exists' as const),
      caseId: started.caseId,
      projectId: started.projectId,
    };
  }

  /** Sets the counters from the rows; `finish`: the job is done once no row is pending. */
  private async recount(jobId: string, finish = false): Promise<void> {
    const rows = importRows(this.deps.db);
    const count = (status: ImportRowStatus) => rows.countDocuments({ jobId, status });
    const [pending, created, existing, rejected, failed] = await Promise.all(
      (['pending', 'created', 'exists', 'rejected', 'failed'] as const).map(count),
    );
    const done = finish && pending === 0;
    await importJobs(this.deps.db).updateOne(
      { _id: jobId },
      {
        $set: {
          done: created! + existing! + rejected! + failed!,
          created: created!,
          existing: existing!,
          rejected: rejected!,
          failed: failed!,
          updatedAt: clock.now(),
          ...(done ? { state: 'done' as const, finishedAt: clock.now() } : {}),
        },
      },
    );
  }
}
