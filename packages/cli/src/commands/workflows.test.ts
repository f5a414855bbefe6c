import { describe, expect, it } from 'vitest';
import { remedyOf } from './workflows';

// History events as the client reads them: id, type and, for a failed task, its failure.
const event = (eventId: number, eventType: number, extra: object = {}) =>
  ({ eventId, eventType, ...extra }) as never;
const STARTED = 1;
const TASK_SCHEDULED = 5;
const TASK_STARTED = 6;
const TASK_COMPLETED = 7;
const TASK_FAILED = 8;
const SIGNALED = 26;
const UPDATE_ACCEPTED = 41;

describe('remedyOf', () => {
  it('resets to the last task completed before the failure, counting what is applied again', () => {
    const history = [
      event(1, STARTED),
      event(2, TASK_SCHEDULED),
      event(3, TASK_STARTED),
      event(4, TASK_COMPLETED),
      event(5, UPDATE_ACCEPTED),
      event(6, SIGNALED),
      event(7, TASK_SCHEDULED),
      event(8, TASK_STARTED),
      event(9, TASK_FAILED, {
        workflowTaskFailedEventAttributes: { failure: { message: 'body.newDeadline: no such day' } },
      }),
    ];
    expect(remedyOf(history)).toMatchObject({
      remedy: { kind: 'reset', toEventId: 4, reapplied: 2 },
      reason: 'body.newDeadline: no such day',
    });
  });

  it('a history its replay cannot match is reset to before the event the replay names', () => {
    const history = [
      event(1, STARTED),
      event(2, TASK_SCHEDULED),
      event(3, TASK_STARTED),
      event(4, TASK_COMPLETED),
      event(5, TASK_SCHEDULED),
      event(6, TASK_STARTED),
      event(7, TASK_COMPLETED),
      event(8, 10 /* activity scheduled: the event the replay could not match */),
      event(9, UPDATE_ACCEPTED),
      event(10, TASK_SCHEDULED),
      event(11, TASK_STARTED),
      event(12, TASK_COMPLETED),
      event(13, UPDATE_ACCEPTED),
      event(14, TASK_SCHEDULED),
      event(15, TASK_STARTED),
      event(16, TASK_FAILED, {
        workflowTaskFailedEventAttributes: {
          failure: {
            message:
              '[TMPRL1100] Nondeterminism error: Update machine does not handle this event: HistoryEvent(id: 8, ActivityTaskScheduled)',
          },
        },
      }),
    ];
    expect(remedyOf(history).remedy).toEqual({ kind: 'reset', toEventId: 7, reapplied: 2 });
  });

  it('says the failure is not in history when an Update never accepted failed the task', () => {
    const history = [
      event(1, STARTED),
      event(2, TASK_SCHEDULED),
      event(3, TASK_STARTED),
      event(4, TASK_COMPLETED),
    ];
    expect(remedyOf(history)).toMatchObject({
      remedy: { kind: 'reset', toEventId: 4, reapplied: 0 },
      reason: expect.stringMatching(/未受理的操作/),
      failedAt: null,
    });
  });

  it('terminates a workflow whose first task never completed, naming why', () => {
    const history = [
      event(1, STARTED),
      event(2, TASK_SCHEDULED),
      event(3, TASK_STARTED),
      event(4, TASK_FAILED, {
        workflowTaskFailedEventAttributes: { failure: { message: 'no such function' } },
      }),
    ];
    expect(remedyOf(history).remedy).toEqual({
      kind: 'terminate',
      why: '启动后第一个工作流任务即失败，启动参数无法执行：no such function',
    });
  });
});
