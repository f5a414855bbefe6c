/**
 * A send that did not go through. `permanent`: retrying cannot help (a refused address, a revoked
 * robot key), so the delivery goes to the dead letters at once. `retryAfterMs`: the receiver said
 * when to come back (a robot's rate limit).
 */
export class DeliveryFailure extends Error {
  override readonly name = 'DeliveryFailure';
  constructor(
    message: string,
    readonly permanent: boolean = false,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}
