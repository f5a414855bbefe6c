import {
  eventDefinition,
  parseEvent,
  type AnyDubanEvent,
  type CloudEvent,
  type EventData,
  type EventType,
} from '@duban/contracts';
import { nanos } from '@nats-io/nats-core';
import { AckPolicy, DeliverPolicy, type ConsumerConfig } from '@nats-io/jetstream';
import type { Bus } from './connection';
import { publishDeadLetter } from './deadletters';
import { DeliveryQueue, type Delivery } from './delivery-queue';
import type { HandledEventLedger } from './ledger';
import { EVENTS_STREAM } from './names';
import { preciseNow, reportConsumed, type ConsumedEvent } from './observe';

export interface HandlerContext {
  consumer: string;
  deliveryCount: number;
  streamSequence: number;
}

export type EventHandler<T extends EventType> = (
  event: CloudEvent<T, EventData<T>>,
  context: HandlerContext,
) => Promise<void>;

/** Handlers keyed by registered type: a key that is not a registered type does not compile. */
export type EventHandlers = { [T in EventType]?: EventHandler<T> };

export interface ConsumerOptions {
  /** Durable consumer name; one per service module (e.g. `projector`, `alerts`, `bureau-edu`). */
  durable: string;
  handlers: EventHandlers;
  ledger: HandledEventLedger;
  /** Handler attempts before the message is dead-lettered with the last error. */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Delay before the next attempt after a handler failure, by attempt (last one repeats). */
  retryDelaysMs?: number[];
  onError?: (error: unknown, context: { subject: string; sequence: number }) => void;
  /**
   * Where a consumer created now starts: `first` (default) replays the whole stream, as a read
   * model must; `new` takes only what is published from now on (a module added to a running
   * city that owes nothing to the past, or a test that owns the events it checks). An existing
   * durable keeps its position either way.
   */
  startAt?: 'first' | 'new';
}

export interface ConsumerStats {
  handled: number;
  duplicates: number;
  deadLettered: number;
  retried: number;
  /** Times the pull ended on its own (the server was gone) and was started again. */
  resumed: number;
}

export interface RunningConsumer {
  stats: ConsumerStats;
  stop(): Promise<void>;
}

const defaults = { maxDeliver: 5, ackWaitMs: 30_000, retryDelaysMs: [200, 1_000, 5_000] };
const RESUME_AFTER_MS = 1_000;
/** The most deliveries handled as one batch (and held in memory past the pull). */
const BATCH_LIMIT = 64;

interface Screened {
  delivery: Delivery;
  event: AnyDubanEvent;
  handler: EventHandler<EventType>;
}

/**
 * Starts a durable, explicit-ack consumer over the handled types. Every message ends in exactly
 * one of: handled and acked; acked as an already-handled duplicate; dead-lettered with a reason.
 */
