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

/** A configured unit group is an implicit unit subscription with the unit defaults. */
function implicitUnitSubscriptions(
  subscriptions: readonly SubscriptionDoc[],
  robots: readonly RobotConfig[],
): SubscriptionDoc[] {
  const chosen = new Set(subscriptions.map((s) => s._id));
  return robots.flatMap((r) =>
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
}

/** The targets of one subscription's channels (a robot only if it is configured). */
function channelTargets(s: SubscriptionDoc, robotKind: ReadonlyMap<string, ChannelName>): Target[] {
  const out: Target[] = [];
  if (s.channels.email) out.push({ channel: 'email', recipient: s.channels.email.toLowerCase() });
  if (s.channels.sms) out.push({ channel: 'sms', recipient: s.channels.sms });
  const robot = s.channels.robot;
  const rk = robot ? robotKind.get(robot) : undefined;
  if (robot && rk) out.push({ channel: rk, recipient: robot });
  return out;
}

function distinctSorted(targets: readonly Target[]): Target[] {
  const out = new Map<string, Target>();
  for (const t of targets) out.set(`${t.channel}|${t.recipient}`, t);
  return [...out.values()].sort((a, b) => deliveryId('', a).localeCompare(deliveryId('', b)));
}

const robotKinds = (robots: readonly RobotConfig[]) =>
  new Map<string, ChannelName>(robots.map((r) => [r.name, r.kind]));

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
  const robotKind = robotKinds(robots);
  return distinctSorted(
    [...subscriptions, ...implicitUnitSubscriptions(subscriptions, robots)]
      .filter((s) => concerns(s.owner, alert) && kindsOf(s).includes(kind))
      .flatMap((s) => channelTargets(s, robotKind)),
  );
}

/**
 * Where a unit's morning digest goes (issue 19 §3): the unit's own channels, or its configured
 * group robot while it chose none. Not a kind to choose: a unit that has channels gets its digest.
 */
export function unitTargets(
  unitCode: string,
  subscriptions: readonly SubscriptionDoc[],
  robots: readonly RobotConfig[],
): Target[] {
  const id = subscriptionId({ type: 'unit', unitCode });
  const robotKind = robotKinds(robots);
  return distinctSorted(
    [...subscriptions, ...implicitUnitSubscriptions(subscriptions, robots)]
      .filter((s) => s._id === id)
      .flatMap((s) => channelTargets(s, robotKind)),
  );
}

/**
 * Who is told of a request 督查室 must review (issue 19 §2, kind `review`): the inspectors whose
 * subscription includes it. Not by default: an inspector's default is every red.
 */
export function reviewTargets(
  subscriptions: readonly SubscriptionDoc[],
  robots: readonly RobotConfig[],
): Target[] {
  const robotKind = robotKinds(robots);
  return distinctSorted(
    subscriptions
      .filter((s) => s.owner.type === 'user' && s.owner.role === 'inspector' && kindsOf(s).includes('review'))
      .flatMap((s) => channelTargets(s, robotKind)),
  );
}
