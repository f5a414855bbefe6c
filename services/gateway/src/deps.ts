import type { RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Bus } from '@duban/bus';
import type { ProcessModule } from '@duban/process';
import type { EngineWatch } from '@duban/http';
import type { AuthService } from './auth/service';
import type { Tracing } from '@duban/metrics';
import type { DubanMetrics } from './metrics/instruments';
import type { RateLimitOptions } from './middleware/rate-limit';

export type NatsConnection = Bus['nc'];

export interface GatewayDeps {
  /** The Duban database: users and the read models. */
  db: Db;
  temporal: Client;
  /** The Temporal namespace the client works in (shown by /api/health). */
  namespace: string;
  /** Core NATS connection for the live alert stream (`Bus.nc`). */
  natsConnection: NatsConnection;
  /** HS256 secret for session tokens, at least 32 characters. */
  jwtSecret: string;
  logger?: Logger;
  rateLimit?: RateLimitOptions;
  /** JSON body limit (default `100kb`). */
  bodyLimit?: string;
  /** Express `trust proxy` setting when the gateway runs behind a proxy (default: off). */
  trustProxy?: boolean | number | string;
  /** How long an action waits for its workflow's answer before a 504 (default 30 s). */
  actionTimeoutMs?: number;
  /** Comment line sent on idle alert streams (default 15 s). */
  sseHeartbeatMs?: number;
  /** The clock for "today" (Asia/Shanghai) and token times; tests pin it. */
  now?: () => Date;
  /** Days a case stays red before it is escalated to the leadership group (ALERT_RED_ESCALATION_DAYS). */
  escalateAfterRedDays?: number;
  /** The processes the composition root runs (its one list). */
  processes?: readonly ProcessModule[];
  /**
   * Which engines are down (started by `startGateway`): requests needing one answer 503 with
   * Retry-After at once instead of waiting for the engine's client to give up.
   */
  engines?: EngineWatch;
  /** Prometheus instruments: with them, requests are timed and `GET /metrics` serves them. */
  metrics?: DubanMetrics;
  /** OTLP tracing (`startTracing`): with it, every request is a server span. */
  tracing?: Tracing;
  /** METRICS_TOKEN: lets a scraper elsewhere read `/metrics` (without it, this host only). */
  metricsToken?: string | null;
  /** What `duban start` supervises and how often it restarted each part (null: not supervised). */
  supervision?: () => SupervisionView | null;
}

/** The supervisor's view shown by /api/health: no pids, no paths. */
export interface SupervisionView {
  /** True while a backup holds the engines stopped. */
  paused: boolean;
  parts: { name: string; state: string; restarts: number; lastRestartAt: string | null }[];
}

/** What route modules get: the dependencies, resolved. */
export interface RouteContext {
  db: Db;
  temporal: Client;
  namespace: string;
  nc: NatsConnection;
  auth: AuthService;
  logger: Logger;
  now: () => Date;
  actionTimeoutMs: number;
  sseHeartbeatMs: number;
  /** The stricter limiter for password checks (login, own password change). */
  credentialLimit: RequestHandler;
  engines?: EngineWatch;
  supervision: () => SupervisionView | null;
}
