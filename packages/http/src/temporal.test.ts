import { describe, expect, it } from 'vitest';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { HttpProblem } from './problem';
import { updateOutcomeOf, updateProblem } from './temporal';

describe('updateProblem', () => {
  it('a validator refusal (ActionRefused) is a 409 with the workflow’s reason', () => {
    const refusal = ApplicationFailure.create({
      type: 'ActionRefused',
      message: '只有申请办结的事项可以复核',
    });
    const problem = updateProblem(new WorkflowUpdateFailedError('Workflow Update failed', refusal), 'x');
    expect(problem).toMatchObject({ status: 409, detail: '只有申请办结的事项可以复核' });
  });

  it('input the workflow’s contract schema refused (InvalidInput) is a 400 naming the fields', () => {
    const invalid = ApplicationFailure.create({
      type: 'InvalidInput',
      message: '操作参数不符合约定：body.newDeadline: not a calendar date (no such day)',
      details: [{ errors: [{ field: 'body.newDeadline', message: 'not a calendar date (no such day)' }] }],
    });
    const problem = updateProblem(new WorkflowUpdateFailedError('Workflow Update failed', invalid), 'x');
    expect(problem).toMatchObject({
      status: 400,
      detail: 'body.newDeadline: not a calendar date (no such day)',
      options: { errors: [{ field: 'body.newDeadline', message: 'not a calendar date (no such day)' }] },
    });
  });

  it('any other failure of the Update is a 500 that keeps its cause for the log and not in the detail', () => {
    // A TypeError thrown inside a validator reaches the client as an ApplicationFailure of its name.
    const bug = ApplicationFailure.create({
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading 'unitCode')",
    });
    const failed = new WorkflowUpdateFailedError('Workflow Update failed', bug);
    const problem = updateProblem(failed, 'x')!;
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('unitCode');
    expect(problem.options.cause).toBe(failed);
    const plain = updateProblem(new WorkflowUpdateFailedError('failed', new Error('secret detail')), 'x')!;
    expect(plain.status).toBe(500);
    expect(plain.detail).not.toContain('secret');
  });

  it('a missing workflow is a 404 saying what is missing; a timeout a 504', () => {
    expect(
      updateProblem(new WorkflowNotFoundError('not found', 'supervision-x', undefined), '没有事项 x'),
    ).toMatchObject({ status: 404, detail: '没有事项 x' });
    expect(updateProblem(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'), 'x')).toMatchObject({
      status: 504,
    });
  });

  it('an unavailable engine is a 503', () => {
    const unavailable = Object.assign(new Error('14 UNAVAILABLE: connection refused'), {
      code: 14,
      details: 'connection refused',
      metadata: {},
    });
    expect(updateProblem(unavailable, 'x')).toMatchObject({ status: 503 });
  });

  it('a query refused while the workflow task waits for its retry is a 503 to retry, with Retry-After', () => {
    const failing = Object.assign(
      new Error('9 FAILED_PRECONDITION: Unable to query workflow due to Workflow Task in failed state.'),
      {
        code: 9,
        details: 'Unable to query workflow due to Workflow Task in failed state.',
        metadata: {},
      },
    );
    const problem = updateProblem(
      Object.assign(new Error('Failed to query Workflow'), { cause: failing }),
      'x',
    );
    expect(problem).toMatchObject({ status: 503 });
    expect(problem?.detail).toContain('同一请求编号');
    const otherPrecondition = Object.assign(new Error('9 FAILED_PRECONDITION: namespace is not active'), {
      code: 9,
      details: 'namespace is not active',
      metadata: {},
    });
    expect(updateProblem(otherPrecondition, 'x')).toBeNull();
  });

  it('anything else is left to the 500 handler', () => {
    expect(updateProblem(new Error('boom'), 'x')).toBeNull();
  });
});

describe('updateOutcomeOf', () => {
  it('a refusal or refused input is `refused` (the workflow is fine); anything else is `failed`', () => {
    expect(updateOutcomeOf(new HttpProblem(409, '只有申请办结的事项可以复核'))).toBe('refused');
    expect(updateOutcomeOf(new HttpProblem(400, 'body.newDeadline'))).toBe('refused');
    expect(updateOutcomeOf(new HttpProblem(404, '事项不存在'))).toBe('failed');
    expect(updateOutcomeOf(new HttpProblem(504, '超时'))).toBe('failed');
    expect(updateOutcomeOf(new TypeError('a bug'))).toBe('failed');
  });
});
