import {
  eventDefinition,
  parseEvent,
  type AnyDubanEvent,
  type CloudEvent,
  type EventData,
  type EventType,
} from '@duban/contracts';
import { nanos } from '@nats-io/nats-core';
import { AckPolicy, DeliverPolicy, type ConsumerConfig, type JsMsg } from '@nats-io/jetstream';
import type { Bus } from './connection';
import { publishDeadLetter } from './deadletters';
import type { HandledEventLedger } from './ledger';
import { EVENTS_STREAM } from './names';

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
    (await bus.js.consumers.get(EVENTS_STREAM, options.durable)).consume({ max_messages: 64 });
  let messages = await consume();
  let stopping = false;
  const stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retried: 0, resumed: 0 };
  const retryDelays = options.retryDelaysMs ?? defaults.retryDelaysMs;

  const deadLetter = async (msg: JsMsg, reason: string) => {
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
  };

  const handle = async (msg: JsMsg) => {
    if (msg.info.deliveryCount > maxDeliver) {
      await deadLetter(
        msg,
        `not handled after ${maxDeliver} deliveries (the consumer stopped during the last one)`,
      );
      return;
    }
    let event: AnyDubanEvent;
    try {
      event = parseEvent(JSON.parse(msg.string()));
    } catch (error) {
      await deadLetter(msg, `invalid event: ${describe(error)}`);
      return;
    }
    const def = eventDefinition(event.type);
    if (def.subject !== msg.subject && !def.formerly.some((f) => f.subject === msg.subject)) {
      await deadLetter(
        msg,
        `event type ${event.type} arrived on subject ${msg.subject}, expected ${def.subject}`,
      );
      return;
    }
    const handler = options.handlers[event.type] as EventHandler<EventType> | undefined;
    if (!handler) {
      await deadLetter(msg, `consumer ${options.durable} has no handler for ${event.type}`);
      return;
    }
    if (await options.ledger.has(options.durable, event.id)) {
      stats.duplicates++;
      await msg.ackAck();
      return;
    }
    try {
      await handler(event as CloudEvent<EventType, EventData<EventType>>, {
        consumer: options.durable,
        deliveryCount: msg.info.deliveryCount,
        streamSequence: msg.seq,
      });
    } catch (error) {
      options.onError?.(error, { subject: msg.subject, sequence: msg.seq });
      if (msg.info.deliveryCount >= maxDeliver) {
        await deadLetter(
          msg,
          `handler failed ${msg.info.deliveryCount} times; last error: ${describe(error)}`,
        );
      } else {
        stats.retried++;
        const delay = retryDelays[Math.min(msg.info.deliveryCount - 1, retryDelays.length - 1)] ?? 1_000;
        msg.nak(delay);
      }
      return;
    }
    await options.ledger.record(options.durable, event.id);
    stats.handled++;
    await msg.ackAck();
  };

  const drain = async () => {
    for await (const msg of messages) {
      try {
        await handle(msg);
      } catch (error) {
        // The bus or store failed under us: leave the message unacked so it is redelivered.
        options.onError?.(error, { subject: msg.subject, sequence: msg.seq });
        msg.nak(1_000);
      }
    }
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