export async function startConsumer(bus: Bus, options: ConsumerOptions): Promise<RunningConsumer> {
  const maxDeliver = options.maxDeliver ?? defaults.maxDeliver;
  const types = Object.keys(options.handlers) as EventType[];
  if (types.length === 0) throw new Error(`consumer ${options.durable} has no handlers`);
  // A fact is also read under the names it was published with before a rename.
  const filterSubjects = types.flatMap((t) => {
    const def = eventDefinition(t);
    return [def.subject, ...def.formerly.map((f) => f.subject)];
  });
  const config: Partial<ConsumerConfig> = {
    durable_name: options.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: options.startAt === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
    // One more than our own limit: if the process dies during the last attempt, the server still
    // delivers once more, and that delivery is dead-lettered rather than silently dropped.
    max_deliver: maxDeliver + 1,
    ack_wait: nanos(options.ackWaitMs ?? defaults.ackWaitMs),
    filter_subjects: filterSubjects,
  };
  try {
    await bus.jsm.consumers.info(EVENTS_STREAM, options.durable);
    await bus.jsm.consumers.update(EVENTS_STREAM, options.durable, {
      max_deliver: config.max_deliver,
      ack_wait: config.ack_wait,
      filter_subjects: filterSubjects,
    });
  } catch (error) {
    if (!(error instanceof Error && /consumer not found/i.test(error.message))) throw error;
    await bus.jsm.consumers.add(EVENTS_STREAM, config);
  }

  const consume = async () =>
    (await bus.js.consumers.get(EVENTS_STREAM, options.durable)).consume({ max_messages: BATCH_LIMIT });
  let messages = await consume();
  let stopping = false;
  const stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retried: 0, resumed: 0 };
  const retryDelays = options.retryDelaysMs ?? defaults.retryDelaysMs;

  /** Tells the observers (metrics, the benchmark) what became of one delivery. */
  const settled = (
    delivery: Delivery,
    outcome: ConsumedEvent['outcome'],
    event?: AnyDubanEvent,
    handledAt: number | null = null,
  ) =>
    reportConsumed({
      durable: options.durable,
      eventId: event?.id ?? '',
      type: event?.type ?? '',
      requestId: event?.requestid ?? null,
      deliveryCount: delivery.msg.info.deliveryCount,
      storedAt: delivery.msg.info.timestampNanos / 1e6,
      receivedAt: delivery.receivedAt,
      handledAt,
      settledAt: preciseNow(),
      outcome,
    });

  const deadLetter = async (delivery: Delivery, reason: string, event?: AnyDubanEvent) => {
    const { msg } = delivery;
    await publishDeadLetter(bus.js, {
      consumer: options.durable,
      reason,
      originalSubject: msg.subject,
      originalSequence: msg.seq,
      deliveries: msg.info.deliveryCount,
      payload: msg.data,
    });
    stats.deadLettered++;
    msg.term(reason.slice(0, 200));
    settled(delivery, 'dead-lettered', event);
  };

  /** The event a delivery carries and its handler, or null once it was dead-lettered. */
  const screen = async (delivery: Delivery): Promise<Screened | null> => {
    const { msg } = delivery;
    if (msg.info.deliveryCount > maxDeliver) {
      await deadLetter(
        delivery,
        `not handled after ${maxDeliver} deliveries (the consumer stopped during the last one)`,
      );
      return null;
    }
    let event: AnyDubanEvent;
    try {
      event = parseEvent(JSON.parse(msg.string()));
    } catch (error) {
      await deadLetter(delivery, `invalid event: ${describe(error)}`);
      return null;
    }
    const def = eventDefinition(event.type);
    if (def.subject !== msg.subject && !def.formerly.some((f) => f.subject === msg.subject)) {
      await deadLetter(
        delivery,
        `event type ${event.type} arrived on subject ${msg.subject}, expected ${def.subject}`,
        event,
      );
      return null;
    }
    const handler = options.handlers[event.type] as EventHandler<EventType> | undefined;
    if (!handler) {
      await deadLetter(delivery, `consumer ${options.durable} has no handler for ${event.type}`, event);
      return null;
    }
    return { delivery, event, handler };
  };

  /** Runs one handler; true when it succeeded (the event is then recorded and acked). */
  const runHandler = async ({ delivery, event, handler }: Screened): Promise<boolean> => {
    const { msg } = delivery;
    try {
      await handler(event as CloudEvent<EventType, EventData<EventType>>, {
        consumer: options.durable,
        deliveryCount: msg.info.deliveryCount,
        streamSequence: msg.seq,
      });
      return true;
    } catch (error) {
      options.onError?.(error, { subject: msg.subject, sequence: msg.seq });
      if (msg.info.deliveryCount >= maxDeliver) {
        await deadLetter(
          delivery,
          `handler failed ${msg.info.deliveryCount} times; last error: ${describe(error)}`,
          event,
        );
      } else {
        stats.retried++;
        const delay = retryDelays[Math.min(msg.info.deliveryCount - 1, retryDelays.length - 1)] ?? 1_000;
        msg.nak(delay);
        settled(delivery, 'retried', event);
      }
      return false;
    }
  };

  /**
   * Handles what the pull handed over, in stream order (handlers of one subject rely on it): one
   * ledger lookup for the batch, each new event's handler, one ledger write for those handled,
   * then the acks. An event is acked only once the ledger holds it, so a crash anywhere before
   * the acks redelivers it and the ledger (or the idempotent handler) makes it count once.
   */
  const handleBatch = async (deliveries: Delivery[]) => {
    const screened: Screened[] = [];
    for (const delivery of deliveries) {
      try {
        const ready = await screen(delivery);
        if (ready) screened.push(ready);
      } catch (error) {
        unsettled([delivery], error);
      }
    }
    if (screened.length === 0) return;
    let known: Set<string>;
    try {
      known = await options.ledger.handled(
        options.durable,
        screened.map((s) => s.event.id),
      );
    } catch (error) {
      unsettled(
        screened.map((s) => s.delivery),
        error,
      );
      return;
    }
    const handled: { ready: Screened; at: number }[] = [];
    // Ids handled in this batch: a repeat of one later in the batch is a duplicate too.
    const duplicates: Screened[] = [];
    const seen = new Set<string>();
    for (const ready of screened) {
      if (known.has(ready.event.id) || seen.has(ready.event.id)) {
        duplicates.push(ready);
        continue;
      }
      try {
        if (!(await runHandler(ready))) continue;
      } catch (error) {
        // Dead-lettering failed: the bus is gone under us; the message comes back.
        unsettled([ready.delivery], error);
        continue;
      }
      handled.push({ ready, at: preciseNow() });
      seen.add(ready.event.id);
    }
    try {
      if (handled.length > 0) {
        await options.ledger.recordAll(
          options.durable,
          handled.map((h) => h.ready.event.id),
        );
      }
    } catch (error) {
      // Not recorded: not acked either; the redelivery finds the ledger without them.
      unsettled([...handled.map((h) => h.ready.delivery), ...duplicates.map((d) => d.delivery)], error);
      return;
    }
    await Promise.all([
      ...handled.map(async ({ ready, at }) => {
        await ready.delivery.msg.ackAck();
        stats.handled++;
        settled(ready.delivery, 'handled', ready.event, at);
      }),
      ...duplicates.map(async ({ delivery, event }) => {
        await delivery.msg.ackAck();
        stats.duplicates++;
        settled(delivery, 'duplicate', event);
      }),
    ]);
  };

  /** The bus or store failed under us: leave the messages unacked so they are redelivered. */
  const unsettled = (deliveries: Delivery[], error: unknown) => {
    for (const delivery of deliveries) {
      options.onError?.(error, { subject: delivery.msg.subject, sequence: delivery.msg.seq });
      delivery.msg.nak(1_000);
      settled(delivery, 'failed');
    }
  };

  const drain = async () => {
    const queue = new DeliveryQueue(BATCH_LIMIT);
    const pump = (async () => {
      try {
        for await (const msg of messages) await queue.put({ msg, receivedAt: preciseNow() });
      } finally {
        queue.close();
      }
    })();
    for (;;) {
      const batch = await queue.take(BATCH_LIMIT);
      // Once stopping, what is still queued is left unacked: the server delivers it again.
      if (batch.length === 0 || stopping) break;
      await handleBatch(batch);
    }
    queue.close();
    await pump;
  };
  const loop = (async () => {
    for (;;) {
      try {
        await drain();
      } catch (error) {
        options.onError?.(error, { subject: '(consume)', sequence: 0 });
      }
      if (stopping) return;
      // The pull ended without stop(): the server went away long enough for the client to give
      // up on it. A consumer that quietly stopped would leave its read model behind for good, so
      // it pulls again until the server answers.
      stats.resumed++;
      for (;;) {
        await new Promise((r) => setTimeout(r, RESUME_AFTER_MS));
        if (stopping) return;
        try {
          messages = await consume();
          break;
        } catch (error) {
          options.onError?.(error, { subject: '(consume)', sequence: 0 });
        }
      }
    }
  })();

  return {
    stats,
    stop: async () => {
      stopping = true;
      await messages.close();
      await loop;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
