// One refusal for every process. Sandbox-safe: workflow code, the workers and the HTTP side import it.
import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a refused action: the HTTP side answers 409 with its message, nothing else. */
export const ACTION_REFUSED = 'ActionRefused';

/** A refusal the caller sees as the reason (HTTP 409 at the API); the Update changes nothing. */
export class ActionRefusedError extends Error {
  override readonly name = 'ActionRefusedError';
}

/** Refuses the action with a reason in the caller's words. */
export const refuse = (reason: string): never => {
  throw new ActionRefusedError(reason);
};

/**
 * An Update validator built from a check that may `refuse`: a refusal leaves as a non-retryable
 * `ActionRefused` failure carrying the reason. Any other error is a bug in the check and is thrown
 * unchanged, so that it is never shown to the caller as if it were a reason.
 */
export function refusing<A extends unknown[]>(check: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      check(...args);
    } catch (error) {
      if (error instanceof ActionRefusedError) {
        throw ApplicationFailure.create({ type: ACTION_REFUSED, message: error.message, nonRetryable: true });
      }
      throw error;
    }
  };
}
