// Building step events inside workflow code (sandbox-safe).
import type { EventType, StepEvent } from '@duban/contracts';

/** A fact stamped with the workflow's clock; `version` is the entity's, after the fact. */
export function stepEvent(
  type: EventType,
  step: string,
  version: number,
  actor: StepEvent['actor'],
  data: object,
): StepEvent {
  return {
    type,
    step,
    version,
    time: new Date(Date.now()).toISOString(),
    actor,
    data: data as StepEvent['data'],
  };
}

// structuredClone is not available in every workflow sandbox; snapshots are plain JSON anyway.
export function plainClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
