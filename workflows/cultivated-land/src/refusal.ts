/** A refusal the caller sees as the reason (HTTP 409 at the API); the Update changes nothing. */
export class LandActionRefusedError extends Error {
  override readonly name = 'LandActionRefusedError';
}

export const refuse = (reason: string): never => {
  throw new LandActionRefusedError(reason);
};

/** A fact the workflow is about to publish, before the snapshot is attached. */
export interface Fact {
  type: string;
  /** Part of the deterministic event id. */
  step: string;
  extra: object;
}

export const severity = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 } as const;
