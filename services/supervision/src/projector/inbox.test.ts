import { describe, expect, it } from 'vitest';
import type { ItemDoc } from '@duban/workflow-supervision/client';
import { inboxEntriesOf } from './inbox';
import { itemSnapshot } from './testing';

const doc = (over: Partial<ItemDoc> = {}): ItemDoc => ({
  ...itemSnapshot('u.inbox'),
  _id: 'u.inbox',
  updatedAt: new Date('2019-05-01T09:00:00+08:00'),
  latestProgress: null,
  ...over,
});
const steps = (item: ItemDoc) =>
  inboxEntriesOf(item).map((e) => `${e.unitCode}:${e.role}:${e.step}:${e.colour}`);

describe('inbox entries of an item (DESIGN §6)', () => {
  it('the lead holds the item while assigned, signed or in progress; co-operating units their sub-tasks', () => {
    for (const state of ['assigned', 'signed', 'in_progress'] as const) {
      expect(steps(doc({ state }))).toEqual([
        `edu:lead:${state}:green`,
        'hous:cooperating:subtask_assigned:green',
        'natres:cooperating:subtask_assigned:green',
      ]);
    }
  });

  it('a close request or review is with the inspector: only open sub-tasks stay', () => {
    const subTasks = itemSnapshot('x').subTasks.map((s) =>
      s.unitCode === 'hous'
        ? { ...s, state: 'done' as const, colour: 'none' as const }
        : { ...s, colour: 'red' as const },
    );
    for (const state of ['close_requested', 'under_review'] as const) {
      expect(steps(doc({ state, colour: 'red', subTasks }))).toEqual([
        'natres:cooperating:subtask_assigned:red',
      ]);
    }
  });

  it('31号 四.(二): the lead entry counts the worst open milestone and shows the next one', () => {
    const milestone = (date: string, colour: 'red' | 'green' | 'none', done = false) => ({
      key: date,
      date,
      phrase: `${date}前`,
      colour,
      redSince: null,
      doneAt: done ? '2019-07-02T01:00:00.000Z' : null,
    });
    const item = doc({
      deadline: '2020-12-31',
      colour: 'green',
      milestones: [
        milestone('2019-06-30', 'red'),
        milestone('2019-09-30', 'green'),
        milestone('2020-12-31', 'green'),
      ],
    });
    expect(inboxEntriesOf(item)[0]).toMatchObject({ unitCode: 'edu', colour: 'red', deadline: '2019-06-30' });
    item.milestones![0] = milestone('2019-06-30', 'none', true);
    expect(inboxEntriesOf(item)[0]).toMatchObject({ colour: 'green', deadline: '2019-09-30' });
  });

  it('a closed item leaves nothing, even a sub-task never finished', () => {
    expect(inboxEntriesOf(doc({ state: 'closed' }))).toEqual([]);
  });

  it('each entry carries its own deadline and colour, and the item time', () => {
    const subTasks = itemSnapshot('x').subTasks.map((s) =>
      s.unitCode === 'natres'
        ? { ...s, deadline: '2019-05-31', colour: 'blue' as const, state: 'signed' as const }
        : s,
    );
    const natres = inboxEntriesOf(doc({ colour: 'yellow', subTasks })).find((e) => e.unitCode === 'natres');
    expect(natres).toEqual({
      _id: 'u.inbox|natres',
      process: 'supervision',
      itemId: 'u.inbox',
      href: '#/items/u.inbox',
      unitCode: 'natres',
      role: 'cooperating',
      step: 'subtask_signed',
      stepLabel: '配合子任务已签收',
      docNo: '青政办发〔2019〕31号',
      ref: '第三部分第1条',
      title: '已建成、需办理移交的小区配套幼儿园，2019年6月30日前完成移交',
      deadline: '2019-05-31',
      colour: 'blue',
      updatedAt: new Date('2019-05-01T09:00:00+08:00'),
    });
  });

  it('a unit that both leads and co-operates appears once, as lead', () => {
    const item = doc({ leadUnits: ['edu', 'hous'] });
    expect(steps(item)).toEqual([
      'edu:lead:assigned:green',
      'hous:lead:assigned:green',
      'natres:cooperating:subtask_assigned:green',
    ]);
  });
});

describe('the 催 mark and the handling person in the inbox (issue 23)', () => {
  const urge = (no: number, unitCode: string, answered: boolean) => ({
    no,
    unitCode,
    message: '请反馈',
    replyBy: '2019-05-10',
    at: '2019-05-06T01:00:00.000Z',
    byUserId: 'inspector',
    byRole: 'inspector',
    answeredAt: answered ? '2019-05-07T01:00:00.000Z' : null,
    answer: answered ? '已办' : null,
    late: false,
    overdueAt: null,
    withdrawnAt: null,
  });

  it('counts the urges waiting for each unit and names its handling person', () => {
    const entries = inboxEntriesOf(
      doc({
        urges: [urge(1, 'edu', true), urge(2, 'edu', false), urge(3, 'natres', false)],
        handlers: [
          {
            unitCode: 'edu',
            userId: 'edu-wang',
            name: '王敏',
            at: '2019-05-06T01:00:00.000Z',
            byUserId: 'edu-admin',
          },
        ],
      }),
    );
    const of = (unit: string) => entries.find((e) => e.unitCode === unit)!;
    expect(of('edu')).toMatchObject({ openUrges: 1, handler: { userId: 'edu-wang', name: '王敏' } });
    expect(of('natres')).toMatchObject({ openUrges: 1 });
    expect(of('hous')).not.toHaveProperty('openUrges');
    expect(of('hous')).not.toHaveProperty('handler');
  });
});
