// Helpers for workflow tests (not part of the runtime).
import type { Actor } from '@duban/contracts';

/** Test actors whose request ids start with `prefix` (each call is a new request). */
export function testActors(prefix: string): (role: Actor['role'], unitCode?: string) => Actor {
  let request = 0;
  return (role, unitCode) => {
    request += 1;
    return {
      userId: unitCode ? `bureau-${unitCode}` : role,
      name: unitCode ?? role,
      role,
      ...(unitCode ? { unitCode } : {}),
      requestId: `${prefix}-${request}`,
    };
  };
}

/** Milliseconds from the server's `now` until a Shanghai wall-clock instant. */
export function msUntil(now: number, shanghaiIso: string): number {
  return Date.parse(`${shanghaiIso}+08:00`) - now;
}
