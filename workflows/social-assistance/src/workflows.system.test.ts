import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import type { Actor } from '@duban/contracts';
import * as wt from '@duban/workflow-core/testing';
import { createSocialAssistanceActivities as activitiesOn } from './activities';
import {
  householdCaseWorkflowId,
  purchaseWorkflowId,
  type CaseCommand,
  type CaseSnapshot,
  type PurchaseCommand,
  type PurchaseSnapshot,
} from './contracts/index';
import { caseActionUpdate, caseQuery, purchaseActionUpdate, purchaseQuery } from './definitions';
import { PANEL, PROVIDER, actor, household, officers, scores, start2019, startYear } from './testing';
import { socialAssistanceWorkflowsPath } from './worker';
import type { householdCaseWorkflow, socialAssistancePurchaseWorkflow } from './workflows';

const TASK_QUEUE = 'social-assistance-test';
const run = Date.now().toString(36);
/** One worker for the file; the server's clock starts on Monday 2019-04-22, 09:00 in Shanghai (六(一) 4月下旬). */
const onServer: wt.TimeSkippingOptions = {
  startAt: '2019-04-22 01:00:00',
  activities: (js) => activitiesOn({ js }),
  workflowsPath: socialAssistanceWorkflowsPath,
  taskQueue: TASK_QUEUE,
};

