import type { Collection, Db } from 'mongodb';
import type { SubscriptionDoc } from './subscriptions';

export const SUBSCRIPTIONS = 'delivery_subscriptions';

export function subscriptions(db: Db): Collection<SubscriptionDoc> {
  return db.collection<SubscriptionDoc>(SUBSCRIPTIONS);
}
