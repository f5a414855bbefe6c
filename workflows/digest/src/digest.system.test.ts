import { describe, expect, it } from 'vitest';
import { Context } from '@temporalio/activity';
import { timeSkippingSuite } from '@duban/workflow-core/testing';
import { createDigestActivities } from './activities';
import { digestWorkflowsPath } from './worker';
import type { morningDigestWorkflow } from './workflows';

// Issue 19 §3 on the time-skipping server: the digest goes out at 08:30 on statutory working days
// only. The server starts on Monday 2019-09-30 07:00 Shanghai, before the National Day holiday
// (10-01…07 off), and later walks Friday 2019-10-11 into Saturday 10-12, a 调休 working day.
const TASK_QUEUE = 'digest-test';
const run = Date.now().toString(36);

describe('the morning digest workflow on the time-skipping server', () => {
  const announced: { workflowId: string; day: string; dueAt: string }[] = [];
  const suite = timeSkippingSuite({
    workflowsPath: digestWorkflowsPath,
    taskQueue: TASK_QUEUE,
    startAt: '2019-09-29 23:00:00',
    activities: (js) => ({
      // The working-day check is the real one (packages/calendar); the announcement is recorded.
      nextWorkingDay: createDigestActivities({ js }).nextWorkingDay,
      announceDigest: async (input: { day: string; dueAt: string }) => {
        announced.push({ workflowId: Context.current().info.workflowExecution?.workflowId ?? '', ...input });
        return { duplicate: false };
      },
    }),
  });

  const start = (workflowId: string) =>
    suite.env.client.workflow.start<typeof morningDigestWorkflow>('morningDigestWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId,
      args: [{}],
    });

  /** The days announced by one workflow once `count` of them are (then a moment for a stray extra). */
  const daysOf = async (workflowId: string, count: number): Promise<string[]> => {
    const mine = () => announced.filter((a) => a.workflowId === workflowId).map((a) => a.day);
    for (let i = 0; i < 200 && mine().length < count; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    return mine();
  };

  it('sends on the Monday before National Day, none during the holiday, then on 10-08 at 08:30', async () => {
    const workflowId = `digest-holiday-${run}`;
    const handle = await start(workflowId);
    await suite.skipTo('2019-10-08T09:00:00');
    expect(await daysOf(workflowId, 2)).toEqual(['2019-09-30', '2019-10-08']);
    expect(announced.find((a) => a.day === '2019-10-08')?.dueAt).toBe('2019-10-08T00:30:00.000Z');
    await suite.replay(handle);
    await handle.terminate('test done');
  });

  it('sends on Friday 2019-10-11 and on the 调休 Saturday 10-12, not on Sunday, then on Monday', async () => {
    await suite.skipTo('2019-10-11T07:00:00');
    const workflowId = `digest-makeup-${run}`;
    const handle = await start(workflowId);
    await suite.skipTo('2019-10-11T08:29:00');
    expect(await daysOf(workflowId, 0)).toEqual([]);
    await suite.skipTo('2019-10-14T09:00:00');
    expect(await daysOf(workflowId, 3)).toEqual(['2019-10-11', '2019-10-12', '2019-10-14']);
    await suite.recordAndReplay(handle, 'digest-makeup-saturday.json');
    await handle.terminate('test done');
  });

  it('replays its recorded histories', async () => {
    await suite.replayRecorded();
  });
});
