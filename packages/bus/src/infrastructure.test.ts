import { describe, expect, it } from 'vitest';
import { MongoNetworkError, MongoServerError, MongoTopologyClosedError } from 'mongodb';
import { errors } from '@nats-io/nats-core';
import { InfrastructureUnavailableError, isInfrastructureFailure } from './infrastructure';

describe('isInfrastructureFailure: a server out of reach, not a bad event', () => {
  it('knows the drivers’ own connection errors', () => {
    expect(isInfrastructureFailure(new MongoNetworkError('connection 3 to 127.0.0.1:23517 closed'))).toBe(
      true,
    );
    expect(isInfrastructureFailure(new MongoTopologyClosedError())).toBe(true);
    expect(isInfrastructureFailure(new errors.TimeoutError())).toBe(true);
    expect(isInfrastructureFailure(new errors.ClosedConnectionError())).toBe(true);
    expect(isInfrastructureFailure(new InfrastructureUnavailableError('store paused'))).toBe(true);
  });

  it('looks through causes: a handler that wraps the driver’s error', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7233'), { code: 'ECONNREFUSED' });
    expect(isInfrastructureFailure(new Error('could not signal the workflow', { cause: socket }))).toBe(true);
    const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
      details: 'No connection established',
    });
    expect(isInfrastructureFailure(new Error('ServiceError', { cause: grpc }))).toBe(true);
  });

  it('a refusal by a reachable server, a bug or bad data counts against the event', () => {
    expect(
      isInfrastructureFailure(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })),
    ).toBe(false);
    expect(
      isInfrastructureFailure(new TypeError("Cannot read properties of undefined (reading 'unitCode')")),
    ).toBe(false);
    expect(isInfrastructureFailure(new Error('deadline 2026-02-31 is not a date'))).toBe(false);
    expect(isInfrastructureFailure('a string')).toBe(false);
    expect(isInfrastructureFailure(undefined)).toBe(false);
  });
});
