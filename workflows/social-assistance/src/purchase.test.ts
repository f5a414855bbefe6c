import { describe, expect, it } from 'vitest';
import type { CaseCommand, PurchaseCommand } from './contracts/index';
import { applyCaseAction, caseActionsOpenTo, newCaseState, onCaseTime } from './household';
import {
  applyPurchaseAction,
  newPurchaseState,
  nextPurchaseWakeAt,
  onPurchaseTime,
  purchaseActionsOpenTo,
  type PurchaseState,
} from './purchase';
import { PANEL, PROVIDER, actor, household, officers, scores, start2019 } from './testing';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const civil = () => actor('bureau', 'civil');
const fin = () => actor('bureau', 'fin');
const provider = () => actor('bureau', PROVIDER.code);

function act(
  state: PurchaseState,
  who: PurchaseCommand['actor'],
  action: PurchaseCommand['action'],
  body: object,
  now: string,
) {
  const facts = applyPurchaseAction(
    state,
    { action, actor: who, body: body as Record<string, unknown> },
    at(now),
  );
  return [...facts, ...onPurchaseTime(state, at(now))].map(([type]) => type.split('.').at(-2));
}

/** The 2019 purchase up to the contract of 2019-05-20, as the plan of 六 has it. */
function contracted(): PurchaseState {
  const state = newPurchaseState(start2019(), at('2019-04-22T09:00'));
  act(state, civil(), 'apply', { on: '2019-04-26' }, '2019-04-26T10:00');
  act(state, civil(), 'procure', { on: '2019-05-09', provider: PROVIDER }, '2019-05-09T10:00');
  act(state, civil(), 'contract', { signedOn: '2019-05-20', effectiveOn: '2019-05-20' }, '2019-05-20T10:00');
  return state;
}

