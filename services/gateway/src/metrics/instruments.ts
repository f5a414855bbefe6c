import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { observeConsumers, type ConsumedEvent } from '@duban/bus';

// Latency buckets in seconds, from a cached read (2 ms) to an action that waits on a slow engine.
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The instruments an operator scrapes at `/metrics`, one set per process: consumers report
 * through @duban/bus's observer, so those of this process (all of them when the system runs as
 * one process) are counted. The benchmark's latency breakdown reads the same observer.
 */
export class DubanMetrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'duban_http_request_duration_seconds',
    help: 'API request latency by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly updateSeconds = new Histogram({
    name: 'duban_temporal_update_duration_seconds',
    help: 'Temporal Update latency from sending to the workflow answer, by Update name and outcome',
    labelNames: ['update', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly consumerDelaySeconds = new Histogram({
    name: 'duban_consumer_delay_seconds',
    help: 'Consumer lag per event: from JetStream storing it to the consumer settling it, by durable',
    labelNames: ['durable'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly consumerEvents = new Counter({
    name: 'duban_consumer_events_total',
    help: 'Deliveries settled by consumers, by durable and outcome (handled, duplicate, retried, dead-lettered, failed)',
    labelNames: ['durable', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly redeliveries = new Counter({
    name: 'duban_consumer_redeliveries_total',
    help: 'Deliveries that were not the first of their message, by durable',
    labelNames: ['durable'] as const,
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'duban_dead_letters_total',
    help: 'Messages a consumer gave up on and moved to the dead-letter stream, by durable',
    labelNames: ['durable'] as const,
    registers: [this.registry],
  });
  readonly alertsRaised = new Counter({
    name: 'duban_alerts_raised_total',
    help: 'AlertRaised events seen on the bus (a publish retried after a lost ack may count twice)',
    registers: [this.registry],
  });
  private readonly stopObserving: () => void;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'duban_' });
    this.stopObserving = observeConsumers((event) => this.consumed(event));
  }

  consumed(event: ConsumedEvent): void {
    const { durable } = event;
    this.consumerEvents.inc({ durable, outcome: event.outcome });
    if (event.deliveryCount > 1) this.redeliveries.inc({ durable });
    if (event.outcome === 'dead-lettered') this.deadLetters.inc({ durable });
    const delay = (event.settledAt - event.storedAt) / 1000;
    if (Number.isFinite(delay) && delay >= 0) this.consumerDelaySeconds.observe({ durable }, delay);
  }

  close(): void {
    this.stopObserving();
  }
}
