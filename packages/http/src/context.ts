import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Actor, EventType, NewEvent } from '@duban/contracts';
import type { EngineWatch } from './engines';
import type { Principal } from './principal';
import type { UpdateSettled } from './temporal';

/** What a process's routes get from the host (the gateway): engines, clock and limits. */
export interface ProcessRouteContext {
  /** The Duban database: the read models. */
  db: Db;
  temporal: Client;
  logger: Logger;
  /** The clock for "today" (Asia/Shanghai); tests pin it. */
  now: () => Date;
  /** How long an action waits for its workflow's answer before a 504. */
  actionTimeoutMs: number;
  /** Which engines are down (the gateway's watch): actions are then refused with 503 at once. */
  engines?: EngineWatch;
  /** The task queue workflows are started on, when not the process's own (tests). */
  taskQueue?: string;
  /** Told how each action's Update ended and how long it took (the gateway times them per process). */
  onUpdateSettled?: (settled: UpdateSettled) => void;
  /** Days a case may stay red before it is escalated to the leadership group (ALERT_RED_ESCALATION_DAYS). */
  escalateAfterRedDays?: number;
  /**
   * Publishes a fact decided outside any workflow (a ledger kept by a bureau), schema-checked, on the
   * bus; resolves with its stream sequence (the original one when JetStream saw the id before).
   */
  publish?: (event: NewEvent<EventType>) => Promise<{ sequence: number }>;
}

/** Who acted, as the workflow records it: the principal and the request that carried the action. */
export function actorOf(user: Principal, requestId: string): Actor {
  return {
    userId: user.username,
    name: user.name,
    role: user.role,
    // Only bureau users belong to a unit (the user store refuses any other combination).
    ...(user.role === 'bureau' && user.unitCode ? { unitCode: user.unitCode } : {}),
    requestId,
  };
}
