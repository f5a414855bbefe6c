// The 督办 lifecycle's rules without a server (issue 23): 催办 and its reply day, 转办/改派,
// 承办人 and 办结评价, on an item of 青政办发〔2019〕31号 三.(一) led by 教育局 with 住建局 co-operating.
import { describe, expect, it } from 'vitest';
import { applyAction, checkAction } from './actions';
import { newItemState, refreshColours } from './item';
import { nextUrgeWakeAt, urgesTurningRed } from './lifecycle';
import { SupervisionEvents, type ActionBody, type ActionName } from './contracts/index';
import { actor, command } from './testing';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);

function item() {
  return newItemState(
    {
      itemId: 'qzbf-2019-31.3.p1',
      docNo: '青政办发〔2019〕31号',
      ref: '三.(一)',
      title: '已建成、需办理移交的幼儿园完成移交',
      leadUnits: ['edu'],
      cooperatingUnits: ['housing'],
      deadline: '2019-06-30',
    },
    at('2019-04-30T16:00:00'),
  );
}
type State = ReturnType<typeof item>;

/** Validates then applies, as the Update does. */
function act<A extends ActionName>(
  state: State,
  action: A,
  who: ReturnType<typeof actor>,
  body: ActionBody<A>,
  now: number,
) {
  const cmd = command(action, who, body);
  checkAction(state, cmd);
  return applyAction(state, cmd, now);
}
const refusal = (state: State, action: ActionName, who: ReturnType<typeof actor>, body: unknown) => {
  try {
    checkAction(state, command(action, who, body as never));
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('催办', () => {
  it('an inspector urges the lead; the reply day defaults to 3 working days (over 劳动节 2019)', () => {
    const state = item();
    const fact = act(
      state,
      'urge',
      actor('inspector'),
      { message: '请尽快报送移交进展' },
      at('2019-04-30T16:00:00'),
    );
    expect(fact).toMatchObject({ type: SupervisionEvents.UrgeIssued.type, step: 'urge-1' });
    // 5月1–4日 are off in 2019 (5月5日 is a make-up working day): 5, 6, 7 May.
    expect(state.item.urges![0]).toMatchObject({
      no: 1,
      unitCode: 'edu',
      replyBy: '2019-05-07',
      overdueAt: null,
    });
    expect(nextUrgeWakeAt(state, at('2019-04-30T16:00:00'))).toBe(at('2019-05-08T00:00:00'));
  });

  it('a leader may urge a co-operating unit; a bureau may not urge', () => {
    const state = item();
    act(
      state,
      'urge',
      actor('leader'),
      { message: '请配合', unitCode: 'housing', replyBy: '2019-05-10' },
      at('2019-05-06T09:00:00'),
    );
    expect(state.item.urges![0]).toMatchObject({ unitCode: 'housing', byRole: 'leader' });
    expect(refusal(state, 'urge', actor('bureau', 'edu'), { message: 'x' })).toMatch(
      /角色 bureau 不能执行 urge/,
    );
    expect(refusal(state, 'urge', actor('inspector'), { message: 'x', unitCode: 'farm' })).toMatch(
      /不是本事项/,
    );
  });

  it('answered on time: not late, no timer left', () => {
    const state = item();
    act(
      state,
      'urge',
      actor('inspector'),
      { message: '请反馈', replyBy: '2019-05-07' },
      at('2019-05-06T09:00:00'),
    );
    expect(refusal(state, 'answer-urge', actor('bureau', 'housing'), { urge: 1, text: 'x' })).toMatch(
      /不是本单位/,
    );
    const fact = act(
      state,
      'answer-urge',
      actor('bureau', 'edu'),
      { urge: 1, text: '已移交3所' },
      at('2019-05-07T23:00:00'),
    );
    expect(fact.extra).toMatchObject({ urge: 1, late: false });
    expect(nextUrgeWakeAt(state, at('2019-05-07T23:00:00'))).toBeNull();
    expect(urgesTurningRed(state, at('2019-05-09T00:00:00'))).toEqual([]);
    expect(refusal(state, 'answer-urge', actor('bureau', 'edu'), { urge: 1, text: 'y' })).toMatch(/已反馈/);
  });

  it('never answered: red once the reply day is over, once; answered later it is late', () => {
    const state = item();
    act(
      state,
      'urge',
      actor('inspector'),
      { message: '请反馈', replyBy: '2019-05-07' },
      at('2019-05-06T09:00:00'),
    );
    expect(urgesTurningRed(state, at('2019-05-07T23:59:59'))).toEqual([]);
    expect(urgesTurningRed(state, at('2019-05-08T00:00:00')).map((u) => u.no)).toEqual([1]);
    expect(urgesTurningRed(state, at('2019-05-09T00:00:00'))).toEqual([]);
    const fact = act(
      state,
      'answer-urge',
      actor('bureau', 'edu'),
      { urge: 1, text: '迟报' },
      at('2019-05-09T10:00:00'),
    );
    expect(fact.extra).toMatchObject({ late: true });
    expect(state.item.urges![0]).toMatchObject({ late: true, overdueAt: '2019-05-07T16:00:00.000Z' });
  });
});

describe('转办 / 改派', () => {
  it('a unit asks to hand back; it cannot ask twice; 督查室 refuses and the unit keeps it', () => {
    const state = item();
    act(
      state,
      'request-handback',
      actor('bureau', 'housing'),
      { reason: '移交不属本局职责' },
      at('2019-05-06T09:00:00'),
    );
    expect(state.item.pendingHandback).toMatchObject({ unitCode: 'housing' });
    expect(refusal(state, 'request-handback', actor('bureau', 'edu'), { reason: 'x' })).toMatch(/已有待决定/);
    const fact = act(
      state,
      'refuse-handback',
      actor('inspector'),
      { opinion: '属住建职责' },
      at('2019-05-07T09:00:00'),
    );
    expect(fact.extra).toMatchObject({ decision: 'refused', fromUnit: 'housing', toUnit: null });
    expect(state.item).toMatchObject({ pendingHandback: null, cooperatingUnits: ['housing'] });
  });

  it('改派 keeping the deadline: the lead moves, signs afresh; its urges are withdrawn', () => {
    const state = item();
    act(state, 'sign', actor('bureau', 'edu'), {}, at('2019-05-06T09:00:00'));
    act(
      state,
      'urge',
      actor('inspector'),
      { message: '请反馈', replyBy: '2019-05-10' },
      at('2019-05-06T10:00:00'),
    );
    act(
      state,
      'request-handback',
      actor('bureau', 'edu'),
      { reason: '应由自然资源局牵头' },
      at('2019-05-07T09:00:00'),
    );
    expect(
      refusal(state, 'reassign', actor('inspector'), { toUnit: 'housing', deadline: 'keep', opinion: 'x' }),
    ).toMatch(/已是本事项/);
    const fact = act(
      state,
      'reassign',
      actor('inspector'),
      { toUnit: 'land', deadline: 'keep', opinion: '改由自然资源局牵头' },
      at('2019-05-08T09:00:00'),
    );
    expect(fact.extra).toMatchObject({
      decision: 'reassigned',
      fromUnit: 'edu',
      toUnit: 'land',
      deadlineKept: true,
      newDeadline: '2019-06-30',
    });
    expect(state.item).toMatchObject({
      leadUnits: ['land'],
      state: 'assigned',
      deadline: '2019-06-30',
      pendingHandback: null,
    });
    expect(state.item.deadlineHistory).toEqual([]);
    expect(state.item.urges![0]!.withdrawnAt).not.toBeNull();
    expect(refusal(state, 'progress', actor('bureau', 'edu'), { text: 'x' })).toMatch(/不是本事项/);
  });

  it('改派 resetting the deadline of a late co-operating unit turns it green again', () => {
    const state = item();
    refreshColours(state, at('2019-07-02T09:00:00'));
    expect(state.item.subTasks[0]!.colour).toBe('red');
    expect(
      refusal(state, 'reassign', actor('inspector'), {
        fromUnit: 'housing',
        toUnit: 'land',
        deadline: 'reset',
        opinion: 'x',
      }),
    ).toMatch(/newDeadline/);
    act(
      state,
      'reassign',
      actor('inspector'),
      {
        fromUnit: 'housing',
        toUnit: 'land',
        deadline: 'reset',
        newDeadline: '2019-09-30',
        opinion: '重新交办',
      },
      at('2019-07-02T09:00:00'),
    );
    expect(state.item.subTasks).toMatchObject([
      { unitCode: 'land', state: 'assigned', deadline: '2019-09-30' },
    ]);
    expect(state.item.cooperatingUnits).toEqual(['land']);
    refreshColours(state, at('2019-07-02T09:00:00'));
    expect(state.item.subTasks[0]!.colour).toBe('green');
    expect(state.item.reassignments).toMatchObject([
      {
        fromUnit: 'housing',
        toUnit: 'land',
        part: 'cooperating',
        deadlineKept: false,
        previousDeadline: '2019-06-30',
      },
    ]);
  });
});

describe('承办人 and 办结评价', () => {
  it('a unit gives its step to a handling person, then to another; the change is recorded', () => {
    const state = item();
    act(
      state,
      'assign-handler',
      actor('bureau', 'edu'),
      { handler: 'edu-wang', handlerName: '王老师' },
      at('2019-05-06T09:00:00'),
    );
    const fact = act(
      state,
      'assign-handler',
      actor('bureau', 'edu'),
      { handler: 'edu-li' },
      at('2019-05-07T09:00:00'),
    );
    expect(fact.extra).toMatchObject({ unitCode: 'edu', handler: 'edu-li', previousHandler: 'edu-wang' });
    expect(state.item.handlers).toMatchObject([{ unitCode: 'edu', userId: 'edu-li' }]);
    expect(refusal(state, 'assign-handler', actor('inspector'), { handler: 'x' })).toMatch(/角色/);
  });

  it('销号 with a rating keeps it in the record', () => {
    const state = item();
    const lead = actor('bureau', 'edu');
    act(state, 'sign', lead, {}, at('2019-05-06T09:00:00'));
    act(state, 'sign', actor('bureau', 'housing'), {}, at('2019-05-06T09:00:00'));
    act(
      state,
      'request-close',
      actor('bureau', 'housing'),
      { summary: '配合完成', attachments: [] },
      at('2019-05-06T09:00:00'),
    );
    act(state, 'request-close', lead, { summary: '已全部移交', attachments: [] }, at('2019-06-20T09:00:00'));
    const fact = act(
      state,
      'close',
      actor('inspector'),
      { opinion: '同意销号', rating: 'fairly_good', ratingComment: '按期完成' },
      at('2019-06-21T09:00:00'),
    );
    expect(fact.extra).toEqual({ opinion: '同意销号', rating: 'fairly_good', ratingComment: '按期完成' });
    expect(state.item.rating).toMatchObject({
      rating: 'fairly_good',
      comment: '按期完成',
      byUserId: 'inspector',
    });
  });
});
