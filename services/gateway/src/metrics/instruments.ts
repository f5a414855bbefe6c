import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { observeConsumers, type ConsumedEvent, type ConsumerBacklog } from '@duban/bus';
import type { UpdateSettled } from '@duban/http';
import { cachedReading } from './cache';

// Latency buckets in seconds, from a cached read (2 ms) to an action that waits on a slow engine.
const BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Backlogs change by the event; a scrape every 15 s sees them fresh enough at 5 s. */
const BACKLOG_TTL_MS = 5_000;
/** Open workflows change by the day: one count per process every 30 s at most. */
const OPEN_WORKFLOWS_TTL_MS = 30_000;

/** Readings taken from the engines when scraped (cached), where there are engines to ask. */
export interface MetricSources {
  /** Every durable's backlog on the event stream (`consumerBacklogs` of @duban/bus). */
  backlogs?: () => Promise<ConsumerBacklog[]>;
  /** Open (running) workflows per process, from Temporal's visibility store. */
  openWorkflows?: () => Promise<{ process: string; open: number }[]>;
}

/**
 * The instruments an operator scrapes at `/metrics`. Consumers report through @duban/bus's
 * observer, so those of this process (all of them when the system runs as one process) are
 * counted; backlogs and open workflows are read from JetStream and Temporal, so they cover every
 * process. The benchmark's latency breakdown reads the same observer.
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
    help: 'Action latency from sending its Temporal Update to the workflow answer, by process, Update name and outcome (answered, refused, failed)',
    labelNames: ['process', 'update', 'outcome'] as const,
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
  readonly handlerFailures = new Counter({
    name: 'duban_consumer_handler_failures_total',
    help: 'Deliveries whose handler threw (then retried, or dead-lettered at the limit), by durable',
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

  constructor(sources: MetricSources = {}) {
    collectDefaultMetrics({ register: this.registry, prefix: 'duban_' });
    this.stopObserving = observeConsumers((event) => this.consumed(event));
    if (sources.backlogs) this.backlogGauges(cachedReading(BACKLOG_TTL_MS, sources.backlogs));
    if (sources.openWorkflows)
      this.openWorkflowGauge(cachedReading(OPEN_WORKFLOWS_TTL_MS, sources.openWorkflows));
  }

  consumed(event: ConsumedEvent): void {
    const { durable } = event;
    this.consumerEvents.inc({ durable, outcome: event.outcome });
    if (event.deliveryCount > 1) this.redeliveries.inc({ durable });
    if (event.handlerFailed) this.handlerFailures.inc({ durable });
    if (event.outcome === 'dead-lettered') this.deadLetters.inc({ durable });
    const delay = (event.settledAt - event.storedAt) / 1000;
    if (Number.isFinite(delay) && delay >= 0) this.consumerDelaySeconds.observe({ durable }, delay);
  }

  /** What the routes of `process` report of each action's Update (ProcessRouteContext.onUpdateSettled). */
  updateTimer(process: string): (settled: UpdateSettled) => void {
    return ({ update, outcome, seconds }) =>
      this.updateSeconds.observe({ process, update, outcome }, seconds);
  }

  close(): void {
    this.stopObserving();
  }

  private backlogGauges(read: () => Promise<ConsumerBacklog[] | null>): void {
    const gauge = (name: string, help: string, pick: (b: ConsumerBacklog) => number) =>
      this.readingGauge(name, help, 'durable', read, (b) => [b.durable, pick(b)]);
    gauge(
      'duban_consumer_pending_messages',
      'Consumer lag: events stored on the stream and not yet delivered to the durable (JetStream num_pending)',
      (b) => b.pending,
    );
    gauge(
      'duban_consumer_ack_pending_messages',
      'Events delivered to the durable and not yet acked (JetStream num_ack_pending)',
      (b) => b.ackPending,
    );
    gauge(
      'duban_consumer_redelivered_messages',
      'Unacked events the durable has been delivered more than once (JetStream num_redelivered)',
      (b) => b.redelivered,
    );
  }

  private openWorkflowGauge(read: () => Promise<{ process: string; open: number }[] | null>): void {
    this.readingGauge(
      'duban_open_workflows',
      'Running workflows per process, counted by Temporal visibility (cached 30 s)',
      'process',
      read,
      (c) => [c.process, c.open],
    );
  }

  /**
   * A gauge set from a reading when scraped, one series per row; with no reading yet (the engine
   * did not answer), it shows nothing rather than a made-up zero.
   */
  private readingGauge<Row>(
    name: string,
    help: string,
    label: string,
    read: () => Promise<Row[] | null>,
    series: (row: Row) => [string, number],
  ): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        const rows = await read();
        if (!rows) return;
        this.reset();
        for (const row of rows) {
          const [value, figure] = series(row);
          this.set({ [label]: value }, figure);
        }
      },
    });
  }
}
