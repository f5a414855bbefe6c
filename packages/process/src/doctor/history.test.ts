import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { describe, expect, it } from 'vitest';
import { isTimedOutTaskSplit, mismatchedEventId, remedyOf, type HistoryEvent } from './history';

// History events as the client reads them: id, type and, for a failed task, its failure.
const event = (eventId: number, eventType: number, extra: object = {}) =>
  ({ eventId, eventType, ...extra }) as never;
const STARTED = 1;
const TASK_SCHEDULED = 5;
const TASK_STARTED = 6;
const TASK_COMPLETED = 7;
const TASK_FAILED = 9;
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

describe('isTimedOutTaskSplit: the one replay failure the doctor repairs on its own', () => {
  // The kindergarten case of the full chaos run that no replay can take past event 104.
  const evidence = (): HistoryEvent[] => {
    const file = path.resolve(
      import.meta.dirname,
      '../../../../workflows/kindergarten/evidence/case-replay-after-timed-out-task.json',
    );
    return historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8'))).events as HistoryEvent[];
  };
  const failure =
    '[TMPRL1100] Nondeterminism error: Update machine does not handle this event: HistoryEvent(id: 105, ActivityTaskScheduled)';

  it('recognises the evidence: 105 written by task 104, whose batch accepted an Update, after task 100 timed out', () => {
    const events = evidence();
    expect(mismatchedEventId(failure)).toBe(105);
    expect(isTimedOutTaskSplit(events, 105)).toBe(true);
    expect(remedyOf(events, failure).remedy).toMatchObject({ kind: 'reset', toEventId: 104 });
  });

  it('refuses a mismatch without the timed-out task before it (a code change, for one)', () => {
    const events = evidence().filter((e) => Number(e.eventId) !== 101);
    expect(isTimedOutTaskSplit(events, 105)).toBe(false);
  });

  it('refuses a mismatch in a batch that accepted no Update', () => {
    const events = evidence().filter((e) => Number(e.eventId) !== 106);
    expect(isTimedOutTaskSplit(events, 105)).toBe(false);
  });

  it('refuses an event outside the batch of the task before it', () => {
    expect(isTimedOutTaskSplit(evidence(), 112)).toBe(false);
  });

  it('reads no event from a failure that is not a replay mismatch', () => {
    expect(mismatchedEventId('body.newDeadline: no such day')).toBeNull();
  });
});
