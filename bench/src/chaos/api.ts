// The chaos run's API client: a patient one. A request that meets a dead gateway or an engine
// that is down (connection refused, 502/503/504, 429) is sent again with the same x-request-id
// after Retry-After or a short backoff, until it gets an answer that means something.

const RETRYABLE = new Set([429, 502, 503, 504]);

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class ApiStats {
  requests = 0;
  retries = 0;
  /** Answers by status, after retries. */
  readonly statuses = new Map<number, number>();
  /** 500s met on the way (retried): each is a finding. */
  readonly serverErrors: string[] = [];
  /** The longest time one request waited, from its first try to its answer. */
  longestStallMs = 0;
  longestStallAt = '';
  /** When the API last answered anybody successfully. */
  lastSuccess = Date.now();
  /** The longest time the API gave no successful answer to anybody. */
  longestGapMs = 0;
}

export class Api {
  constructor(
    readonly url: string,
    readonly stats: ApiStats,
    private readonly giveUpMs = 600_000,
  ) {}

  async login(username: string, password: string): Promise<string> {
    const res = await this.send<{ token: string }>('POST', '/api/session', {
      body: { username, password },
      requestId: `login-${username}-${Date.now()}`,
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  /** Sends until the answer is not a retryable one; every try carries `requestId`. */
  async send<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; body?: unknown; requestId: string },
  ): Promise<Answer<T>> {
    const started = Date.now();
    this.stats.requests += 1;
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) this.stats.retries += 1;
      let wait = Math.min(200 * 2 ** attempt, 2_000);
      try {
        const res = await fetch(this.url + path, {
          method,
          headers: {
            'x-request-id': options.requestId,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
          signal: AbortSignal.timeout(60_000),
        });
        const text = await res.text();
        const body = (text ? JSON.parse(text) : {}) as T;
        if (res.status === 500) this.stats.serverErrors.push(`${method} ${path}: ${text.slice(0, 300)}`);
        if (!RETRYABLE.has(res.status) && res.status !== 500) {
          this.done(started, `${method} ${path}`, res.status);
          return { status: res.status, body };
        }
        const retryAfter = Number(res.headers.get('retry-after'));
        // Retry-After is the server's advice for the worst case; the run checks sooner.
        if (retryAfter > 0) wait = Math.min(retryAfter * 1_000, 1_000);
      } catch {
        // Connection refused or reset: the service process is down or restarting.
      }
      if (Date.now() - started > this.giveUpMs) {
        throw new Error(`${method} ${path}: no answer in ${this.giveUpMs} ms`);
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  private done(started: number, what: string, status: number): void {
    const now = Date.now();
    const s = this.stats;
    s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
    if (now - started > s.longestStallMs) {
      s.longestStallMs = now - started;
      s.longestStallAt = what;
    }
    if (status < 400) {
      s.longestGapMs = Math.max(s.longestGapMs, now - s.lastSuccess);
      s.lastSuccess = now;
    }
  }
}
