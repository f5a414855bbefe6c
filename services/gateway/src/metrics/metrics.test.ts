import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsumedEvent } from '@duban/bus';
import { DubanMetrics } from './instruments';
import { isLoopback, mountMetrics, requestTiming } from './http';
import { cachedReading } from './cache';
import { openWorkflowsQuery, routeLabel } from './labels';

const consumed = (over: Partial<ConsumedEvent>): ConsumedEvent => ({
  durable: 'projector',
  eventId: 'e1',
  type: 'duban.supervision.progress-reported.v1',
  requestId: null,
  deliveryCount: 1,
  storedAt: 1_000,
  receivedAt: 1_010,
  handledAt: 1_040,
  settledAt: 1_050,
  outcome: 'handled',
  handlerFailed: false,
  ...over,
});

describe('metrics', () => {
  let metrics: DubanMetrics | undefined;
  afterEach(() => metrics?.close());

  it('counts consumer outcomes, redeliveries, dead letters and the delay since JetStream stored the event', async () => {
    metrics = new DubanMetrics();
    metrics.consumed(consumed({}));
    metrics.consumed(consumed({ deliveryCount: 2, outcome: 'retried', handlerFailed: true }));
    metrics.consumed(consumed({ deliveryCount: 6, outcome: 'dead-lettered', durable: 'alerts' }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('duban_consumer_events_total{durable="projector",outcome="handled"} 1');
    expect(text).toContain('duban_consumer_redeliveries_total{durable="projector"} 1');
    expect(text).toContain('duban_dead_letters_total{durable="alerts"} 1');
    expect(text).toContain('duban_consumer_handler_failures_total{durable="projector"} 1');
    expect(text).not.toContain('duban_consumer_handler_failures_total{durable="alerts"}');
    // 50 ms from stored to settled: in the 0.05 s bucket.
    expect(text).toContain('duban_consumer_delay_seconds_bucket{le="0.05",durable="projector"} 2');
  });

  it('times requests by route pattern and serves them at /metrics in Prometheus text', async () => {
    metrics = new DubanMetrics();
    const app = express();
    app.use(requestTiming(metrics));
    mountMetrics(app, metrics);
    const api = express.Router();
    api.get('/items/:id', (_req, res) => {
      res.json({});
    });
    app.use('/api', api);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${url}/api/items/a-1`);
      await fetch(`${url}/api/items/b-2`);
      const res = await fetch(`${url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      expect(text).toContain(
        'duban_http_request_duration_seconds_count{method="GET",route="/api/items/:id",status="200"} 2',
      );
      expect(text).not.toContain('a-1');
    } finally {
      server.close();
    }
  });
});

describe('metrics labels and readings', () => {
  it('labels a request by its route pattern under the router, or unmatched', () => {
    expect(routeLabel('/api', '/items/:id')).toBe('/api/items/:id');
    expect(routeLabel('', '/metrics')).toBe('/metrics');
    expect(routeLabel('/api', undefined)).toBe('unmatched');
  });

  it('counts a process’s open workflows on its own task queue', () => {
    expect(openWorkflowsQuery('land-use')).toBe(
      "TaskQueue = 'duban-land-use' AND ExecutionStatus = 'Running'",
    );
  });

  it('times each action’s Update by process, Update name and outcome', async () => {
    const metrics = new DubanMetrics();
    try {
      metrics.updateTimer('kindergarten')({ update: 'caseAction', outcome: 'refused', seconds: 0.02 });
      metrics.updateTimer('social-assistance')({ update: 'caseAction', outcome: 'answered', seconds: 0.02 });
      const text = await metrics.registry.metrics();
      expect(text).toContain(
        'duban_temporal_update_duration_seconds_count{process="kindergarten",update="caseAction",outcome="refused"} 1',
      );
      expect(text).toContain(
        'duban_temporal_update_duration_seconds_count{process="social-assistance",update="caseAction",outcome="answered"} 1',
      );
    } finally {
      metrics.close();
    }
  });

  it('reads backlogs and open workflows when scraped, once per period, keeping the last on failure', async () => {
    let reads = 0;
    let failing = false;
    const metrics = new DubanMetrics({
      backlogs: async () => {
        reads++;
        if (failing) throw new Error('nats away');
        return [{ durable: 'projector', pending: 7, ackPending: 2, redelivered: 1 }];
      },
      openWorkflows: async () => [{ process: 'supervision', open: 12 }],
    });
    try {
      const text = await metrics.registry.metrics();
      expect(text).toContain('duban_consumer_pending_messages{durable="projector"} 7');
      expect(text).toContain('duban_consumer_ack_pending_messages{durable="projector"} 2');
      expect(text).toContain('duban_consumer_redelivered_messages{durable="projector"} 1');
      expect(text).toContain('duban_open_workflows{process="supervision"} 12');
      await metrics.registry.metrics();
      expect(reads).toBe(1);
    } finally {
      metrics.close();
    }
    let clock = 0;
    let value = 0;
    const reading = cachedReading(
      1_000,
      async () => {
        if (failing) throw new Error('nats away');
        return ++value;
      },
      () => clock,
    );
    expect(await reading()).toBe(1);
    clock = 500;
    expect(await reading()).toBe(1);
    clock = 1_500;
    expect(await reading()).toBe(2);
    failing = true;
    clock = 3_000;
    expect(await reading()).toBe(2);
  });

  it('knows a loopback peer, IPv4, IPv6 or mapped', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('::ffff:10.0.0.5')).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
  });

  it('serves /metrics to a forwarded request only with the operator token', async () => {
    const metrics = new DubanMetrics();
    const app = express();
    mountMetrics(app, metrics, { token: 'scrape-token-0123456789' });
    app.use(
      (
        error: { status?: number },
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(error.status ?? 500).end();
      },
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
    try {
      expect((await fetch(url)).status).toBe(200);
      const proxied = { 'x-forwarded-for': '203.0.113.9' };
      expect((await fetch(url, { headers: proxied })).status).toBe(403);
      expect((await fetch(url, { headers: { ...proxied, authorization: 'Bearer wrong' } })).status).toBe(403);
      expect(
        (await fetch(url, { headers: { ...proxied, authorization: 'Bearer scrape-token-0123456789' } }))
          .status,
      ).toBe(200);
    } finally {
      server.close();
      metrics.close();
    }
  });
});
