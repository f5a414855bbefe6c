import { describe, expect, it } from 'vitest';
import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { updateProblem } from './errors';

describe('updateProblem', () => {
  it('a validator refusal is a 409 with the workflow’s reason', () => {
    const refusal = ApplicationFailure.create({
      type: 'ActionRefused',
      message: '只有申请办结的事项可以复核',
    });
    const problem = updateProblem(new WorkflowUpdateFailedError('Workflow Update failed', refusal), 'x');
    expect(problem).toMatchObject({ status: 409, detail: '只有申请办结的事项可以复核' });
  });

  it('a missing workflow is a 404; a timeout a 504', () => {
    expect(
      updateProblem(new WorkflowNotFoundError('not found', 'supervision-x', undefined), 'x'),
    ).toMatchObject({
      status: 404,
    });
    expect(updateProblem(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out'), 'x')).toMatchObject({
      status: 504,
    });
  });

  it('anything else is left to the 500 handler', () => {
    expect(updateProblem(new Error('boom'), 'x')).toBeNull();
  });
});
