import type { Db } from 'mongodb';
import type { DeliveryConfig } from './config';
import { secretsOf } from './config';
import { DeliveryFailure } from './channels/failure';
import { sendDingtalk } from './channels/dingtalk';
import { createMailer, type Mailer } from './channels/email';
import { sendSms } from './channels/sms';
import { sendWecom } from './channels/wecom';
import { randomUUID } from 'node:crypto';
import { claimNext, markCalling, markDead, markSent, postpone, sentSince, type OutboxDoc } from './outbox';
import { scrub } from './secret';
import { clock } from '@duban/contracts';

export interface DispatcherOptions {
  db: Db;
  config: DeliveryConfig;
  /** Delay before attempt n+1 after n failures: base·2^(n-1), at most max. */
  backoff?: { baseMs: number; maxMs: number };
  pollMs?: number;
  leaseMs?: number;
  now?: () => Date;
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

export interface DispatcherStats {
  sent: number;
  failed: number;
  dead: number;
  rateLimited: number;
}

export interface Dispatcher {
  stats: DispatcherStats;
  /** Looks at the outbox now rather than at the next poll (a delivery was just enqueued). */
  wake(): void;
  stop(): Promise<void>;
}

export function backoffMs(attempts: number, backoff: { baseMs: number; maxMs: number }): number {
  return Math.min(backoff.baseMs * 2 ** Math.max(0, attempts - 1), backoff.maxMs);
}

const ROBOT_WINDOW_MS = 60_000;

const isRobot = (channel: OutboxDoc['channel']) => channel === 'wecom' || channel === 'dingtalk';

/**
 * Sends what the outbox holds, one delivery at a time: due ones first, each robot at most its
 * rate a minute (counted from the outbox, so a restart does not reset it), failures retried with
 * backoff until the attempts run out, then kept as dead letters with the reason.
 */
export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, config } = options;
  const now = options.now ?? (() => clock.now());
  const backoff = options.backoff ?? { baseMs: 5_000, maxMs: 30 * 60_000 };
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const log = options.log ?? (() => {});
  const secrets = secretsOf(config);
  const robots = new Map(config.robots.map((r) => [r.name, r]));
  let mailer: Mailer | null = null;
  const stats: DispatcherStats = { sent: 0, failed: 0, dead: 0, rateLimited: 0 };

  const send = async (d: OutboxDoc) => {
    switch (d.channel) {
      case 'email': {
        if (!config.smtp) throw new DeliveryFailure('e-mail is not configured (DELIVERY_SMTP_HOST)', true);
        mailer ??= createMailer(config.smtp);
        return mailer.send(d.recipient, d.message, d._id);
      }
      case 'sms':
        if (!config.sms) throw new DeliveryFailure('SMS is not configured (DELIVERY_SMS_URL)', true);
        return sendSms(config.sms, d.recipient, d.message, d._id);
      case 'wecom':
      case 'dingtalk': {
        const robot = robots.get(d.recipient);
        if (!robot || robot.kind !== d.channel)
          throw new DeliveryFailure(`no ${d.channel} robot named ${d.recipient} is configured`, true);
        return robot.kind === 'wecom' ? sendWecom(robot, d.message) : sendDingtalk(robot, d.message);
      }
    }
  };

  /** The robot's window is full: when its oldest message in the window leaves it. */
  const rateLimitedUntil = async (d: OutboxDoc, at: Date): Promise<Date | null> => {
    if (!isRobot(d.channel)) return null;
    const recent = await sentSince(db, d.channel, d.recipient, new Date(at.getTime() - ROBOT_WINDOW_MS));
    if (recent.length < config.robotPerMinute) return null;
    return new Date(recent[recent.length - config.robotPerMinute]!.getTime() + ROBOT_WINDOW_MS);
  };

  const deliverOne = async (d: OutboxDoc) => {
    if (d.calling && isRobot(d.channel)) {
      // A dispatcher died while calling the robot: it may have shown the message. Robots take no
      // idempotency key, so rather than risk showing it twice the admins see it and may retry.
      stats.dead++;
      const why = `结果未知：发送进程在调用群机器人时中断（${d.calling.since.toISOString()}），消息可能已送达；请在群内核对后再重试`;
      await markDead(db, d._id, now(), why);
      log('warn', 'delivery outcome unknown, dead-lettered', { deliveryId: d._id });
      return;
    }
    const limited = await rateLimitedUntil(d, now());
    if (limited) {
      stats.rateLimited++;
      await postpone(db, d._id, limited, null);
      return;
    }
    // E-mail (same Message-ID) and SMS (same Idempotency-Key) are sent again after an unknown
    // outcome; the receivers can tell a repeat. Only the call itself is the window now.
    if (!d.leaseUntil || !(await markCalling(db, d._id, randomUUID(), d.leaseUntil, now()))) return;
    try {
      await send(d);
    } catch (error) {
      const failure =
        error instanceof DeliveryFailure
          ? error
          : new DeliveryFailure(error instanceof Error ? error.message : String(error));
      const reason = scrub(failure.message, secrets);
      const attempts = d.attempts + 1;
      if (failure.permanent || attempts >= config.maxAttempts) {
        stats.dead++;
        const why = failure.permanent ? reason : `${attempts} attempts failed; last: ${reason}`;
        await markDead(db, d._id, now(), why);
        log('warn', 'delivery dead-lettered', { deliveryId: d._id, reason: why });
      } else {
        stats.failed++;
        const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attempts, backoff));
        await postpone(db, d._id, new Date(now().getTime() + wait), { error: reason });
        log('info', 'delivery failed, will retry', { deliveryId: d._id, attempts, reason });
      }
      return;
    }
    await markSent(db, d._id, now());
    stats.sent++;
  };

  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const drain = async () => {
    while (!stopping) {
      const d = await claimNext(db, now(), leaseMs);
      if (!d) return;
      await deliverOne(d);
    }
  };
  const tick = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    running = drain()
      .catch((error: unknown) => {
        // The store failed under us: what was claimed is retried when its lease runs out.
        log('warn', 'delivery: outbox unavailable', { error: scrub(String(error), secrets) });
      })
      .finally(() => {
        running = null;
        if (stopping) return;
        if (again) {
          again = false;
          tick();
        } else timer = setTimeout(tick, pollMs);
      });
  };
  tick();

  return {
    stats,
    wake: tick,
    stop: async () => {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
      mailer?.close();
    },
  };
}
