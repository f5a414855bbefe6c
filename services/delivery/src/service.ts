import type { Db } from 'mongodb';
import { JetStreamHandledEventLedger, startConsumer, type Bus, type RunningConsumer } from '@duban/bus';
import { clock, AlertEvents, DeliveryEvents, ReadModels, type InboxDoc } from '@duban/contracts';
import { subscriptions } from './collections';
import type { DeliveryConfig } from './config';
import { startDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher';
import { digestEntryOf, digestMessage, digestsOf, digestSource } from './digest';
import { alertMessage, reviewMessage, type Message } from './messages';
import { enqueue, ensureOutboxIndexes, type OutboxDoc } from './outbox';
import { releaseTime } from './quiet';
import { deliveryId, reviewTargets, sourceEventOf, targetsOf, unitTargets, type Target } from './recipients';
import type { AlertRaised } from './subscriptions';

export const DELIVERY_DURABLE = 'delivery';

export interface DeliveryServiceOptions {
  bus: Bus;
  db: Db;
  config: DeliveryConfig;
  durable?: string;
  startAt?: 'first' | 'new';
  dispatcher?: Pick<DispatcherOptions, 'backoff' | 'pollMs' | 'leaseMs' | 'now' | 'log'>;
  onError?: (error: unknown, context: { subject: string; sequence: number }) => void;
}

export interface DeliveryService extends RunningConsumer {
  dispatcher: Dispatcher;
}

/**
 * Red escalations go out at once; other immediate alerts wait for the end of the quiet hours.
 * (A red colour change itself is an immediate alert like the others.)
 */
function isRedEscalation(alert: AlertRaised): boolean {
  return alert.colour === 'red' && alert.kind !== 'colour_changed';
}

function outboxDoc(
  source: string,
  target: Target,
  message: Message,
  at: Date,
  due: Date,
  about: OutboxDoc['about'],
): OutboxDoc {
  return {
    _id: deliveryId(source, target),
    sourceEvent: source,
    channel: target.channel,
    recipient: target.recipient,
    message,
    about,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: due,
    leaseUntil: null,
    lastError: null,
    createdAt: at,
    sentAt: null,
    deadAt: null,
  };
}

/**
 * The delivery service: a durable consumer of AlertRaised that writes one outbox entry per
 * recipient and channel (insert-once under a deterministic id, then the event is recorded as
 * handled), and a dispatcher that sends the outbox. A crash between the two is harmless: the
 * redelivered alert finds its entries already there.
 */
export async function startDeliveryService(options: DeliveryServiceOptions): Promise<DeliveryService> {
  const { db, config } = options;
  await ensureOutboxIndexes(db);
  const dispatcher = startDispatcher({ db, config, ...options.dispatcher });
  const now = options.dispatcher?.now ?? (() => clock.now());
  const consumer = await startConsumer(options.bus, {
    durable: options.durable ?? DELIVERY_DURABLE,
    ledger: new JetStreamHandledEventLedger(options.bus),
    ...(options.startAt ? { startAt: options.startAt } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    handlers: {
      [AlertEvents.AlertRaised.type]: async (event) => {
        const alert = event.data;
        const subs = await subscriptions(db).find({}).toArray();
        const targets = targetsOf(alert, subs, config.robots);
        if (targets.length === 0) return;
        const source = sourceEventOf(alert);
        const message = alertMessage(alert, config.consoleUrl);
        const at = now();
        const due = isRedEscalation(alert) ? at : releaseTime(at, config.quietHours);
        for (const target of targets)
          await enqueue(
            db,
            outboxDoc(source, target, message, at, due, {
              process: alert.process ?? 'supervision',
              itemId: alert.itemId,
              kind: alert.kind,
              colour: alert.colour,
              alertId: alert.alertId,
            }),
          );
        dispatcher.wake();
      },
      // A request 督查室 must review: to the inspectors who subscribed to review requests.
      [AlertEvents.ReviewRequested.type]: async (event) => {
        const review = event.data;
        const targets = reviewTargets(await subscriptions(db).find({}).toArray(), config.robots);
        if (targets.length === 0) return;
        const message = reviewMessage(review, config.consoleUrl);
        const at = now();
        const due = releaseTime(at, config.quietHours);
        for (const target of targets)
          await enqueue(
            db,
            outboxDoc(review.requestEventId, target, message, at, due, {
              process: review.process,
              itemId: review.itemId,
              kind: `review_${review.request}`,
              colour: 'none',
              alertId: review.requestEventId,
            }),
          );
        dispatcher.wake();
      },
      // 每日督办提醒: one message per unit with steps due, through the unit's channels. Its delivery
      // ids are the unit's and the day's, so a redelivered announcement writes nothing new.
      [DeliveryEvents.DigestDue.type]: async (event) => {
        const { day } = event.data;
        const entries = await db
          .collection<InboxDoc>(ReadModels.inbox)
          .find({ deadline: { $ne: null } })
          .toArray();
        const subs = await subscriptions(db).find({}).toArray();
        const at = now();
        for (const [unitCode, due] of digestsOf(entries.map(digestEntryOf), day)) {
          const targets = unitTargets(unitCode, subs, config.robots);
          if (targets.length === 0) continue;
          const source = digestSource(day, unitCode);
          const message = digestMessage(unitCode, due, day, config.consoleUrl);
          const colour = due.some((e) => e.deadline! < day) ? 'red' : 'blue';
          for (const target of targets)
            await enqueue(
              db,
              outboxDoc(source, target, message, at, at, {
                process: 'delivery',
                itemId: unitCode,
                kind: 'digest',
                colour,
                alertId: source,
              }),
            );
        }
        dispatcher.wake();
      },
    },
  });
  return {
    stats: consumer.stats,
    dispatcher,
    stop: async () => {
      await consumer.stop();
      await dispatcher.stop();
    },
  };
}
