import { describe, expect, it } from 'vitest';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  supervisionArchiveWorkflowId,
  supervisionWorkflowId,
  type RevisionBody,
  type StartItem,
} from './contracts/index';
import {
  factsOf,
  factsOnceAsleep,
  failedOnStartInput,
  refused,
  rejectedAsInvalid,
  runningUnharmed,
  timeSkippingSuite,
} from '@duban/workflow-core/testing';
import { createSupervisionActivities } from './activities';
import { itemActionUpdate, itemRevisionUpdate, itemSnapshotQuery } from './definitions';
import { actor, command } from './testing';
import { supervisionWorkflowsPath } from './worker';
import type { supervisionArchiveWorkflow, supervisionItemWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC) = 16:00 in Qingtongxia, so these tests
// walk the real 2019–2020 calendar: holidays, make-up working days and month ends.
const SERVER_START_UTC = '2019-04-30 08:00:00';

describe('supervision item workflow on the time-skipping server', () => {
  const suite = timeSkippingSuite({
    workflowsPath: supervisionWorkflowsPath,
    taskQueue: 'supervision-test',
    startAt: SERVER_START_UTC,
    activities: (js) => createSupervisionActivities({ js }),
  });
  const withWorker = <T>(body: () => Promise<T>): Promise<T> => body();
  let n = 0;

  async function startItem(
    overrides: Partial<StartItem> & { deadline: string | null },
    taskQueue = 'supervision-test',
  ) {
    n += 1;
    const itemId = `test-${n}-${Date.now()}`;
    const handle = await suite.env.client.workflow.start<typeof supervisionItemWorkflow>(
      'supervisionItemWorkflow',
      {
        taskQueue,
        workflowId: supervisionWorkflowId(itemId),
        args: [
          {
            itemId,
            docNo: '青政办发〔2019〕31号',
            ref: '三.(一)',
            title: '已建成、需办理移交的幼儿园完成移交',
            leadUnits: ['edu'],
            cooperatingUnits: [],
            ...overrides,
          },
        ],
      },
    );
    return handle;
  }

  /** The lead asks to close, 督查室 closes, and the item's history is recorded and replayed. */
  async function closeAndRecord(
    handle: Awaited<ReturnType<typeof startItem>>,
    lead: ReturnType<typeof actor>,
    summary: string,
    history: string,
  ) {
    await handle.executeUpdate(itemActionUpdate, {
      args: [command('request-close', lead, { summary, attachments: [] })],
    });
    await handle.executeUpdate(itemActionUpdate, {
      args: [command('close', actor('inspector'), { opinion: '同意销号' })],
    });
    await handle.result();
    await suite.recordAndReplay(handle, history);
  }

  /** 督查室 sends a revised notice's content to the item (what the catalog's confirm does). */
  const reviseAsOffice = (handle: Awaited<ReturnType<typeof startItem>>, body: RevisionBody) =>
    handle.executeUpdate(itemRevisionUpdate, { args: [{ actor: actor('inspector'), body }] });

  const now = () => suite.now();
  const skipTo = (shanghai: string) => suite.skipTo(shanghai);

  it('starts on the faked 2019 date', async () => {
    const t = await now();
    expect(new Date(t).toISOString().slice(0, 10)).toBe('2019-04-30');
  });

  // 青政办发〔2019〕31号 四.(二) 全面整改 (issue 14): four dates in one clause, one item, a milestone
  // per date. Started here on 2019-04-30; the next test walks the clock past 6月底.
  const FOUR_MILESTONES = [
    { key: '2019-06-30', date: '2019-06-30', phrase: '于2019年6月底前' },
    { key: '2019-09-30', date: '2019-09-30', phrase: '于2019年9月底前' },
    { key: '2019-11-30', date: '2019-11-30', phrase: '于2019年11月底前' },
    { key: '2020-12-31', date: '2020-12-31', phrase: '2020年12月底前' },
  ];
  let milestoneItem: Awaited<ReturnType<typeof startItem>> | undefined;
  const milestoneColours = async () =>
    (await milestoneItem!.query(itemSnapshotQuery)).milestones!.map((m) => [m.date, m.colour]);

  it('31号 四.(二) starts as one item with its four dated milestones, all green in April 2019', () =>
    withWorker(async () => {
      milestoneItem = await startItem({
        ref: '四.(二)',
        title: '全面整改',
        deadline: '2020-12-31',
        milestones: FOUR_MILESTONES,
      });
      const item = await milestoneItem.query(itemSnapshotQuery);
      expect(item).toMatchObject({ deadline: '2020-12-31', colour: 'green', overallColour: 'green' });
      expect(await milestoneColours()).toEqual(FOUR_MILESTONES.map((m) => [m.date, 'green']));
    }));

  it('goes blue in the warning window and red after the deadline day (DESIGN §5)', () =>
    withWorker(async () => {
      const handle = await startItem({ deadline: '2019-06-30' });
      let item = await handle.query(itemSnapshotQuery);
      expect(item).toMatchObject({ state: 'assigned', colour: 'green', deadline: '2019-06-30' });

      await skipTo('2019-06-23T23:59:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('green');
      await skipTo('2019-06-24T00:00:30');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
      await skipTo('2019-06-30T23:59:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
      await skipTo('2019-07-01T00:00:30');
      item = await handle.query(itemSnapshotQuery);
      expect(item.colour).toBe('red');
      expect(item.redSince).toBe('2019-06-30T16:00:00.000Z');
    }));

  it('on 2019-07-01 the 6月底 milestone of 31号 四.(二) is red on its own date while the later ones are green', () =>
    withWorker(async () => {
      // The previous test left the clock at 2019-07-01 00:00:30 in Qingtongxia: the milestone's own
      // timer turned it red; the item's deadline (2020-12-31) and the later milestones are green.
      expect(new Date((await now()) + 8 * 3_600_000).toISOString().slice(0, 10)).toBe('2019-07-01');
      const handle = milestoneItem!;
      expect(await milestoneColours()).toEqual([
        ['2019-06-30', 'red'],
        ['2019-09-30', 'green'],
        ['2019-11-30', 'green'],
        ['2020-12-31', 'green'],
      ]);
      let item = await handle.query(itemSnapshotQuery);
      expect(item).toMatchObject({
        colour: 'green',
        overallColour: 'red',
        redSince: '2019-06-30T16:00:00.000Z',
      });
      expect(item.milestones![0]).toMatchObject({ redSince: '2019-06-30T16:00:00.000Z', doneAt: null });

      // The bureau reports the milestone done: it no longer counts, and the item is green again.
      const edu = actor('bureau', 'edu');
      const complete = command('complete-milestone', edu, { milestone: '2019-06-30', note: '摸底排查完成' });
      await refused(handle.executeUpdate(itemActionUpdate, { args: [complete] }), /请先签收事项/);
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      item = await handle.executeUpdate(itemActionUpdate, { args: [complete] });
      expect(item).toMatchObject({ overallColour: 'green', redSince: null });
      expect(item.milestones!.map((m) => m.colour)).toEqual(['none', 'green', 'green', 'green']);
      expect(item.milestones![0]!.doneAt).not.toBeNull();
      await refused(handle.executeUpdate(itemActionUpdate, { args: [complete] }), /已完成/);
      await refused(
        handle.executeUpdate(itemActionUpdate, {
          args: [command('complete-milestone', actor('bureau', 'fin'), { milestone: '2019-09-30' })],
        }),
        /不是本事项的牵头或配合单位/,
      );

      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-close', edu, { summary: '整改完成', attachments: [] })],
      });
      const closed = await handle.executeUpdate(itemActionUpdate, {
        args: [command('close', actor('inspector'), { opinion: '同意销号' })],
      });
      expect(closed.milestones!.map((m) => m.colour)).toEqual(['none', 'none', 'none', 'none']);
      await handle.result();
      await suite.recordAndReplay(handle, 'milestones-then-closed.json');
    }));

  // A revised 31号 reaching the running 四.(二) item (still 2019-07-01): 9月底 becomes 8月底, 11月底 is
  // struck out, 2020年12月底 becomes 2021年6月底. Each milestone follows the notice's own dates (patch
  // supervision-item-revision-milestones); before, only the one that was the deadline moved.
  it('a monthly report due on the 25th that falls in the Spring Festival is due on the next working day', () =>
    withWorker(async () => {
      // 青政办发〔2019〕40号: report by the 25th each month. 2020-01-25 is 春节 (the holiday was
      // extended to 2020-02-02), so January's report falls due on Monday 2020-02-03.
      await skipTo('2020-01-02T09:00:00');
      const handle = await startItem({
        deadline: '2020-12-31',
        docNo: '青政办发〔2019〕40号',
        ref: '三.(一)',
        leadUnits: ['ndrc'],
        reporting: { kind: 'monthly', dayOfMonth: 25, workingDaysOnly: true },
      });
      let item = await handle.query(itemSnapshotQuery);
      expect(item.nextReportDue).toBe('2020-02-03');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', actor('bureau', 'ndrc'), {})] });

      await skipTo('2020-01-31T12:00:00');
      item = await handle.query(itemSnapshotQuery);
      expect(item).toMatchObject({ colour: 'green', reportMissing: false, nextReportDue: '2020-02-03' });

      await skipTo('2020-02-03T23:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('green');
      await skipTo('2020-02-04T00:00:30');
      item = await handle.query(itemSnapshotQuery);
      expect(item).toMatchObject({ colour: 'yellow', reportMissing: true });

      // A late report brings the item back on track; the next one is due 2020-02-25 (a Tuesday).
      item = await handle.executeUpdate(itemActionUpdate, {
        args: [
          command('progress', actor('bureau', 'ndrc'), {
            text: '1月份项目建设进展：开工率62%',
            attachments: [],
          }),
        ],
      });
      expect(item).toMatchObject({ colour: 'green', reportMissing: false, nextReportDue: '2020-02-25' });
    }));

  it('an approved extension moves the live deadline timer and keeps both deadlines in history', () =>
    withWorker(async () => {
      await skipTo('2020-06-01T09:00:00');
      const handle = await startItem({ deadline: '2020-06-30' });
      const edu = actor('bureau', 'edu');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      await skipTo('2020-06-25T10:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');

      await handle.executeUpdate(itemActionUpdate, {
        args: [
          command('request-extension', edu, { newDeadline: '2020-08-31', reason: '开发商移交资料不全' }),
        ],
      });
      const decided = await handle.executeUpdate(itemActionUpdate, {
        args: [command('decide-extension', actor('inspector'), { approve: true, opinion: '同意延期' })],
      });
      expect(decided).toMatchObject({
        deadline: '2020-08-31',
        originalDeadline: '2020-06-30',
        colour: 'green',
      });
      expect(decided.deadlineHistory).toEqual([
        expect.objectContaining({ previous: '2020-06-30', deadline: '2020-08-31', byUserId: 'inspector' }),
      ]);

      // The old deadline passes without turning the item red: the timer moved.
      await skipTo('2020-07-01T08:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('green');
      await skipTo('2020-08-25T08:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
      await skipTo('2020-09-01T08:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('red');
    }));

  it('a co-operating sub-task late while the lead is on time turns the item red overall', () =>
    withWorker(async () => {
      await skipTo('2020-09-01T09:00:00');
      const handle = await startItem({
        deadline: '2020-09-30',
        cooperatingUnits: ['natres', 'hous'],
        subTaskDeadlines: { natres: '2020-09-10' },
      });
      let item = await handle.query(itemSnapshotQuery);
      expect(item.subTasks.map((s) => [s.unitCode, s.deadline])).toEqual([
        ['natres', '2020-09-10'],
        ['hous', '2020-09-30'],
      ]);
      await skipTo('2020-09-11T09:00:00');
      item = await handle.query(itemSnapshotQuery);
      expect(item.colour).toBe('green');
      expect(item.subTasks.find((s) => s.unitCode === 'natres')?.colour).toBe('red');
      expect(item.overallColour).toBe('red');

      // The lead cannot ask to close while a co-operating unit has not finished.
      await expect(
        handle.executeUpdate(itemActionUpdate, {
          args: [command('sign', actor('bureau', 'edu'), {})],
        }),
      ).resolves.toMatchObject({ state: 'signed' });
      await expect(
        handle.executeUpdate(itemActionUpdate, {
          args: [command('request-close', actor('bureau', 'edu'), { summary: '已完成', attachments: [] })],
        }),
      ).rejects.toThrow(WorkflowUpdateFailedError);

      for (const unit of ['natres', 'hous']) {
        await handle.executeUpdate(itemActionUpdate, { args: [command('sign', actor('bureau', unit), {})] });
        await handle.executeUpdate(itemActionUpdate, {
          args: [command('request-close', actor('bureau', unit), { summary: '配合完成', attachments: [] })],
        });
      }
      item = await handle.query(itemSnapshotQuery);
      expect(item.subTasks.every((s) => s.state === 'done' && s.colour === 'none')).toBe(true);
      expect(item.overallColour).toBe('green');
    }));

  it('refuses a wrong unit or role with a reason and records nothing', () =>
    withWorker(async () => {
      const handle = await startItem({ deadline: '2020-12-31' });
      await handle.query(itemSnapshotQuery);
      // The test server books a workflow task even for a refused update; what matters is that no
      // update, activity or timer enters the history.
      // Wait until the item has published its assignment and sleeps on its deadline timer.
      const before = await factsOnceAsleep(handle);
      const refusals: [ReturnType<typeof command>, RegExp][] = [
        [command('sign', actor('bureau', 'fin'), {}), /不是本事项的牵头或配合单位/],
        [command('close', actor('bureau', 'edu'), { opinion: '自己销号' }), /角色 bureau 不能执行 close/],
        [command('review', actor('inspector'), {}), /只有申请办结的事项可以复核/],
        [
          command('request-extension', actor('bureau', 'edu'), { newDeadline: 'soon', reason: 'x' } as never),
          /newDeadline/,
        ],
      ];
      for (const [cmd, reason] of refusals) {
        await refused(handle.executeUpdate(itemActionUpdate, { args: [cmd] }), reason);
      }
      expect(await factsOf(handle)).toEqual(before);
      expect((await handle.query(itemSnapshotQuery)).state).toBe('assigned');
    }));

  // Issue 12: input sent straight to Temporal, past the gateway, never fails a workflow task.
  it('rejects an Update its contract refuses as a validation error; the item runs on and takes the next action', () =>
    withWorker(async () => {
      const handle = await startItem({ deadline: '2030-12-31' });
      const edu = actor('bureau', 'edu');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      const send = (cmd: unknown) => handle.executeUpdate(itemActionUpdate, { args: [cmd as never] });
      await rejectedAsInvalid(
        send(command('request-extension', edu, { newDeadline: '2027-02-30', reason: '资料不全' })),
        'body.newDeadline',
      );
      await rejectedAsInvalid(send({ action: 'progress', body: { text: '进展' } }), 'actor');
      await rejectedAsInvalid(send({ action: 'dance', actor: edu, body: {} }), 'action');
      await rejectedAsInvalid(send(undefined), '操作参数');
      await runningUnharmed(handle);
      const accepted = await send(command('progress', edu, { text: '已完成移交清单', attachments: [] }));
      expect(accepted).toMatchObject({ state: 'in_progress' });
    }));

  it('a start input its contract refuses ends the workflow as failed, naming the field', () =>
    withWorker(async () => {
      await failedOnStartInput(await startItem({ deadline: '2026-02-31' }), 'input.deadline');
    }));

  it('walks assigned → closed and an item already overdue at import starts red', () =>
    withWorker(async () => {
      await skipTo('2020-10-10T09:00:00');
      const overdue = await startItem({ deadline: '2019-06-30' });
      expect(await overdue.query(itemSnapshotQuery)).toMatchObject({
        colour: 'red',
        redSince: '2019-06-30T16:00:00.000Z',
      });

      const handle = await startItem({ deadline: '2020-12-31' });
      const edu = actor('bureau', 'edu');
      const inspector = actor('inspector');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('progress', edu, { text: '已完成移交清单', attachments: [{ name: '移交清单.pdf' }] })],
      });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('instruct', actor('leader'), { text: '请于年底前完成，确保秋季开学' })],
      });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-close', edu, { summary: '已完成移交', attachments: [] })],
      });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('return', inspector, { reason: '缺少产权登记证明' })],
      });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-close', edu, { summary: '补充产权登记证明', attachments: [] })],
      });
      await handle.executeUpdate(itemActionUpdate, { args: [command('review', inspector, {})] });
      const closed = await handle.executeUpdate(itemActionUpdate, {
        args: [command('close', inspector, { opinion: '材料齐全，同意销号' })],
      });
      expect(closed).toMatchObject({ state: 'closed', colour: 'none', overallColour: 'none' });
      await handle.result();

      await suite.recordAndReplay(handle, 'walk-to-closed.json');
    }));

  // Issue 23: 催办 answered on time, late and never (its timer turns it red), 改派 keeping the
  // deadline, a handling person, and 销号 with a rating — one item of 31号 三.(一), recorded.
  it('催办 answered on time, late and never; 改派 keeping the deadline; 承办人; 销号 with a rating', () =>
    withWorker(async () => {
      await skipTo('2020-11-02T09:00:00');
      const handle = await startItem({ deadline: '2020-12-31', cooperatingUnits: ['housing'] });
      const edu = actor('bureau', 'edu');
      const act = <A extends Parameters<typeof command>[0]>(
        action: A,
        who: ReturnType<typeof actor>,
        body: Parameters<typeof command<A>>[2],
      ) => handle.executeUpdate(itemActionUpdate, { args: [command(action, who, body)] });
      await act('sign', edu, {});

      // On time: the reply day is three working days on (Thursday 11-05) when none is given.
      let item = await act('urge', actor('inspector'), { message: '请报送移交进展' });
      expect(item.urges![0]).toMatchObject({ no: 1, unitCode: 'edu', replyBy: '2020-11-05' });
      await skipTo('2020-11-04T10:00:00');
      item = await act('answer-urge', edu, { urge: 1, text: '已移交2所' });
      expect(item.urges![0]).toMatchObject({ late: false, overdueAt: null });

      // Late: the reply day (Friday 11-06) passes, the urge's own timer turns it red; the answer
      // on Monday is late.
      await act('urge', actor('leader'), { message: '请说明滞后原因', replyBy: '2020-11-06' });
      await skipTo('2020-11-06T23:59:00');
      expect((await handle.query(itemSnapshotQuery)).urges![1]!.overdueAt).toBeNull();
      await skipTo('2020-11-07T00:00:30');
      // Just past the reply day's end (the timer fires within the second).
      expect((await handle.query(itemSnapshotQuery)).urges![1]!.overdueAt).toMatch(/^2020-11-06T16:00:00\./);
      item = await act('answer-urge', edu, { urge: 2, text: '资料不全，已催开发商' });
      expect(item.urges![1]).toMatchObject({ late: true, byRole: 'leader' });

      // Never: the co-operating unit is urged and never answers.
      await act('urge', actor('inspector'), {
        message: '请配合',
        unitCode: 'housing',
        replyBy: '2020-11-10',
      });
      await skipTo('2020-11-11T00:00:30');
      item = await handle.query(itemSnapshotQuery);
      expect(item.urges![2]).toMatchObject({ unitCode: 'housing', answeredAt: null });
      expect(item.urges![2]!.overdueAt).not.toBeNull();

      // 住建局 is not the right unit: it asks to hand back, cannot drop the item itself, and
      // 督查室 moves its part to 自然资源局 keeping the deadline.
      await act('request-handback', actor('bureau', 'housing'), { reason: '移交验收属自然资源局' });
      item = await act('reassign', actor('inspector'), {
        toUnit: 'land',
        deadline: 'keep',
        opinion: '改由自然资源局配合',
      });
      expect(item.subTasks).toMatchObject([{ unitCode: 'land', state: 'assigned', deadline: '2020-12-31' }]);
      expect(item.reassignments).toMatchObject([{ fromUnit: 'housing', toUnit: 'land', deadlineKept: true }]);
      await refused(
        handle.executeUpdate(itemActionUpdate, { args: [command('sign', actor('bureau', 'housing'), {})] }),
        /不是本事项的牵头或配合单位/,
      );

      // 教育局's 督办员 gives its step to a handling person; 自然资源局 signs and finishes its part.
      item = await act('assign-handler', edu, { handler: 'edu-wang', handlerName: '王敏' });
      expect(item.handlers).toMatchObject([{ unitCode: 'edu', userId: 'edu-wang' }]);
      const land = actor('bureau', 'land');
      await act('sign', land, {});
      await act('request-close', land, { summary: '配合验收完成', attachments: [] });
      await act('request-close', edu, { summary: '全部移交', attachments: [] });
      item = await act('close', actor('inspector'), {
        opinion: '同意销号',
        rating: 'fairly_good',
        ratingComment: '催办后完成',
      });
      expect(item.rating).toMatchObject({ rating: 'fairly_good', comment: '催办后完成' });
      await handle.result();
      await suite.recordAndReplay(handle, 'urged-reassigned-rated.json');
    }));

  it('改派 resetting the deadline: the old day passes without red, the new one is the timer', () =>
    withWorker(async () => {
      // Well past the clock the test before left (awaiting results lets the server skip on).
      await skipTo('2021-01-04T09:00:00');
      const handle = await startItem({ deadline: '2021-01-08' });
      await skipTo('2021-01-09T09:00:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('red');
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-handback', actor('bureau', 'edu'), { reason: '应由住建局牵头' })],
      });
      const item = await handle.executeUpdate(itemActionUpdate, {
        args: [
          command('reassign', actor('inspector'), {
            toUnit: 'housing',
            deadline: 'reset',
            newDeadline: '2021-03-31',
            opinion: '改由住建局牵头，重新计期',
          }),
        ],
      });
      expect(item).toMatchObject({
        leadUnits: ['housing'],
        state: 'assigned',
        deadline: '2021-03-31',
        colour: 'green',
      });
      expect(item.deadlineHistory).toMatchObject([{ previous: '2021-01-08', deadline: '2021-03-31' }]);
      // The 7-day window of the new deadline opens on 03-25.
      await skipTo('2021-03-24T23:59:00');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('green');
      await skipTo('2021-03-25T00:00:30');
      expect((await handle.query(itemSnapshotQuery)).colour).toBe('blue');
    }));

  it('a worker with nothing in cache writes what replays: an item acted on to closed', async () => {
    const handle = await suite.withUncachedWorker(async (taskQueue) => {
      const handle = await startItem({ deadline: '2021-12-31' }, taskQueue);
      const edu = actor('bureau', 'edu');
      const inspector = actor('inspector');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-close', edu, { summary: '已完成移交', attachments: [] })],
      });
      await handle.executeUpdate(itemActionUpdate, { args: [command('review', inspector, {})] });
      const closed = await handle.executeUpdate(itemActionUpdate, {
        args: [command('close', inspector, { opinion: '同意销号' })],
      });
      expect(closed).toMatchObject({ state: 'closed' });
      await handle.result();
      return handle;
    });
    await suite.replay(handle);
  });

  // Awaiting a workflow's result lets the time-skipping server run the shared clock on: this test
  // and the next close items, so they come after the tests that skip to a date.
  it('a revised notice carries its milestone dates to the running item', () =>
    withWorker(async () => {
      // Dated from the shared clock, wherever earlier tests left it: every open date lies ahead.
      const today = Date.parse(new Date(await now()).toISOString().slice(0, 10));
      const ahead = (days: number) => new Date(today + days * 86_400_000).toISOString().slice(0, 10);
      const milestone = (days: number, phrase: string) => ({ key: ahead(days), date: ahead(days), phrase });
      const handle = await startItem({
        ref: '四.(二)',
        title: '全面整改',
        deadline: ahead(600),
        milestones: [milestone(60, '于6月底前'), milestone(150, '于9月底前'), milestone(600, '年底前')],
      });
      const edu = actor('bureau', 'edu');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('complete-milestone', edu, { milestone: ahead(60), note: '摸底排查完成' })],
      });
      // The revised notice keeps the first date, moves the second and the last.
      const revised = await reviseAsOffice(handle, {
        change: 'revised',
        catalogVersion: 2,
        title: '全面整改',
        leadUnits: ['edu'],
        cooperatingUnits: [],
        deadline: ahead(780),
        milestones: [milestone(60, '于6月底前'), milestone(120, '于8月底前'), milestone(780, '次年6月底前')],
        fields: ['text', 'deadline'],
        source: 'notice-v2.md',
      });
      expect(revised.deadline).toBe(ahead(780));
      expect(revised.milestones!.map((m) => [m.key, m.date, m.colour, m.doneAt !== null])).toEqual([
        [ahead(60), ahead(60), 'none', true],
        [ahead(120), ahead(120), 'green', false],
        [ahead(780), ahead(780), 'green', false],
      ]);
      expect(revised.overallColour).toBe('green');
      await closeAndRecord(handle, edu, '整改完成', 'revision-carries-milestones.json');
    }));

  it('takes a revised notice: new title, units and deadline; a stale revision refused; removal flagged', () =>
    withWorker(async () => {
      const handle = await startItem({ deadline: '2020-12-31', cooperatingUnits: ['natres', 'fin'] });
      const edu = actor('bureau', 'edu');
      const inspector = actor('inspector');
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('sign', actor('bureau', 'natres'), {})],
      });
      const revised = await reviseAsOffice(handle, {
        change: 'revised',
        catalogVersion: 2,
        title: '已建成幼儿园于2021年6月底前完成移交',
        leadUnits: ['edu'],
        cooperatingUnits: ['natres', 'hous'],
        deadline: '2021-06-30',
        fields: ['title', 'cooperating', 'deadline'],
        source: 'notice-v2.md',
      });
      expect(revised).toMatchObject({
        title: '已建成幼儿园于2021年6月底前完成移交',
        deadline: '2021-06-30',
        originalDeadline: '2020-12-31',
        cooperatingUnits: ['natres', 'hous'],
        revision: { catalogVersion: 2, removed: false },
      });
      // natres keeps its signed sub-task; hous starts assigned; fin is gone.
      expect(revised.subTasks.map((s) => [s.unitCode, s.state, s.deadline])).toEqual([
        ['natres', 'signed', '2021-06-30'],
        ['hous', 'assigned', '2021-06-30'],
      ]);
      expect(revised.deadlineHistory.at(-1)).toMatchObject({
        deadline: '2021-06-30',
        previous: '2020-12-31',
      });

      const stale = {
        change: 'revised',
        catalogVersion: 2,
        title: 'x',
        leadUnits: ['edu'],
        cooperatingUnits: [],
      };
      await refused(
        handle.executeUpdate(itemRevisionUpdate, {
          args: [{ actor: inspector, body: { ...stale, deadline: null, fields: [], source: 'x' } as never }],
        }),
        /已是第 2 版/,
      );
      await refused(
        handle.executeUpdate(itemRevisionUpdate, {
          args: [{ actor: edu, body: { change: 'removed', catalogVersion: 2, reason: 'x', source: 'x' } }],
        }),
        /不能修订/,
      );
      const removed = await handle.executeUpdate(itemRevisionUpdate, {
        args: [
          {
            actor: inspector,
            body: {
              change: 'removed',
              catalogVersion: 2,
              reason: '修订版通知已删除此任务',
              source: 'notice-v3.md',
            },
          },
        ],
      });
      expect(removed).toMatchObject({ state: 'assigned', revision: { removed: true } });

      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      for (const unit of ['natres', 'hous']) {
        const who = actor('bureau', unit);
        if (unit === 'hous')
          await handle.executeUpdate(itemActionUpdate, { args: [command('sign', who, {})] });
        await handle.executeUpdate(itemActionUpdate, {
          args: [command('request-close', who, { summary: '配合完成', attachments: [] })],
        });
      }
      await closeAndRecord(handle, edu, '已完成移交', 'revised-then-closed.json');
    }));

  // 归档 (issue 23, point 6): a closed item archived once, by a workflow of its own, recorded.
  it('archives a closed item once: one fact, one version on, marked archived; an open item is refused', () =>
    withWorker(async () => {
      const handle = await startItem({ deadline: null });
      const edu = actor('bureau', 'edu');
      await handle.executeUpdate(itemActionUpdate, { args: [command('sign', edu, {})] });
      await handle.executeUpdate(itemActionUpdate, {
        args: [command('request-close', edu, { summary: '已完成', attachments: [] })],
      });
      const closed = await handle.executeUpdate(itemActionUpdate, {
        args: [command('close', actor('inspector'), { opinion: '同意销号' })],
      });
      await handle.result();
      const archive = (item: typeof closed) =>
        suite.env.client.workflow.start<typeof supervisionArchiveWorkflow>('supervisionArchiveWorkflow', {
          taskQueue: 'supervision-test',
          workflowId: supervisionArchiveWorkflowId(item.itemId),
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [{ item, actor: actor('inspector') }],
        });
      const run = await archive(closed);
      const archived = await run.result();
      expect(archived).toMatchObject({
        state: 'closed',
        version: closed.version + 1,
        archived: { byUserId: 'inspector' },
      });
      await expect(archive(closed)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
      await suite.recordAndReplay(run, 'archived.json');

      const open = await startItem({ deadline: null });
      const refusedRun = await archive(await open.query(itemSnapshotQuery));
      await failedOnStartInput(refusedRun, 'item');
    }));

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
