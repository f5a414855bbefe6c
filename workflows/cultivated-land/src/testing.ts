// Test helpers for the cultivated-land workflows on the time-skipping server (not part of the runtime).
import type { Actor } from '@duban/contracts';

let request = 0;

export function actor(role: Actor['role'], unitCode?: string): Actor {
  request += 1;
  return {
    userId: unitCode ? `bureau-${unitCode}` : role,
    name: unitCode ?? role,
    role,
    ...(unitCode ? { unitCode } : {}),
    requestId: `cl-test-req-${request}`,
  };
}

/** Milliseconds from the server's `now` until a Shanghai wall-clock instant. */
export function msUntil(now: number, shanghaiIso: string): number {
  return Date.parse(`${shanghaiIso}+08:00`) - now;
}
