import { BusError } from './errors';

/**
 * Thrown (or wrapped) by a handler whose store, bus or engine is out of reach: the event is not
 * at fault, so it is neither counted as a failure nor dead-lettered, only tried again later.
 */
export class InfrastructureUnavailableError extends BusError {
  override readonly name = 'InfrastructureUnavailableError';
}

// The drivers' own names for "could not reach the server": MongoDB's connection and selection
// errors, nats.js's connection, request and timeout errors. Names, not classes, because a handler
// may hold its own copy of a driver.
const UNREACHABLE_NAMES = new Set([
  'InfrastructureUnavailableError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'RequestError',
  'TimeoutError',
  'NoResponders',
]);
// Node's socket errors, and gRPC's UNAVAILABLE (14) and DEADLINE_EXCEEDED (4) as the Temporal
// client reports them when its server is away.
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const GRPC_UNREACHABLE = new Set([4, 14]);

/** True when an error (or one of its causes) says a server was out of reach, not that the input was bad. */
export function isInfrastructureFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let e: unknown = error;
    e && typeof e === 'object' && !seen.has(e);
    e = (e as { cause?: unknown }).cause
  ) {
    seen.add(e);
    const { name, code } = e as { name?: unknown; code?: unknown };
    if (typeof name === 'string' && UNREACHABLE_NAMES.has(name)) return true;
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof code === 'number' && name === 'ServiceError' && GRPC_UNREACHABLE.has(code)) return true;
    if (typeof code === 'number' && GRPC_UNREACHABLE.has(code) && 'details' in e) return true;
  }
  return false;
}
