import {
  eventDefinition,
  parseEvent,
  type AnyDubanEvent,
  type CloudEvent,
  type EventData,
  type EventType,
} from '@duban/contracts';
import { nanos } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerConfig,
  type ConsumerMessages,
  type ConsumerUpdateConfig,
} from '@nats-io/jetstream';
import type { Bus } from './connection';
import { publishDeadLetter } from './deadletters';
import { DeliveryQueue, type Delivery } from './delivery-queue';
import { HeldDeliveries } from './held-deliveries';
import { isInfrastructureFailure } from './infrastructure';
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
  /**
   * Failures of the handler itself before the event is dead-lettered with the last error. A store
   * or bus out of reach is not the event's fault and never counts (the batch waits for it).
   */
  maxHandlerFailures?: number;
  /**
   * Deliveries that ended with no outcome at all (the process died or hung during each) before
   * the event is dead-lettered: an event that kills its consumer must not stop it for good, but
   * a consumer killed many times over (a restart, an outage, an operator) must lose nothing.
   */
  maxDeliveries?: number;
  ackWaitMs?: number;
  /** Delay before the next attempt after a handler failure, by failure (last one repeats). */
  retryDelaysMs?: number[];
  /** Delay before a batch is tried again while the store or bus is out of reach (last one repeats). */
  unreachableDelaysMs?: number[];
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
  /** Times a pull ended on its own (the server was gone) and was started again. */
  resumed: number;
  /** Times a batch waited for the store or bus to come back. */
  waitedForInfrastructure: number;
}

export interface RunningConsumer {
  stats: ConsumerStats;
  stop(): Promise<void>;
}

const defaults = {
  maxHandlerFailures: 5,
  maxDeliveries: 100,
  ackWaitMs: 30_000,
  retryDelaysMs: [200, 1_000, 5_000],
  unreachableDelaysMs: [500, 1_000, 2_000, 5_000, 10_000],
};
const RESUME_AFTER_MS = 1_000;
/** The most deliveries queued, and the most handled as one batch. */
const BATCH_LIMIT = 64;
/**
 * How long one pull waits on a quiet stream before the next. The pinned replica keeps its pin only
 * by pulling again within PINNED_TTL_MS (measured from its last pull request, not from a pull
 * still waiting), so a pull must expire well inside the TTL.
 */
const PULL_EXPIRES_MS = 5_000;
/**
 * Why one replica at a time: every durable is consumed by every replica of its process (two on
 * the cluster profile, see infra/production/README.md). The projectors write read models
 * read-then-write (`upsertNewer` in @duban/store, the supervision `writeItem`), and FerretDB 1.x
 * has neither multi-document transactions nor an atomic conditional update to make that one step;
 * two replicas handling two events of one item at once could each read the same old version and
 * write in either order, leaving the older snapshot last. So every durable is a pull consumer with
 * a JetStream priority group under the `pinned_client` policy (nats-server >= 2.11, ADR-42): the
 * server delivers only to the replica it pinned, the other's pulls wait, and it pins the other once
 * the pinned one has not pulled for PINNED_TTL_MS (it died, or lost the bus that long). A replica
 * that stops on purpose gives the pin up at once (`unpin`), so a restart does not wait the TTL.
 */
export const PRIORITY_GROUP = 'replicas';
export const PINNED_TTL_MS = 12_000;

interface Screened {
  delivery: Delivery;
  event: AnyDubanEvent;
  handler: EventHandler<EventType>;
}

/** What a pass over a batch left for later because the store or bus was out of reach. */
interface Interrupted {
  left: Delivery[];
  error: unknown;
}

/**
 * Starts a durable, explicit-ack consumer over the handled types. Every message ends in exactly
 * one of: handled and acked; acked as an already-handled duplicate; dead-lettered with a reason.
 * While the store or bus is away, it waits with the messages in hand and loses none.
 */