describe('the 2019 purchase (青政办发〔2019〕39号 六, 六(四), 七(三))', () => {
  it('opens on the plan of 六 with month parts as deadlines, and only 民政局 applies (六(一))', () => {
    const state = newPurchaseState(start2019(), at('2019-04-22T09:00'));
    expect(state.p.steps.map((s) => [s.key, s.planned])).toEqual([
      ['application', '2019-04-30'],
      ['procurement', '2019-05-10'],
      ['contract', '2019-05-20'],
      ['funds', '2019-05-31'],
      ['dispatch', '2019-06-10'],
    ]);
    expect(state.p.roster.filter((s) => s.unitCode === 'civil')).toHaveLength(3);
    expect(state.p.roster).toHaveLength(12);
    expect(() => act(state, fin(), 'apply', { on: '2019-04-26' }, '2019-04-26T10:00')).toThrow(/民政局/);
    // 六(一) 4月下旬: blue from 04-24 on a 7-day window.
    expect(state.p.colour).toBe('green');
    onPurchaseTime(state, at('2019-04-24T00:00'));
    expect(state.p.steps[0]!.colour).toBe('blue');
  });

  it('the contract starts year 1: the budget of 五(三), 50% due on the 15th working day (06-11), dispatch by 06-11 (六(五))', () => {
    const state = contracted();
    expect(state.p.stage).toBe('in-service');
    expect(state.p.budgets[0]).toMatchObject({
      serviceYear: 1,
      start: '2019-05-20',
      end: '2020-05-19',
      totalYuan: 602_880,
    });
    expect(state.p.payments.map((x) => [x.key, x.amountYuan, x.due])).toEqual([
      ['Y1-first', 301_440, '2019-06-11'],
      ['Y1-mid', 241_152, null],
      ['Y1-final', 60_288, null],
    ]);
    expect(state.p.steps.find((s) => s.key === 'dispatch')!.due).toBe('2019-06-11');
    expect(state.p.evaluations.map((e) => [e.key, e.periodEnd, e.due])).toEqual([
      ['Y1-H1', '2019-11-19', '2019-12-04'],
      ['Y1-H2', '2020-05-19', '2020-06-03'],
    ]);
    expect(purchaseActionsOpenTo(state.p, fin())).toEqual(['pay']);
    expect(purchaseActionsOpenTo(state.p, provider())).toEqual(['dispatch']);
  });

  it('财政局 pays late: red the day after 06-11, paid late and back to green; the amount may not change (五(三))', () => {
    const state = contracted();
    expect(() =>
      act(
        state,
        fin(),
        'pay',
        { payment: 'Y1-first', on: '2019-06-12', amountYuan: 300_000 },
        '2019-06-12T09:00',
      ),
    ).toThrow(/301440/);
    onPurchaseTime(state, at('2019-06-12T00:00'));
    expect(state.p.payments[0]!.colour).toBe('red');
    expect(state.p.colour).toBe('red');
    const facts = act(
      state,
      fin(),
      'pay',
      { payment: 'Y1-first', on: '2019-06-12', amountYuan: 301_440 },
      '2019-06-12T09:00',
    );
    expect(facts).toContain('payment_recorded');
    expect(state.p.payments[0]).toMatchObject({ paidOn: '2019-06-12', late: true, colour: 'green' });
    expect(state.p.steps.find((s) => s.key === 'funds')).toMatchObject({ doneOn: '2019-06-12', late: true });
  });

  it('a failed mid-term evaluation holds the 40% and opens the provider’s rectification; passing releases it (七(三), 六(四))', () => {
    const state = contracted();
    act(state, provider(), 'dispatch', { on: '2019-06-06', officers: officers() }, '2019-06-06T09:00');
    const evaluate = (on: string, passed: boolean) =>
      act(
        state,
        civil(),
        'evaluate',
        { evaluation: 'Y1-H1', on, passed, scores, panel: PANEL },
        `${on}T10:00`,
      );
    expect(() => evaluate('2019-11-19', true)).toThrow(/期满后评估/);
    expect(evaluate('2019-11-28', false)).toContain('evaluation_failed');
    const mid = () => state.p.payments.find((x) => x.key === 'Y1-mid')!;
    expect(mid().held).toContain('不合格');
    expect(state.p.rectifications[0]).toMatchObject({
      evaluationKey: 'Y1-H1',
      due: '2019-12-28',
      doneOn: null,
    });
    expect(() =>
      act(
        state,
        fin(),
        'pay',
        { payment: 'Y1-mid', on: '2019-12-01', amountYuan: 241_152 },
        '2019-12-01T09:00',
      ),
    ).toThrow(/暂停拨付/);
    expect(() => evaluate('2019-12-10', true)).toThrow();
    expect(purchaseActionsOpenTo(state.p, provider())).toEqual(['staff', 'rectify']);
    act(
      state,
      provider(),
      'rectify',
      { on: '2019-12-09', note: '调换两名核查员，补训一次' },
      '2019-12-09T09:00',
    );
    expect(evaluate('2019-12-10', true)).toEqual(
      expect.arrayContaining(['evaluation_passed', 'payment_released']),
    );
    expect(mid()).toMatchObject({ held: null, trigger: '2019-12-10', due: '2019-12-31' });
    act(
      state,
      fin(),
      'pay',
      { payment: 'Y1-mid', on: '2019-12-20', amountYuan: 241_152 },
      '2019-12-20T09:00',
    );
    expect(mid()).toMatchObject({ late: false, colour: 'green' });
  });

  it('year 2 starts on the contract’s anniversary with its own 50% (social-assistance.later-years-first-payment)', () => {
    const state = contracted();
    expect(nextPurchaseWakeAt(state, at('2020-05-10T00:00'))).toBeLessThanOrEqual(at('2020-05-20T00:00'));
    onPurchaseTime(state, at('2020-05-20T00:00'));
    expect(state.p.payments.find((x) => x.key === 'Y2-first')).toMatchObject({
      amountYuan: 265_440,
      due: '2020-06-10',
    });
  });

  it('the roster: a seat falls vacant and is filled again from the reserve (五(四))', () => {
    const state = contracted();
    act(state, provider(), 'dispatch', { on: '2019-06-06', officers: officers() }, '2019-06-06T09:00');
    act(state, provider(), 'staff', { on: '2019-09-01', seat: 4, officer: null }, '2019-09-01T09:00');
    expect(state.p.roster[3]).toMatchObject({ unitCode: 'town-xiaoba', officerCode: null });
    act(
      state,
      provider(),
      'staff',
      { on: '2019-09-15', seat: 4, officer: { code: 'officer-13', name: '递补核查员' } },
      '2019-09-15T09:00',
    );
    expect(state.p.roster[3]).toMatchObject({ officerCode: 'officer-13', since: '2019-09-15' });
  });
});

