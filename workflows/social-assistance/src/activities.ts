import type { EventType, StepEvent } from '@duban/contracts';
import type { JetStreamClient } from '@nats-io/jetstream';
import { stepEventPublisher } from '@duban/workflow-core/worker';

export const SOCIAL_ASSISTANCE_SOURCE = 'duban/workflows/social-assistance';

export type PendingSocialEvent<T extends EventType = EventType> = StepEvent<T>;

export function createSocialAssistanceActivities({ js }: { js: JetStreamClient }) {
  /** Publishes the facts of one purchase or case in order, one call for a batch of them. */
  return { publishSocialEvents: stepEventPublisher(js, SOCIAL_ASSISTANCE_SOURCE).many };
}

export type SocialAssistanceActivities = ReturnType<typeof createSocialAssistanceActivities>;
