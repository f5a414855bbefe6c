/**
 * How long the supervisor waits before restarting a part that died: 1 s after the first death,
 * doubling with each death that follows soon after, at most 30 s; a part that stayed up for a
 * minute counts as healthy again and the next death waits 1 s.
 */
export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
  /** Uptime after which earlier deaths are forgotten. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };

export class Backoff {
  private failures = 0;

  constructor(private readonly policy: BackoffPolicy = DEFAULT_BACKOFF) {}

  /** Records a death after `uptimeMs` of running; returns the wait before the next start. */
  nextDelay(uptimeMs: number): number {
    if (uptimeMs >= this.policy.stableMs) this.failures = 0;
    this.failures += 1;
    return Math.min(this.policy.firstMs * 2 ** (this.failures - 1), this.policy.maxMs);
  }
}
