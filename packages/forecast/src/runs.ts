import { randomUUID } from 'node:crypto';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ForecastRun<Request, Result> {
  id: string;
  status: RunStatus;
  request: Request;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  result: Result | null;
  error: string | null;
}

export class ForecastQueueFull extends Error {
  override readonly name = 'ForecastQueueFull';
}

export interface ForecastRunsOptions {
  /** Runs waiting behind the one running; one more is refused. */
  maxWaiting: number;
  /** Finished runs kept for their GET (the oldest go first). */
  keepFinished: number;
}

/**
 * The forecasts of one gateway process, one at a time: a simulation starts its own test server and
 * a worker, which the two-core machine can afford once, not once per caller. Kept in memory: a
 * restart forgets them, and the caller asks again.
 */
export class ForecastRuns<Request, Result> {
  private readonly runs = new Map<string, ForecastRun<Request, Result>>();
  private readonly waiting: { run: ForecastRun<Request, Result>; work: () => Promise<Result> }[] = [];
  private running = false;

  constructor(private readonly options: ForecastRunsOptions) {}

  /** Queues `work`; refused when `maxWaiting` runs already wait. */
  submit(request: Request, work: () => Promise<Result>): ForecastRun<Request, Result> {
    if (this.waiting.length >= this.options.maxWaiting)
      throw new ForecastQueueFull(`已有 ${this.waiting.length} 个预测在排队，请稍后再试`);
    const run: ForecastRun<Request, Result> = {
      id: randomUUID(),
      status: 'queued',
      request,
      submittedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    this.runs.set(run.id, run);
    this.waiting.push({ run, work });
    void this.next();
    return run;
  }

  get(id: string): ForecastRun<Request, Result> | undefined {
    return this.runs.get(id);
  }

  /** Runs ahead of `id` (0: it is running or finished). */
  positionOf(id: string): number {
    const index = this.waiting.findIndex((w) => w.run.id === id);
    return index < 0 ? 0 : index + 1;
  }

  /** Resolves once nothing runs or waits (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.waiting.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const entry = this.waiting.shift();
    if (!entry) return;
    this.running = true;
    const { run, work } = entry;
    run.status = 'running';
    run.startedAt = new Date().toISOString();
    try {
      run.result = await work();
      run.status = 'done';
    } catch (error) {
      run.error = error instanceof Error ? error.message : String(error);
      run.status = 'failed';
    } finally {
      run.finishedAt = new Date().toISOString();
      this.running = false;
      this.forgetOldest();
      void this.next();
    }
  }

  private forgetOldest(): void {
    const finished = [...this.runs.values()].filter((r) => r.finishedAt !== null);
    for (const run of finished.slice(0, Math.max(0, finished.length - this.options.keepFinished)))
      this.runs.delete(run.id);
  }
}
