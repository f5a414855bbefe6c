import type { Request, Response } from 'express';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { AlertEvents, parseEvent, type AlertDoc, type EventData } from '@duban/contracts';
import type { NatsConnection } from '../deps';
import { inScope, scopeFilter, type AlertScope } from './scope';

type AlertRaised = EventData<typeof AlertEvents.AlertRaised.type>;

const REPLAY_LIMIT = 200;
// Ids already sent on this stream: a replay overlapping live events, or an alert re-published
// after a retry (core subscribers see a publish that JetStream dropped as a duplicate).
const REMEMBERED_IDS = 1000;

export interface AlertStreamOptions {
  req: Request;
  res: Response;
  nc: NatsConnection;
  alerts: Collection<AlertDoc>;
  scope: AlertScope;
  heartbeatMs: number;
  logger: Logger;
}

function alertData(doc: AlertDoc): AlertRaised {
  return {
    alertId: doc._id,
    audience: doc.audience,
    process: doc.process ?? 'supervision',
    itemId: doc.itemId,
    href: doc.href ?? `#/items/${encodeURIComponent(doc.itemId)}`,
    docNo: doc.docNo,
    ref: doc.ref,
    title: doc.title,
    colour: doc.colour,
    kind: doc.kind,
    message: doc.message,
    leadUnits: doc.leadUnits,
    createdAt: doc.createdAt instanceof Date ? doc.createdAt.toISOString() : String(doc.createdAt),
  };
}

/**
 * Server-sent events: every `alert_raised` in the caller's scope as `event: alert`, a comment line
 * as heartbeat, and — when the browser reconnects with `Last-Event-ID` — the stored alerts it
 * missed meanwhile. A core NATS subscription per stream, dropped when the client goes away.
 */
export async function streamAlerts(options: AlertStreamOptions): Promise<void> {
  const { req, res, nc, scope, logger } = options;
  let open = true;
  const sent = new Set<string>();
  const send = (data: AlertRaised) => {
    if (!open || sent.has(data.alertId)) return;
    sent.add(data.alertId);
    if (sent.size > REMEMBERED_IDS) sent.delete(sent.values().next().value as string);
    res.write(`event: alert\nid: ${data.alertId}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  // Subscribe first, so nothing raised during the replay below is missed, and make sure the
  // server has the subscription before the client hears "connected".
  const subscription = nc.subscribe(AlertEvents.AlertRaised.subject);
  try {
    await nc.flush();
  } catch (error) {
    subscription.unsubscribe();
    throw error;
  }
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache, no-transform');
  res.setHeader('Connection', 'keep-alive');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  req.socket.setKeepAlive(true);
  req.socket.setNoDelay(true);

  const heartbeat = setInterval(() => {
    if (open) res.write(`: heartbeat ${new Date().toISOString()}\n\n`);
  }, options.heartbeatMs);
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    subscription.unsubscribe();
  };
  res.on('close', close);
  if (!res.socket || res.socket.destroyed) close(); // gone while we were subscribing

  res.write('retry: 5000\n: connected\n\n');

  const lastEventId = req.get('last-event-id');
  if (lastEventId) {
    const last = await options.alerts.findOne({ _id: lastEventId, ...scopeFilter(scope) });
    if (last) {
      const missed = await options.alerts
        .find({ ...scopeFilter(scope), createdAt: { $gt: last.createdAt } })
        .sort({ createdAt: 1, _id: 1 })
        .limit(REPLAY_LIMIT)
        .toArray();
      sent.add(last._id);
      for (const doc of missed) send(alertData(doc));
    }
  }

  const pump = async () => {
    for await (const msg of subscription) {
      let data: AlertRaised;
      try {
        const event = parseEvent(msg.json());
        if (event.type !== AlertEvents.AlertRaised.type) continue;
        data = event.data;
      } catch (error) {
        logger.warn({ err: error, subject: msg.subject }, 'alert stream: ignored an invalid event');
        continue;
      }
      if (inScope(scope, data)) send(data);
    }
  };
  pump().catch((error: unknown) => {
    logger.error({ err: error }, 'alert stream failed');
    close();
    res.end();
  });
}
