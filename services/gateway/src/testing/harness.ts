// Test support for the gateway's system tests: a gateway on an ephemeral port over the real test
// engines, with a Temporal client that records every call it sends to the workflows.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { expect, inject } from 'vitest';
import { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import { pino } from 'pino';
import { ReadModels } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import { connectEngines, type Engines } from '../../../../test/support/engines';
import { answerClientErrors } from '@duban/http';
import { supervisionProcess } from '@duban/service-supervision';
import { createGateway, type GatewayDeps } from '../index';

export const TEST_JWT_SECRET = 'gateway-system-tests-secret-0123456789abcdef';

export interface TemporalCall {
  kind: 'update' | 'query';
  workflowId: string;
  name: string;
}

export interface Harness {
  url: string;
  db: Db;
  engines: Engines;
  /** Every Update and Query the gateway sent to Temporal. */
  temporalCalls: TemporalCall[];
  close(): Promise<void>;
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/** A gateway over the test stack, with its own database (dropped first) so files never collide. */
export async function startHarness(dbSuffix: string, overrides: Partial<GatewayDeps> = {}): Promise<Harness> {
  const engines = await connectEngines();
  const db = engines.store.client.db(`${inject('stack').mongoDb}_${dbSuffix}`);
  await db.dropDatabase();
  const temporalCalls: TemporalCall[] = [];
  const temporal = new Client({
    connection: engines.client.connection,
    namespace: 'default',
    interceptors: {
      workflow: [
        {
          startUpdate: (input, next) => {
            temporalCalls.push({
              kind: 'update',
              workflowId: input.workflowExecution.workflowId,
              name: input.updateName,
            });
            return next(input);
          },
          query: (input, next) => {
            temporalCalls.push({
              kind: 'query',
              workflowId: input.workflowExecution.workflowId,
              name: input.queryType,
            });
            return next(input);
          },
        },
      ],
    },
  });
  const app = createGateway({
    db,
    temporal,
    namespace: 'default',
    natsConnection: engines.bus.nc,
    jwtSecret: TEST_JWT_SECRET,
    logger: pino({ level: process.env.GATEWAY_TEST_LOG ?? 'silent' }),
    // The gateway's own tests drive supervision items, the process every deployment runs.
    processes: [supervisionProcess],
    ...overrides,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    engines,
    temporalCalls,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engines.close();
    },
  };
}

export async function api<T = Record<string, unknown>>(
  harness: { url: string },
  path: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${harness.url}${path}`, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * Sends one request twice (the caller sets the same `x-request-id` each time): both answers must
 * be `status` and the same, as a retried request acts once. Returns the first.
 */
export async function sentTwice<T>(
  send: () => Promise<ApiResponse<T>>,
  status: number,
): Promise<ApiResponse<T>> {
  const first = await send();
  expect(first.status, JSON.stringify(first.body)).toBe(status);
  const again = await send();
  expect(again.status).toBe(status);
  expect(again.body).toEqual(first.body);
  return first;
}

/** The one problem+json body every route answers a refusal with (no errors, no extra fields). */
export function conflictProblem(instance: string, requestId: string) {
  return {
    type: 'urn:duban:problem:conflict',
    title: expect.any(String),
    status: 409,
    detail: expect.any(String),
    instance,
    requestId,
  };
}

export async function login(harness: { url: string }, username: string, password: string): Promise<string> {
  const res = await api<{ token: string }>(harness, '/api/session', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** A read-model item as the projector would write it. */
export function itemDoc(itemId: string, fields: Partial<ItemDoc> = {}): ItemDoc {
  const deadline = fields.deadline === undefined ? '2019-06-30' : fields.deadline;
  return {
    _id: itemId,
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: '一',
    title: `测试事项 ${itemId}`,
    leadUnits: ['edu'],
    cooperatingUnits: [],
    state: 'assigned',
    colour: 'green',
    overallColour: 'green',
    deadline,
    originalDeadline: deadline,
    deadlineHistory: [],
    reporting: { kind: 'none' },
    nextReportDue: null,
    reportMissing: false,
    lastProgressAt: null,
    pendingExtension: null,
    subTasks: [],
    redSince: null,
    createdAt: '2019-04-21T09:00:00+08:00',
    closedAt: null,
    version: 1,
    updatedAt: new Date('2019-04-21T01:00:00Z'),
    latestProgress: null,
    ...fields,
  };
}

export function insertItems(db: Db, docs: ItemDoc[]) {
  return db.collection<ItemDoc>(ReadModels.items).insertMany(docs);
}

/** Reads a server-sent-events response as it arrives. */
export class EventStreamReader {
  readonly events: { event: string; id?: string; data: string }[] = [];
  readonly comments: string[] = [];
  private buffer = '';
  private waiters: (() => void)[] = [];
  private readonly done: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.done = this.read();
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventStreamReader> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    return new EventStreamReader(response, controller);
  }

  private async read(): Promise<void> {
    if (!this.response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body) {
        this.buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    let isEvent = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
      } else if (line.startsWith('event:')) {
        event = line.slice(6).trim();
        isEvent = true;
      } else if (line.startsWith('id:')) {
        id = line.slice(3).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).trimStart());
        isEvent = true;
      }
    }
    if (isEvent) this.events.push({ event, ...(id !== undefined ? { id } : {}), data: data.join('\n') });
  }

  /** Waits until `accept` holds of what has arrived, or the timeout passes (then returns false). */
  async until(accept: () => boolean, timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!accept()) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return true;
  }

  alerts(): { alertId: string; audience: string; itemId: string }[] {
    return this.events
      .filter((e) => e.event === 'alert')
      .map((e) => JSON.parse(e.data) as { alertId: string; audience: string; itemId: string });
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}