export async function startConsumer(bus: Bus, options: ConsumerOptions): Promise<RunningConsumer> {
  const maxHandlerFailures = options.maxHandlerFailures ?? defaults.maxHandlerFailures;
  const maxDeliveries = Math.max(options.maxDeliveries ?? defaults.maxDeliveries, maxHandlerFailures + 1);
  const ackWaitMs = options.ackWaitMs ?? defaults.ackWaitMs;
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
    // One more than our own limit: the delivery past it is dead-lettered, not silently dropped.
    max_deliver: maxDeliveries + 1,
    ack_wait: nanos(ackWaitMs),
    filter_subjects: filterSubjects,
    // The server hands out no more than a batch before it is acked: everything delivered is in
    // hand (and marked in progress) at once, and a long backlog stays on the server.
    max_ack_pending: BATCH_LIMIT,
    priority_groups: [PRIORITY_GROUP],
    priority_policy: 'pinned_client',
    priority_timeout: nanos(PINNED_TTL_MS),
  };
  let exists = true;
  try {
    await bus.jsm.consumers.info(EVENTS_STREAM, options.durable);
  } catch (error) {
    if (!(error instanceof Error && /consumer not found/i.test(error.message))) throw error;
    exists = false;
  }
  if (exists) {
    // A durable created before priority groups (a running city's, a developer's) is updated in
    // place, keeping its position and pending acks: nats-server 2.12 accepts adding the group and
    // the policy to an existing pull consumer (bus consumer.system.test.ts checks it). A server
    // that refuses says so here, naming the durable, rather than running it without the pin.
    const updatable: ConsumerUpdateConfig = {
      max_deliver: config.max_deliver,
      ack_wait: config.ack_wait,
      filter_subjects: filterSubjects,
      max_ack_pending: config.max_ack_pending,
      priority_groups: config.priority_groups,
      priority_policy: config.priority_policy,
      priority_timeout: config.priority_timeout,
    };
    await bus.jsm.consumers.update(EVENTS_STREAM, options.durable, updatable).catch((error: unknown) => {
      throw new Error(
        `consumer ${options.durable}: could not update it to the pinned-client priority group ` +
          `(${describe(error)}); a server older than nats-server 2.11 cannot run replicas safely`,
        { cause: error },
      );
    });
  } else {
    await bus.jsm.consumers.add(EVENTS_STREAM, config);
  }

  const pullConsumer = await bus.js.consumers.get(EVENTS_STREAM, options.durable);
  let currentPull: ConsumerMessages | undefined;
  let stopping = false;
  const wakeOnStop = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeOnStop.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeOnStop.add(done);
    });
  const stats: ConsumerStats = {
    handled: 0,
    duplicates: 0,
    deadLettered: 0,
    retried: 0,
    resumed: 0,
    waitedForInfrastructure: 0,
  };
  const retryDelays = options.retryDelaysMs ?? defaults.retryDelaysMs;
  const unreachableDelays = options.unreachableDelaysMs ?? defaults.unreachableDelaysMs;
  const held = new HeldDeliveries(ackWaitMs);

  /** Tells the observers (metrics, the benchmark) what became of one delivery. */
  const settled = (
    delivery: Delivery,
    outcome: ConsumedEvent['outcome'],
    event?: AnyDubanEvent,
    handledAt: number | null = null,
    handlerFailed = outcome === 'retried',
  ) => {
    held.release(delivery);
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
      handlerFailed,
    });
  };

  const deadLetter = async (
    delivery: Delivery,
    reason: string,
    event?: AnyDubanEvent,
    handlerFailed = false,
  ) => {
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
    settled(delivery, 'dead-lettered', event, null, handlerFailed);
  };

  /** The event a delivery carries and its handler, or null once it was dead-lettered. */
  const screen = async (delivery: Delivery): Promise<Screened | null> => {
    const { msg } = delivery;
    if (msg.info.deliveryCount > maxDeliveries) {
      await deadLetter(
        delivery,
        `delivered ${maxDeliveries} times without an outcome (the consumer died or hung during each)`,
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

  /**
   * The handler failed on the event itself: counted (durably), retried after a delay, and
   * dead-lettered with the last error once the count reaches the limit.
   */
  const handlerFailed = async ({ delivery, event }: Screened, error: unknown) => {
    const failures = await options.ledger.recordFailure(options.durable, event.id);
    if (failures >= maxHandlerFailures) {
      await deadLetter(
        delivery,
        `handler failed ${failures} times; last error: ${describe(error)}`,
        event,
        true,
      );
      return;
    }
    stats.retried++;
    delivery.msg.nak(retryDelays[Math.min(failures - 1, retryDelays.length - 1)] ?? 1_000);
    settled(delivery, 'retried', event);
  };

  /**
   * One pass over a batch, in stream order (handlers of one subject rely on it): one ledger
   * lookup, each new event's handler, one ledger write for those handled, then the acks. An event
   * is acked only once the ledger holds it, so a crash anywhere before the acks redelivers it and
   * the ledger (or the idempotent handler) makes it count once. Where the store or bus is out of
   * reach, the pass stops and answers what is left, still in hand and still in order.
   */
  const handleOnce = async (deliveries: Delivery[]): Promise<Interrupted | null> => {
    const screened: Screened[] = [];
    for (const [i, delivery] of deliveries.entries()) {
      try {
        const ready = await screen(delivery);
        if (ready) screened.push(ready);
      } catch (error) {
        return { left: [...screened.map((s) => s.delivery), ...deliveries.slice(i)], error };
      }
    }
    if (screened.length === 0) return null;
    let known: Set<string>;
    try {
      known = await options.ledger.handled(
        options.durable,
        screened.map((s) => s.event.id),
      );
    } catch (error) {
      return { left: screened.map((s) => s.delivery), error };
    }
    const handled: { ready: Screened; at: number }[] = [];
    // Ids handled in this batch: a repeat of one later in the batch is a duplicate too.
    const duplicates: Screened[] = [];
    const seen = new Set<string>();
    let interrupted: Interrupted | null = null;
    for (const [i, ready] of screened.entries()) {
      if (known.has(ready.event.id) || seen.has(ready.event.id)) {
        duplicates.push(ready);
        continue;
      }
      try {
        await ready.handler(ready.event as CloudEvent<EventType, EventData<EventType>>, {
          consumer: options.durable,
          deliveryCount: ready.delivery.msg.info.deliveryCount,
          streamSequence: ready.delivery.msg.seq,
        });
      } catch (error) {
        let unreachable = error;
        if (!isInfrastructureFailure(error)) {
          options.onError?.(error, { subject: ready.delivery.msg.subject, sequence: ready.delivery.msg.seq });
          try {
            await handlerFailed(ready, error);
            continue;
          } catch (bookkeeping) {
            unreachable = bookkeeping;
          }
        }
        interrupted = { left: screened.slice(i).map((s) => s.delivery), error: unreachable };
        break;
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
      // Not recorded: not acked either; the next pass finds the ledger without them.
      const done = [...handled.map((h) => h.ready), ...duplicates];
      const order = new Map(deliveries.map((d, i) => [d, i]));
      const left = [...done.map((r) => r.delivery), ...(interrupted?.left ?? [])];
      return { left: left.sort((a, b) => order.get(a)! - order.get(b)!), error };
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
    return interrupted;
  };

  /** Handles a batch, waiting with it in hand while the store or bus is out of reach. */
  const handleBatch = async (batch: Delivery[]) => {
    let left = batch;
    for (let attempt = 0; left.length > 0 && !stopping; attempt++) {
      let interrupted: Interrupted | null;
      try {
        interrupted = await handleOnce(left);
      } catch (error) {
        // An ack that could not be confirmed: the bus went away under us; the pass is repeated
        // and the ledger turns what was already handled into duplicates.
        interrupted = { left, error };
      }
      if (!interrupted) return;
      left = interrupted.left;
      stats.waitedForInfrastructure++;
      const first = left[0]?.msg;
      options.onError?.(interrupted.error, { subject: first?.subject ?? '', sequence: first?.seq ?? 0 });
      await pause(unreachableDelays[Math.min(attempt, unreachableDelays.length - 1)] ?? 1_000);
    }
    // Stopping: what is left stays held, unacked, and is handed back by stop().
  };

  /**
   * One long-lived pull (`consume`): it keeps the pin the server gave it across its pulls (a new
   * `fetch` each time would start without the pin id and wait out the TTL). The server delivers
   * at most `max_ack_pending` (one batch) unacked, so the queue never fills and every delivery is
   * held, and marked in progress, as soon as it arrives.
   */
  const queue = new DeliveryQueue(BATCH_LIMIT);
  let pinned = false;
  const pump = (async () => {
    while (!stopping) {
      try {
        const messages = await pullConsumer.consume({
          max_messages: BATCH_LIMIT,
          expires: PULL_EXPIRES_MS,
          group: PRIORITY_GROUP,
        });
        currentPull = messages;
        // Whether this replica holds the pin, so that stop() gives it up.
        watchPin(messages).catch(() => (pinned = false));
        for await (const msg of messages) {
          const delivery = { msg, receivedAt: preciseNow() };
          held.hold(delivery);
          await queue.put(delivery);
        }
        if (stopping) break;
        // The pull ended on its own (the consumer was deleted, the connection closed).
        stats.resumed++;
        await pause(RESUME_AFTER_MS);
      } catch (error) {
        if (stopping) break;
        // A consumer that quietly stopped would leave its read model behind for good, so it pulls
        // again.
        options.onError?.(error, { subject: '(pull)', sequence: 0 });
        stats.resumed++;
        await pause(RESUME_AFTER_MS);
      } finally {
        currentPull = undefined;
        pinned = false;
      }
    }
    queue.close();
  })();
  async function watchPin(messages: ConsumerMessages) {
    for await (const status of messages.status()) {
      if (status.type === 'consumer_pinned') pinned = true;
      else if (status.type === 'consumer_unpinned') pinned = false;
    }
  }
  const loop = (async () => {
    for (;;) {
      const batch = await queue.take(BATCH_LIMIT);
      // Once stopping, what is still queued is left unacked and handed back by stop().
      if (batch.length === 0 || stopping) return;
      try {
        await handleBatch(batch);
      } catch (error) {
        options.onError?.(error, { subject: '(batch)', sequence: 0 });
      }
    }
  })();

  return {
    stats,
    stop: async () => {
      stopping = true;
      for (const wake of [...wakeOnStop]) wake();
      queue.close();
      // The batch in hand is finished before the pull stops: the pull keeps the pin (a pinned
      // replica that has not pulled for the TTL loses it), so the other replica cannot start on
      // the next events while this one is still writing.
      await loop;
      const wasPinned = pinned;
      currentPull?.stop();
      await pump;
      // What is in hand and unsettled goes back to the server now (nak), not after the ack wait:
      // the server hands a durable no more than a batch unacked (max_ack_pending), so left to the
      // ack wait it would hold up the replica taking over for that long. Never handled, or handled
      // and in the ledger (a duplicate then), so handing it back acts on nothing twice.
      held.handBack();
      // Hand the pin over now rather than after the TTL: the other replica, or this process
      // started again, takes over at once. Best effort: a bus already gone has unpinned us anyway.
      if (wasPinned) {
        await bus.jsm.consumers.unpin(EVENTS_STREAM, options.durable, PRIORITY_GROUP).catch(() => undefined);
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
