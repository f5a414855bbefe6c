import type { RobotConfig } from './config';
import {
  concerns,
  kindOfAlert,
  kindsOf,
  subscriptionId,
  type AlertRaised,
  type SubscriptionDoc,
} from './subscriptions';

export type ChannelName = 'email' | 'sms' | 'wecom' | 'dingtalk';

/** One message to send: by which channel, to whom (an address, a number, a robot's name). */
export interface Target {
  channel: ChannelName;
  recipient: string;
}

/**
 * The fact an alert is about: an alert's id is `<event id>|<audience>`, and both audiences' copies
 * of one fact must reach a unit's group once, not twice.
 */
export function sourceEventOf(alert: Pick<AlertRaised, 'alertId' | 'audience'>): string {
  const suffix = `|${alert.audience}`;
  return alert.alertId.endsWith(suffix) ? alert.alertId.slice(0, -suffix.length) : alert.alertId;
}

/** Deterministic: a redelivered alert, or a retry after a crash, finds the same outbox entry. */
export function deliveryId(sourceEvent: string, target: Target): string {
  return `${sourceEvent}|${target.channel}|${target.recipient}`;
}

/**
 * Who is told of an alert and how: every subscription of a person or unit it concerns and whose
 * kinds include it, and every unit's configured group robot unless the unit chose otherwise.
 */
export function targetsOf(
  alert: AlertRaised,
  subscriptions: readonly SubscriptionDoc[],
  robots: readonly RobotConfig[],
): Target[] {
  const kind = kindOfAlert(alert);
  if (kind === null) return [];
  const robotKind = new Map(robots.map((r) => [r.name, r.kind]));
  const chosen = new Set(subscriptions.map((s) => s._id));
  // A configured unit group is an implicit unit subscription with the unit defaults.
  const implicit: SubscriptionDoc[] = robots.flatMap((r) =>
    r.units
      .filter((unitCode) => !chosen.has(subscriptionId({ type: 'unit', unitCode })))
      .map((unitCode) => ({
        _id: subscriptionId({ type: 'unit', unitCode }),
        owner: { type: 'unit' as const, unitCode },
        channels: { robot: r.name },
        kinds: null,
        updatedAt: new Date(0),
      })),
  );
  const out = new Map<string, Target>();
  const add = (t: Target) => out.set(`${t.channel}|${t.recipient}`, t);
  for (const s of [...subscriptions, ...implicit]) {
    if (!concerns(s.owner, alert) || !kindsOf(s).includes(kind)) continue;
    if (s.channels.email) add({ channel: 'email', recipient: s.channels.email.toLowerCase() });
    if (s.channels.sms) add({ channel: 'sms', recipient: s.channels.sms });
    const robot = s.channels.robot;
    const rk = robot ? robotKind.get(robot) : undefined;
    if (robot && rk) add({ channel: rk, recipient: robot });
  }
  return [...out.values()].sort((a, b) => deliveryId('', a).localeCompare(deliveryId('', b)));
}
