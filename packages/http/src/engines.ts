// Which engine is down right now, so a request that needs it is answered 503 at once rather than
// left waiting for the engine's client to give up (issue 12, defect 6: with Temporal killed,
// actions hung 15 s and more while /api/health already said so).
import { isGrpcServiceError } from '@temporalio/client';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

export type EngineName = 'temporal' | 'nats' | 'mongodb';

/** Seconds a client should wait before it retries: an embedded engine restarts in a few. */
export const RETRY_AFTER_SECONDS = 5;

const ENGINE_LABELS: Record<EngineName, string> = {
  temporal: '工作流引擎（Temporal）',
  nats: '消息总线（NATS）',
  mongodb: '数据库（MongoDB）',
};

/** What a route that needs a down engine answers: 503 with Retry-After, said the same everywhere. */
export function engineUnavailable(engine: EngineName, cause?: unknown): HttpProblem {
  return new HttpProblem(
    503,
    `${ENGINE_LABELS[engine]}暂不可用，请在 ${RETRY_AFTER_SECONDS} 秒后以同一请求编号（x-request-id）重试：同一编号的操作只办理一次`,
    { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) }, ...(cause === undefined ? {} : { cause }) },
  );
}

// gRPC status UNAVAILABLE (not exported as a name by the client package).
const GRPC_UNAVAILABLE = 14;

// The driver's errors for "no server to talk to" (matched by name: the http kit needs no driver).
const MONGO_UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/** The engine an error says is unreachable, if it says so (the error or its cause). */
export function unreachableEngine(error: unknown): EngineName | null {
  const cause = (error as { cause?: unknown } | null)?.cause;
  for (const e of [error, cause]) {
    if (isGrpcServiceError(e) && e.code === GRPC_UNAVAILABLE) return 'temporal';
    if (e instanceof Error && MONGO_UNREACHABLE.has(e.name)) return 'mongodb';
  }
  return null;
}

/** A check that resolves when the engine answers. */
export type EngineProbe = () => Promise<unknown>;

export interface EngineWatchOptions {
  /** Time between probes of each engine (default 1 s). */
  intervalMs?: number;
  /** A probe not answered in this time counts as down (default 1.5 s). */
  timeoutMs?: number;
  /** Told when an engine goes down or comes back. */
  onChange?: (engine: EngineName, up: boolean) => void;
}

/**
 * Probes each engine it is given every second and remembers which is down. Routes ask `isDown`
 * before they call an engine; a request that meets an unreachable engine calls `suspect`, which
 * probes at once instead of at the next tick. Without `start()` it only knows what it is told.
 */
export class EngineWatch {
  private readonly downSince = new Map<EngineName, number>();
  private readonly probing = new Set<EngineName>();
  private timer: NodeJS.Timeout | undefined;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly probes: Partial<Record<EngineName, EngineProbe>>,
    private readonly options: EngineWatchOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1_000;
    this.timeoutMs = options.timeoutMs ?? 1_500;
  }

  start(): this {
    if (this.timer) return this;
    this.timer = setInterval(() => {
      for (const engine of Object.keys(this.probes) as EngineName[]) this.probe(engine);
    }, this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  isDown(engine: EngineName): boolean {
    return this.downSince.has(engine);
  }

  /** The engines known down, with the time each went down. */
  down(): { engine: EngineName; since: Date }[] {
    return [...this.downSince].map(([engine, since]) => ({ engine, since: new Date(since) }));
  }

  /** What a check outside the watch found (the health route, a failed call). */
  report(engine: EngineName, up: boolean): void {
    const wasDown = this.downSince.has(engine);
    if (up === !wasDown) return;
    if (up) this.downSince.delete(engine);
    else this.downSince.set(engine, Date.now());
    this.options.onChange?.(engine, up);
  }

  /** A call just met an unreachable engine: check now rather than at the next tick. */
  suspect(engine: EngineName): void {
    this.probe(engine);
  }

  private probe(engine: EngineName): void {
    const probe = this.probes[engine];
    if (!probe || this.probing.has(engine)) return;
    this.probing.add(engine);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), this.timeoutMs);
    });
    Promise.race([probe(), timeout])
      .then(
        () => this.report(engine, true),
        () => this.report(engine, false),
      )
      .finally(() => {
        clearTimeout(timer);
        this.probing.delete(engine);
      })
      .catch(() => undefined);
  }
}

/** Answers 503 before any work when one of `needs` is known down (paths in `except` pass). */
export function engineGuard(
  watch: EngineWatch,
  needs: readonly EngineName[],
  except: readonly string[] = [],
): RequestHandler {
  return (req, _res, next) => {
    if (!except.includes(req.path)) {
      const down = needs.find((engine) => watch.isDown(engine));
      if (down) throw engineUnavailable(down);
    }
    next();
  };
}
