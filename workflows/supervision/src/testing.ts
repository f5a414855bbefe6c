// Test helpers for the supervision workflow on the time-skipping server (not part of the runtime).
import type { Actor, ActionCommand, ActionName, ActionBody } from '@duban/contracts';

let request = 0;

export function actor(role: Actor['role'], unitCode?: string): Actor {
  request += 1;
  return {
    userId: unitCode ? `bureau-${unitCode}` : role,
    name: unitCode ?? role,
    role,
    ...(unitCode ? { unitCode } : {}),
    requestId: `test-req-${request}`,
  };
}

export function command<A extends ActionName>(action: A, who: Actor, body: ActionBody<A>): ActionCommand {
  return { action, actor: who, body } as ActionCommand;
}

/** Milliseconds from the server's `now` until a Shanghai wall-clock instant. */
export function msUntil(now: number, shanghaiIso: string): number {
  return Date.parse(`${shanghaiIso}+08:00`) - now;
}
