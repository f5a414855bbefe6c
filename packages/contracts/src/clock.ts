/**
 * The one clock that code outside workflows reads for what the office sees as "now": today's
 * date, colours, createdAt, the time of a fact. In production it is Node's clock. A rehearsal
 * (演练模式, packages/rehearsal) runs the workflows on Temporal's time-skipping server and sets
 * `offsetMs` to the server's time minus Node's, so the gateway, projectors and alerts see the
 * same simulated date as the workflows. Timing of the machinery itself (timeouts, retries, rate
 * limits, leases, metrics) keeps reading Node's clock: it measures real seconds.
 *
 * Kept on globalThis so every copy of this module in one process (tsx may load it twice under
 * two paths) shares one offset. In a workflow sandbox its globalThis is the sandbox's: offset 0,
 * and Date.now is workflow time.
 */
const KEY = Symbol.for('duban.clock');

interface ClockState {
  offsetMs: number;
}

function state(): ClockState {
  const holder = globalThis as { [KEY]?: ClockState };
  return (holder[KEY] ??= { offsetMs: 0 });
}

export const clock = {
  /** Milliseconds since the epoch, as the office's clock reads them. */
  nowMs(): number {
    return Date.now() + state().offsetMs;
  },
  now(): Date {
    return new Date(clock.nowMs());
  },
  /** How far the office's clock is ahead of Node's (0 outside a rehearsal). */
  offsetMs(): number {
    return state().offsetMs;
  },
  /** Only a rehearsal sets this; `reset` puts production's clock back (tests). */
  setOffsetMs(offsetMs: number): void {
    state().offsetMs = offsetMs;
  },
  reset(): void {
    state().offsetMs = 0;
  },
};
