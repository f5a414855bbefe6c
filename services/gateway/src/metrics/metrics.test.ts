import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsumedEvent } from '@duban/bus';
import { DubanMetrics } from './instruments';
import { mountMetrics, requestTiming } from './http';

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
  ...over,
});

describe('metrics', () => {
  let metrics: DubanMetrics | undefined;
  afterEach(() => metrics?.close());

  it('counts consumer outcomes, redeliveries, dead letters and the delay since JetStream stored the event', async () => {
    metrics = new DubanMetrics();
    metrics.consumed(consumed({}));
    metrics.consumed(consumed({ deliveryCount: 2, outcome: 'retried' }));
    metrics.consumed(consumed({ deliveryCount: 6, outcome: 'dead-lettered', durable: 'alerts' }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('duban_consumer_events_total{durable="projector",outcome="handled"} 1');
    expect(text).toContain('duban_consumer_redeliveries_total{durable="projector"} 1');
    expect(text).toContain('duban_dead_letters_total{durable="alerts"} 1');
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