describe('social-assistance purchase on the time-skipping server, 2019 (青政办发〔2019〕39号)', () => {
  const suite = wt.timeSkippingSuite(onServer);
  type Purchase = WorkflowHandle<typeof socialAssistancePurchaseWorkflow>;
  const civil = () => actor('bureau', 'civil');
  const fin = () => actor('bureau', 'fin');
  const provider = () => actor('bureau', PROVIDER.code);

  const act = (h: Purchase, who: Actor, action: PurchaseCommand['action'], body: object) =>
    h.executeUpdate(purchaseActionUpdate, {
      args: [{ action, actor: who, body: body as Record<string, unknown> }],
    });
  /** The purchase once the workflow has taken the timer that was due. */
  async function after(h: Purchase, shanghai: string, ready: (p: PurchaseSnapshot) => boolean) {
    await suite.skipTo(shanghai);
    let p = await h.query(purchaseQuery);
    for (let i = 0; i < 100 && !ready(p); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      p = await h.query(purchaseQuery);
    }
    return p;
  }
  const payment = (p: PurchaseSnapshot, key: string) => p.payments.find((x) => x.key === key)!;

  it('walks the plan of 六 to the mid-term evaluation: the 50% paid late (red), a failed evaluation holds the 40%, paid on time once passed', async () => {
    const started = await suite.env.client.workflow.start<typeof socialAssistancePurchaseWorkflow>(
      'socialAssistancePurchaseWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: purchaseWorkflowId(`GM-2019-${run}`),
        args: [start2019(`GM-2019-${run}`)],
      },
    );
    const h: Purchase = suite.env.client.workflow.getHandle(started.workflowId);
    await wt.refused(act(h, fin(), 'apply', { on: '2019-04-22' }), /民政局/);
    await suite.skipTo('2019-04-26T10:00:00');
    await act(h, civil(), 'apply', { on: '2019-04-26' });
    await suite.skipTo('2019-05-09T10:00:00');
    await act(h, civil(), 'procure', { on: '2019-05-09', provider: PROVIDER });
    await suite.skipTo('2019-05-20T10:00:00');
    let p = await act(h, civil(), 'contract', { signedOn: '2019-05-20', effectiveOn: '2019-05-20' });
    expect(payment(p, 'Y1-first')).toMatchObject({ amountYuan: 301_440, due: '2019-06-11' });
    expect(p.steps.find((s) => s.key === 'dispatch')).toMatchObject({ due: '2019-06-11' });

    await suite.skipTo('2019-06-06T10:00:00');
    await wt.refused(act(h, civil(), 'dispatch', { on: '2019-06-06', officers: officers() }), /承接主体/);
    p = await act(h, provider(), 'dispatch', { on: '2019-06-06', officers: officers() });
    expect(p.roster.every((s) => s.officerCode)).toBe(true);
    // 六(四): 15 working days from 05-20 end on 06-11 (端午 06-07 off); blue in the window, red after.
    expect(payment(p, 'Y1-first').colour).toBe('blue');
    p = await after(h, '2019-06-12T09:00:00', (x) => payment(x, 'Y1-first').colour === 'red');
    expect(payment(p, 'Y1-first').colour).toBe('red');
    expect(p.colour).toBe('red');
    p = await act(h, fin(), 'pay', { payment: 'Y1-first', on: '2019-06-12', amountYuan: 301_440 });
    expect(payment(p, 'Y1-first')).toMatchObject({ paidOn: '2019-06-12', late: true, colour: 'green' });

    // 七(三): the first half-year ends 11-19; the panel fails it; the 40% is held, the provider rectifies.
    await suite.skipTo('2019-11-28T10:00:00');
    const evaluate = (on: string, passed: boolean) =>
      act(h, civil(), 'evaluate', { evaluation: 'Y1-H1', on, passed, scores, panel: PANEL, note: '' });
    p = await evaluate('2019-11-28', false);
    expect(payment(p, 'Y1-mid').held).toContain('不合格');
    await wt.refused(
      act(h, fin(), 'pay', { payment: 'Y1-mid', on: '2019-11-28', amountYuan: 241_152 }),
      /暂停拨付/,
    );
    await suite.skipTo('2019-12-09T10:00:00');
    await act(h, provider(), 'rectify', { on: '2019-12-09', note: '调换两名核查员，补训一次' });
    await suite.skipTo('2019-12-10T10:00:00');
    p = await evaluate('2019-12-10', true);
    expect(payment(p, 'Y1-mid')).toMatchObject({ held: null, due: '2019-12-31' });
    await suite.skipTo('2019-12-20T10:00:00');
    p = await act(h, fin(), 'pay', { payment: 'Y1-mid', on: '2019-12-20', amountYuan: 241_152 });
    expect(payment(p, 'Y1-mid')).toMatchObject({ late: false, colour: 'green' });
    expect(p.colour).toBe('green');
    await suite.recordAndReplay(h, 'purchase-2019-late-payment-failed-evaluation.json');
  });

  it('an officer takes a household case through every step to the town’s decision (五(五)2)', async () => {
    type Case = WorkflowHandle<typeof householdCaseWorkflow>;
    const started = await suite.env.client.workflow.start<typeof householdCaseWorkflow>(
      'householdCaseWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: householdCaseWorkflowId(`JZ-${run}`),
        args: [
          {
            caseId: `JZ-${run}`,
            household: household(),
            officer: { code: 'officer-4', name: '核查员4' },
            takenOn: '2019-12-20',
            openedBy: 'bureau-officer-4',
          },
        ],
      },
    );
    const h: Case = suite.env.client.workflow.getHandle(started.workflowId);
    const step = (who: Actor, action: CaseCommand['action'], body: object) =>
      h.executeUpdate(caseActionUpdate, {
        args: [{ action, actor: who, body: body as Record<string, unknown> }],
      });
    const officer = () => actor('bureau', 'officer-4');
    const signed = { on: '2019-12-23', signedByOfficer: true, signedByApplicant: true, findings: '收入属实' };
    await wt.refused(step(actor('bureau', 'officer-5'), 'investigate', signed), /officer-4/);
    await step(officer(), 'investigate', signed);
    await step(officer(), 'appraise', {
      on: '2019-12-24',
      representatives: 12,
      objections: false,
      note: '无异议',
    });
    // 民政局's spot check falls due 10 working days on (2020-01-08) and turns red when missed.
    await suite.skipTo('2020-01-09T09:00:00');
    let c: CaseSnapshot = await h.query(caseQuery);
    for (let i = 0; i < 100 && c.colour !== 'red'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      c = await h.query(caseQuery);
    }
    expect(c).toMatchObject({ step: 'spot-check', due: '2020-01-08', colour: 'red' });
    await step(actor('bureau', 'civil'), 'spot-check', {
      on: '2020-01-09',
      confirmed: true,
      note: '抽查属实',
    });
    c = await step(actor('bureau', 'town-xiaoba'), 'decide', {
      on: '2020-01-10',
      approved: true,
      reasons: '符合条件',
    });
    expect(c).toMatchObject({ step: null, decision: 'approved', colour: 'none' });
    await suite.recordAndReplay(h, 'case-spot-check-late-approved.json');
  });

  it('refuses an Update its contract refuses as invalid input and runs on', async () => {
    const started = await suite.env.client.workflow.start<typeof socialAssistancePurchaseWorkflow>(
      'socialAssistancePurchaseWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: purchaseWorkflowId(`GM-bad-${run}`),
        args: [start2019(`GM-bad-${run}`)],
      },
    );
    const h: Purchase = suite.env.client.workflow.getHandle(started.workflowId);
    await wt.rejectedAsInvalid(act(h, civil(), 'apply', { on: '2019-02-30' }), 'body.on');
    await wt.runningUnharmed(h);
  });

  // After the case test: the server's clock only moves on (2020-01 now).
  it('walks the three service years of 五(四): each final evaluation releases the rest 10 working days on (六(四)), each new year’s 50% falls due as the year starts, the last payment ends the purchase', async () => {
    const id = `GM-2020-${run}`;
    const started = await suite.env.client.workflow.start<typeof socialAssistancePurchaseWorkflow>(
      'socialAssistancePurchaseWorkflow',
      { taskQueue: TASK_QUEUE, workflowId: purchaseWorkflowId(id), args: [startYear(2020, id)] },
    );
    const h: Purchase = suite.env.client.workflow.getHandle(started.workflowId);
    await suite.skipTo('2020-04-24T10:00:00');
    await act(h, civil(), 'apply', { on: '2020-04-24' });
    await suite.skipTo('2020-05-08T10:00:00');
    await act(h, civil(), 'procure', { on: '2020-05-08', provider: PROVIDER });
    await suite.skipTo('2020-05-20T10:00:00');
    await act(h, civil(), 'contract', { signedOn: '2020-05-20', effectiveOn: '2020-05-20' });
    await suite.skipTo('2020-06-05T10:00:00');
    let p = await act(h, provider(), 'dispatch', { on: '2020-06-05', officers: officers() });
    const pay = (key: string, on: string) =>
      act(h, fin(), 'pay', { payment: key, on, amountYuan: payment(p, key).amountYuan });
    const evaluate = (key: string, on: string) =>
      act(h, civil(), 'evaluate', { evaluation: key, on, passed: true, scores, panel: PANEL, note: '' });

    // Each year: the 50% 15 working days from the year's start (year 1: the contract in effect),
    // the 40% 15 working days from passing the mid-term evaluation, the rest 10 from passing the
    // final one. 端午 2020 (06-25) and 2022 (06-03) fall in the counts.
    const years = [
      {
        n: 1,
        first: '2020-06-10',
        h1: '2020-11-25',
        mid: '2020-12-16',
        h2: '2021-05-25',
        rest: '2021-06-08',
      },
      {
        n: 2,
        first: '2021-06-10',
        h1: '2021-11-25',
        mid: '2021-12-16',
        h2: '2022-05-25',
        rest: '2022-06-09',
      },
      {
        n: 3,
        first: '2022-06-13',
        h1: '2022-11-25',
        mid: '2022-12-16',
        h2: '2023-05-25',
        rest: '2023-06-08',
      },
    ];
    for (const y of years) {
      const key = (part: string) => `Y${y.n}-${part}`;
      // A later year begins on its own timer: its budget (no recruitment), payments and evaluations.
      p = await after(h, `${y.first}T09:00:00`, (x) => x.budgets.length >= y.n);
      expect(payment(p, key('first'))).toMatchObject({ due: y.first, paidOn: null });
      p = await pay(key('first'), y.first);
      await suite.skipTo(`${y.h1}T10:00:00`);
      p = await evaluate(key('H1'), y.h1);
      expect(payment(p, key('mid')).due).toBe(y.mid);
      await suite.skipTo(`${y.mid}T10:00:00`);
      p = await pay(key('mid'), y.mid);
      await suite.skipTo(`${y.h2}T10:00:00`);
      p = await evaluate(key('H2'), y.h2);
      expect(payment(p, key('final'))).toMatchObject({ trigger: y.h2, due: y.rest, held: null });
      await suite.skipTo(`${y.rest}T10:00:00`);
      p = await pay(key('final'), y.rest);
      for (const part of ['first', 'mid', 'final'])
        expect(payment(p, key(part))).toMatchObject({ late: false, colour: 'green' });
    }
    expect(p.budgets.map((b) => [b.serviceYear, b.start, b.end])).toEqual([
      [1, '2020-05-20', '2021-05-19'],
      [2, '2021-05-20', '2022-05-19'],
      [3, '2022-05-20', '2023-05-19'],
    ]);
    // 五(三)4: recruitment is paid once, in the first year.
    expect(payment(p, 'Y1-first').amountYuan).toBe(301_440);
    expect(payment(p, 'Y2-first').amountYuan).toBe(265_440);
    expect(p.evaluations.every((e) => e.passedOn)).toBe(true);
    expect(p).toMatchObject({ stage: 'ended', colour: 'none' });
    await suite.recordAndReplay(h, 'purchase-2020-three-years-ended.json');
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
