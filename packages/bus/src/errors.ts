export class BusError extends Error {
  override readonly name: string = 'BusError';
}

/** The server answered a publish with a different stream than Duban's, or none. */
export class PublishNotStoredError extends BusError {
  override readonly name = 'PublishNotStoredError';
}

/** A consumer was asked to handle a type with no handler registered for it. */
export class MissingHandlerError extends BusError {
  override readonly name = 'MissingHandlerError';
}
