import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import type { Actor } from '@duban/contracts';
import * as wt from '@duban/workflow-core/testing';
import { createLandTransferActivities as activitiesOn } from './activities';
import { CONTRACT_COPIES, landTransferWorkflowId, type TransferCommand } from './contracts/index';
import { applicationQuery, transferActionUpdate } from './definitions';
import { actor, allPassed, applicationOf } from './testing';
import { landTransferWorkflowsPath } from './worker';
import type { landTransferWorkflow } from './workflows';

const TASK_QUEUE = 'land-transfer-test';
const run = Date.now().toString(36);
/** One worker for the file; the server's clock starts three weeks after 34号 (2019-04-15), 09:00 in Shanghai. */
const onServer: wt.TimeSkippingOptions = {
  startAt: '2019-05-06 01:00:00',
  activities: (js) => activitiesOn({ js }),
  workflowsPath: landTransferWorkflowsPath,
  taskQueue: TASK_QUEUE,
};

describe('land-transfer workflow on the time-skipping server across 2019–2021 (青政发〔2019〕34号)', () => {
  const suite = wt.timeSkippingSuite(onServer);
  type Handle = WorkflowHandle<typeof landTransferWorkflow>;

  async function start(applicationId: string, areaMu: number, operatorOtherMu = 0): Promise<Handle> {
    const started = await suite.env.client.workflow.start<typeof landTransferWorkflow>(
      'landTransferWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: landTransferWorkflowId(applicationId),
        args: [
          {
            applicationId,
            application: applicationOf(areaMu),
            operatorOtherMu,
            filedBy: 'bureau-operator-huinong',
          },
        ],
      },
    );
    return suite.env.client.workflow.getHandle(started.workflowId);
  }
  const act = (h: Handle, who: Actor, action: TransferCommand['action'], body: object) =>
    h.executeUpdate(transferActionUpdate, {
      args: [{ action, actor: who, body: body as Record<string, unknown> }],
    });
  /** The application once the workflow has taken the timer that was due. */
  async function colourAt(h: Handle, shanghai: string, colour: string) {
    await suite.skipTo(shanghai);
    let app = await h.query(applicationQuery);
    for (let i = 0; i < 100 && app.colour !== colour; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      app = await h.query(applicationQuery);
    }
    return app;
  }
  const village = () => actor('bureau', 'village-xiaoba-minle');
  const town = () => actor('bureau', 'town-xiaoba');
  const decision = {
    on: '2019-05-20',
    checks: allPassed,
    decision: 'implement',
    reasons: '群众意见一致，风险可控',
  };

  // 第三十六–三十八条: the village tier and the city tier to a decision (the town tier walks to use
  // below). Acts on today's date only, so the shared clock stays where the next tests expect it.
  it('below 100 亩 the village decides; from 500 亩 the town reviews and the city group decides (第三十六–三十八条)', async () => {
    const meeting = { heldOn: '2019-05-10', members: 40, present: 38, inFavour: 33 };
    const small = await start(`LZ-${run}-village`, 99.5);
    await act(small, village(), 'meeting', meeting);
    await wt.refused(act(small, town(), 'decide', decision), /村/);
    expect(await act(small, village(), 'decide', decision)).toMatchObject({
      tier: 'village',
      stage: 'contract',
    });

    const large = await start(`LZ-${run}-city`, 500);
    await act(large, village(), 'meeting', meeting);
    expect(await large.query(applicationQuery)).toMatchObject({ tier: 'city', stage: 'review' });
    // The city group decides only on the town's review, and the town does not decide at this tier.
    await wt.refused(act(large, actor('leader'), 'decide', decision), /第三十八条/);
    await wt.refused(act(large, town(), 'decide', decision), /第三十八条/);
    await act(large, town(), 'town-review', decision);
    expect(await large.query(applicationQuery)).toMatchObject({ stage: 'city-review' });
    expect(await act(large, actor('leader'), 'decide', decision)).toMatchObject({
      tier: 'city',
      stage: 'contract',
    });
  });

  it('town tier to use, then the six-monthly report falls due (blue), is late (yellow), turns red, and is back on track when sent (第三十二条)', async () => {
    const h = await start(`LZ-${run}-1`, 200);
    await wt.refused(
      act(h, town(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 32 }),
      /村委会/,
    );
    await act(h, village(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 32 });
    await act(h, town(), 'decide', decision);
    await act(h, village(), 'contract', { signedOn: '2019-05-25', copies: [...CONTRACT_COPIES] });
    await act(h, actor('bureau', 'agri-econ-station'), 'file', { on: '2019-05-27' });
    await wt.refused(
      act(h, village(), 'settle', {
        on: '2019-06-01',
        rentPaidOn: '2019-06-01',
        arrangement: 'not-required',
      }),
      /第四十六条/,
    );
    let app = await act(h, village(), 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'cash',
      paidYuan: 36000,
    });
    expect(app).toMatchObject({
      stage: 'in-use',
      reports: { period: '2019H2', due: '2020-01-31' },
      colour: 'green',
      // 第三十九条: the year's supervision, due by its end, on a ladder of its own.
      supervision: { year: 2019, due: '2019-12-31', colour: 'green' },
    });

    app = await colourAt(h, '2020-01-25T08:00:00', 'blue');
    expect(app.colour).toBe('blue');
    expect(app.supervision).toMatchObject({ year: 2019, colour: 'yellow' });
    app = await colourAt(h, '2020-02-01T08:00:00', 'yellow');
    expect(app.colour).toBe('yellow');
    app = await colourAt(h, '2020-03-02T08:00:00', 'red');
    expect(app.colour).toBe('red');
    expect(app.supervision).toMatchObject({ year: 2019, colour: 'red' });
    app = await act(h, actor('bureau', 'agri'), 'supervise', {
      year: 2019,
      on: '2020-03-02',
      findings: '经营正常',
    });
    expect(app.supervision).toEqual({ year: 2020, due: '2020-12-31', colour: 'green' });
    const report = {
      on: '2020-03-03',
      land: '200亩',
      rentPaid: '已付清',
      operations: '正常',
      assetsLiabilities: '资产负债率40%',
      equity: '120万元',
    };
    await wt.refused(act(h, village(), 'report', { ...report, period: '2019H2' }), /经营主体本人/);
    await wt.refused(
      act(h, actor('bureau', 'operator-huinong'), 'report', { ...report, period: '2020H1' }),
      /应报送 2019H2/,
    );
    app = await act(h, actor('bureau', 'operator-huinong'), 'report', { ...report, period: '2019H2' });
    expect(app).toMatchObject({ colour: 'green', reports: { period: '2020H1', due: '2020-07-31' } });
    expect(app.reports.submitted).toEqual([{ period: '2019H2', on: '2020-03-03', late: true }]);
    app = await colourAt(h, '2020-08-01T08:00:00', 'yellow');
    expect(app.colour).toBe('yellow');

    // application-town-report-late.json is this run before the yearly supervision (patch lt-yearly-supervision).
    await suite.recordAndReplay(h, 'application-town-report-late-supervised.json');
  });

  it('a 第四十九条 event in 2021 opens a risk case and draws the deposit; the case closes', async () => {
    await suite.skipTo('2021-01-10T09:00:00');
    const h = await start(`LZ-${run}-2`, 120);
    await act(h, village(), 'meeting', { heldOn: '2021-01-10', members: 20, present: 20, inFavour: 16 });
    await act(h, town(), 'decide', decision);
    await act(h, village(), 'contract', { signedOn: '2021-01-15', copies: [...CONTRACT_COPIES] });
    await act(h, actor('bureau', 'agri-econ-station'), 'file', { on: '2021-01-16' });
    await act(h, village(), 'settle', {
      on: '2021-01-20',
      rentPaidOn: '2021-01-20',
      arrangement: 'cash',
      paidYuan: 21600,
    });
    let app = await act(h, actor('bureau', 'agri'), 'risk-event', {
      clause: 3,
      on: '2021-02-01',
      note: '冰雹灾害，无力支付租金',
    });
    expect(app).toMatchObject({
      stage: 'risk',
      deposit: { held: false, drawn: { clause: 3, amountYuan: 21600 } },
    });
    app = await act(h, town(), 'close-risk', {
      on: '2021-03-01',
      resolution: '保障金已兑付农户租金，土地收回',
    });
    expect(app).toMatchObject({ stage: 'closed', outcome: 'terminated', colour: 'none' });
    await suite.replay(h);
  });

  it('refuses an Update its contract refuses as invalid input and runs on; a bad start input fails naming the field', async () => {
    const h = await start(`LZ-${run}-3`, 50);
    await wt.rejectedAsInvalid(
      act(h, village(), 'meeting', { heldOn: '2019-02-30', members: 10, present: 10, inFavour: 9 }),
      'body.heldOn',
    );
    await wt.runningUnharmed(h);
    const bad = await suite.env.client.workflow.start<typeof landTransferWorkflow>('landTransferWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: landTransferWorkflowId(`LZ-${run}-bad`),
      args: [
        {
          applicationId: 'x',
          application: applicationOf(50, { termEnd: '2028-02-30' }),
          operatorOtherMu: 0,
          filedBy: 'x',
        },
      ],
    });
    await wt.failedOnStartInput(bad, 'input.application.termEnd');
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
