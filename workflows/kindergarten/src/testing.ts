// Test helpers for the kindergarten workflows on the time-skipping server (not part of the runtime).
import type { Actor, CaseActionBody, CaseActionName, CaseCommand } from '@duban/contracts';

let request = 0;

export function actor(role: Actor['role'], unitCode?: string): Actor {
  request += 1;
  return {
    userId: unitCode ? `bureau-${unitCode}` : role,
    name: unitCode ?? role,
    role,
    ...(unitCode ? { unitCode } : {}),
    requestId: `kg-test-req-${request}`,
  };
}

export function command<A extends CaseActionName>(
  action: A,
  who: Actor,
  body: CaseActionBody<A>,
): CaseCommand {
  return { action, actor: who, body } as CaseCommand;
}

/** Milliseconds from the server's `now` until a Shanghai wall-clock instant. */
export function msUntil(now: number, shanghaiIso: string): number {
  return Date.parse(`${shanghaiIso}+08:00`) - now;
}