describe('an officer’s household case (五(五)2)', () => {
  const take = () =>
    newCaseState(
      {
        caseId: 'JZ-1',
        household: household(),
        officer: { code: 'officer-4', name: '核查员4' },
        takenOn: '2019-09-25',
        openedBy: 'bureau-officer-4',
      },
      at('2019-09-25T10:00'),
    );
  const step = (
    s: ReturnType<typeof take>,
    who: CaseCommand['actor'],
    action: CaseCommand['action'],
    body: object,
    now: string,
  ) => {
    const facts = applyCaseAction(s, { action, actor: who, body: body as Record<string, unknown> }, at(now));
    return [...facts, ...onCaseTime(s, at(now), true)];
  };

  it('walks investigation → appraisal → spot check → the town’s decision, each due 10 working days after the last', () => {
    const s = take();
    // Taken on 2019-09-25: 10 working days through 国庆 (09-29 and 10-12 are 调休) is 10-14.
    expect(s.c).toMatchObject({ step: 'investigation', due: '2019-10-14' });
    const officer = actor('bureau', 'officer-4');
    expect(caseActionsOpenTo(s.c, officer)).toEqual(['investigate']);
    expect(() =>
      step(
        s,
        actor('bureau', 'town-xiaoba'),
        'investigate',
        { on: '2019-10-08', signedByOfficer: true, signedByApplicant: true, findings: '属实' },
        '2019-10-08T10:00',
      ),
    ).toThrow(/officer-4/);
    step(
      s,
      officer,
      'investigate',
      { on: '2019-10-08', signedByOfficer: true, signedByApplicant: true, findings: '属实' },
      '2019-10-08T10:00',
    );
    // 10-12 (a Saturday) is a make-up working day: 10 working days from 10-08 is 10-21.
    expect(s.c).toMatchObject({ step: 'appraisal', due: '2019-10-21' });
    step(
      s,
      officer,
      'appraise',
      { on: '2019-10-15', representatives: 15, objections: false, note: '无异议' },
      '2019-10-15T10:00',
    );
    expect(caseActionsOpenTo(s.c, actor('bureau', 'civil'))).toEqual(['spot-check']);
    // Late: the spot check was due 10-29; red on 10-30, back to green at the next step.
    onCaseTime(s, at('2019-10-30T08:00'), false);
    expect(s.c.colour).toBe('red');
    step(
      s,
      actor('bureau', 'civil'),
      'spot-check',
      { on: '2019-10-30', confirmed: true, note: '抽查属实' },
      '2019-10-30T10:00',
    );
    expect(s.c).toMatchObject({ step: 'decision', colour: 'green' });
    expect(s.c.done.at(-1)).toMatchObject({ step: 'spot-check', late: true });
    step(
      s,
      actor('bureau', 'town-xiaoba'),
      'decide',
      { on: '2019-11-05', approved: true, reasons: '符合低保条件' },
      '2019-11-05T10:00',
    );
    expect(s.c).toMatchObject({ step: null, decision: 'approved', colour: 'none' });
  });

  it('the investigation needs both signatures (五(五)2(2))', () => {
    const s = take();
    expect(() =>
      step(
        s,
        actor('bureau', 'officer-4'),
        'investigate',
        { on: '2019-10-08', signedByOfficer: true, signedByApplicant: false, findings: '属实' },
        '2019-10-08T10:00',
      ),
    ).toThrow();
  });
});
