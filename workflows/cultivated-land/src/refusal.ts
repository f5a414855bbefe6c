import type { EventType } from '@duban/contracts';

export { refuse } from '@duban/workflow-core/refusal';

/** A fact the workflow is about to publish, before the snapshot is attached. */
export interface Fact {
  type: EventType;
  /** Part of the deterministic event id. */
  step: string;
  extra: object;
}

export const severity = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 } as const;
