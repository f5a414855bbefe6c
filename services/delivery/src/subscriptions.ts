import { z } from 'zod';
import type { AlertEvents, EventData, Role } from '@duban/contracts';

export type AlertRaised = EventData<typeof AlertEvents.AlertRaised.type>;

/** What a person or a unit may choose to be told of (issue 19 §2). */
export const SUBSCRIPTION_KINDS = {
  blue: '蓝色预警（临期）',
  yellow: '黄色预警（滞后）',
  red: '红色预警（逾期）',
  escalation: '久未整改，报领导',
  listed: '挂牌督办',
  accountability: '提请问责',
  review: '待审核的申请（办结、延期）',
} as const;
export type SubscriptionKind = keyof typeof SUBSCRIPTION_KINDS;
export const SubscriptionKindSchema = z.enum(Object.keys(SUBSCRIPTION_KINDS) as [SubscriptionKind]);

export const ChannelsSchema = z.object({
  email: z.email().max(200).optional(),
  /** Mainland mobile number, 11 digits. */
  sms: z
    .string()
    .regex(/^1\d{10}$/, '11 位手机号')
    .optional(),
  /** A configured group robot, by its name. */
  robot: z.string().min(1).max(60).optional(),
});
export type Channels = z.infer<typeof ChannelsSchema>;

export type SubscriptionOwner =
  | { type: 'user'; username: string; role: Role; unitCode: string | null }
  | { type: 'unit'; unitCode: string };

export interface SubscriptionDoc {
  _id: string; // subscriptionId(owner)
  owner: SubscriptionOwner;
  channels: Channels;
  /** null: the defaults of the owner's role (defaultKinds). */
  kinds: SubscriptionKind[] | null;
  updatedAt: Date;
}

export function subscriptionId(owner: SubscriptionOwner): string {
  return owner.type === 'user' ? `user:${owner.username}` : `unit:${owner.unitCode}`;
}

const ESCALATIONS: SubscriptionKind[] = ['escalation', 'listed', 'accountability'];

/**
 * Issue 19 §2: leaders get red and the escalations, inspectors every red, bureaus (and units)
 * everything about their own items.
 */
export function defaultKinds(owner: SubscriptionOwner): SubscriptionKind[] {
  if (owner.type === 'unit' || owner.role === 'bureau')
    return ['blue', 'yellow', 'red', ...ESCALATIONS, 'review'];
  if (owner.role === 'leader') return ['red', ...ESCALATIONS];
  return ['red'];
}

export function kindsOf(doc: Pick<SubscriptionDoc, 'owner' | 'kinds'>): SubscriptionKind[] {
  return doc.kinds ?? defaultKinds(doc.owner);
}

/** The subscription kind an alert is, or null when it is none (a colour going back to green). */
export function kindOfAlert(alert: Pick<AlertRaised, 'kind' | 'colour'>): SubscriptionKind | null {
  switch (alert.kind) {
    case 'colour_changed':
      return alert.colour === 'blue' || alert.colour === 'yellow' || alert.colour === 'red'
        ? alert.colour
        : null;
    case 'overdue_escalated':
    case 'urge_overdue':
      return 'escalation';
    case 'listed_for_supervision':
      return 'listed';
    case 'accountability_escalated':
      return 'accountability';
  }
}

/**
 * Whether an owner is of an alert's audience, as the live stream decides (gateway alertScope):
 * leaders the leaders' copy, inspectors the inspectors', a bureau or a unit any copy about its
 * own items (both copies of one fact share a delivery id, so it is told once).
 */
export function concerns(
  owner: SubscriptionOwner,
  alert: Pick<AlertRaised, 'audience' | 'leadUnits'>,
): boolean {
  if (owner.type === 'unit') return alert.leadUnits.includes(owner.unitCode);
  switch (owner.role) {
    case 'bureau':
      return owner.unitCode !== null && alert.leadUnits.includes(owner.unitCode);
    case 'leader':
      return alert.audience === 'leader';
    case 'inspector':
      return alert.audience === 'inspector';
    case 'admin':
      return true;
  }
}
