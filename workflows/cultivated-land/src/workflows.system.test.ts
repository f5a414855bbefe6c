import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import {
  assessmentIdOf,
  rectificationIdOf,
  townAssessmentWorkflowId,
  townRectificationWorkflowId,
  type AssessmentCommand,
  type AssessmentSnapshot,
  type RectificationCommand,
  type RectificationSnapshot,
  type Targets,
} from './contracts/index';
import {
  failedOnStartInput,
  refused,
  rejectedAsInvalid,
  runningUnharmed,
  timeSkippingSuite,
} from '@duban/workflow-core/testing';
import { createCultivatedLandActivities } from './activities';
import {
  assessmentActionUpdate,
  assessmentSnapshotQuery,
  rectificationActionUpdate,
  rectificationSnapshotQuery,
} from './definitions';
import { actor } from './testing';
import { cultivatedLandWorkflowsPath } from './worker';
import type { townAssessmentWorkflow, townRectificationWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC) = 16:00 in Qingtongxia, three weeks after
// 青政办发〔2019〕28号 (2019-04-09), so these tests walk real 2019–2020 dates.
const SERVER_START_UTC = '2019-04-30 08:00:00';
const TASK_QUEUE = 'cultivated-land-test';
const run = Date.now().toString(36);

const TARGETS: Targets = { cultivatedLandMu: 120_000, basicFarmlandMu: 95_000, highStandardMu: 8_000 };

describe('cultivated-land workflows on the time-skipping server (青政办发〔2019〕28号)', () => {
  const suite = timeSkippingSuite({
    workflowsPath: cultivatedLandWorkflowsPath,
    taskQueue: TASK_QUEUE,
    startAt: SERVER_START_UTC,
    activities: (js) => createCultivatedLandActivities({ js }),
  });

  const now = () => suite.now();
  const skipTo = (shanghai: string) => suite.skipTo(shanghai);
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; i < 200; i += 1) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('workflow did not reach the expected state');
  }
  /** Not `result()`: waiting on it lets the test server skip time, and later tests need the clock. */
  async function completed(h: WorkflowHandle) {
    await until(
      async () => (await h.describe()).status.name,
      (s) => s === 'COMPLETED',
    );
  }
  const record = (h: WorkflowHandle, file: string) => suite.recordAndReplay(h, file);

  // Rectification helpers.
  const startRectification = (
    campaignId: string,
    townCode: string,
    townName: string,
    deadlines: Record<string, string>,
    taskQueue = TASK_QUEUE,
  ) => {
    const rectificationId = rectificationIdOf(campaignId, townCode);
    return suite.env.client.workflow.start<typeof townRectificationWorkflow>('townRectificationWorkflow', {
      taskQueue,
      workflowId: townRectificationWorkflowId(rectificationId),
      args: [{ rectificationId, campaignId, townCode, townName, deadlines: deadlines as never }],
    });
  };
  const rsnap = (h: WorkflowHandle) => h.query(rectificationSnapshotQuery);
  const ract = (h: WorkflowHandle, action: string, who: ReturnType<typeof actor>, body: unknown) =>
    h.executeUpdate(rectificationActionUpdate, {
      args: [{ action, actor: who, body } as RectificationCommand],
    });
  const step = (r: RectificationSnapshot, key: string) => r.steps.find((s) => s.key === key)!;

  // Assessment helpers.
  const startAssessment = (
    year: number,
    townCode: string,
    townName: string,
    reportDeadline: string,
    taskQueue = TASK_QUEUE,
  ) => {
    const assessmentId = `${assessmentIdOf(year, townCode)}-${run}`;
    return suite.env.client.workflow.start<typeof townAssessmentWorkflow>('townAssessmentWorkflow', {
      taskQueue,
      workflowId: townAssessmentWorkflowId(assessmentId),
      args: [
        { assessmentId, year, townCode, townName, targets: TARGETS, reportDeadline, setBy: 'bureau-natres' },
      ],
    });
  };
  const asnap = (h: WorkflowHandle) => h.query(assessmentSnapshotQuery);
  const aact = (h: WorkflowHandle, action: string, who: ReturnType<typeof actor>, body: unknown) =>
    h.executeUpdate(assessmentActionUpdate, { args: [{ action, actor: who, body } as AssessmentCommand] });

  it('starts on the faked 2019 date', async () => {
    expect(new Date(await now()).toISOString().slice(0, 10)).toBe('2019-04-30');
  });

  it('a town rectification in 2019: blue before a deadline, the plan returned once, walked to closed (二(二))', async () => {
    const h = await startRectification(`cl-2019-${run}`, 'town-xiaoba', '小坝镇', {
      verify: '2019-05-31',
      problems: '2019-06-30',
      plan: '2019-07-31',
      review: '2019-08-15',
      zones: '2019-09-30',
      amend: '2019-11-30',
      accept: '2019-12-31',
    });
    const natres = actor('bureau', 'natres');
    const town = actor('bureau', 'town-xiaoba');
    let r = await rsnap(h);
    expect(r).toMatchObject({ phase: 'verify', colour: 'green' });
    expect(step(r, 'verify')).toMatchObject({ unitCode: 'natres', withUnits: ['agri'], state: 'open' });
    expect(step(r, 'plan')).toMatchObject({
      unitCode: 'town-xiaoba',
      state: 'waiting',
      deadline: '2019-07-31',
    });

    await refused(ract(h, 'complete-step', actor('bureau', 'agri'), { step: 'verify' }), /由自然资源局办理/);
    await ract(h, 'complete-step', natres, { step: 'verify', note: '会同农业农村局核实完毕' });
    await skipTo('2019-06-25T09:00:00');
    r = await until(
      () => rsnap(h),
      (x) => x.colour === 'blue',
    );
    expect(step(r, 'problems').colour).toBe('blue');
    r = await ract(h, 'list-problems', natres, {
      problems: [
        {
          category: 'designation_untrue',
          parcels: [{ parcelNo: 'XB-2019-01', areaMu: 35.2 }],
          disposal: '调出，另行补划',
        },
        {
          category: 'illegal_occupation',
          parcels: [{ parcelNo: 'XB-2019-07', areaMu: 6.8 }],
          disposal: '立案查处，恢复耕种',
        },
        {
          category: 'wrongly_designated',
          parcels: [{ parcelNo: 'XB-2019-11', areaMu: 12 }],
          disposal: '林地错划，调出',
        },
      ],
    });
    expect(r).toMatchObject({ phase: 'plan', colour: 'green', problemAreaMu: 54 });

    await refused(ract(h, 'submit-plan', natres, { summary: 'x', supplementaryMu: 1 }), /由小坝镇办理/);
    await ract(h, 'submit-plan', town, { summary: '补划 47.2 亩', supplementaryMu: 47.2 });
    r = await ract(h, 'review-plan', natres, { decision: 'return', reason: '补划面积少于调出面积' });
    expect(r).toMatchObject({ phase: 'plan', reviews: [{ decision: 'returned', round: 1 }] });
    expect(step(r, 'plan').state).toBe('open');
    await ract(h, 'submit-plan', town, { summary: '补划 54 亩，质量不低于调出地块', supplementaryMu: 54 });
    r = await ract(h, 'review-plan', natres, { decision: 'approve', reason: '总体稳定、局部微调、量质并重' });
    expect(r).toMatchObject({ phase: 'zones', plan: { round: 2, supplementaryMu: 54 } });
    await ract(h, 'complete-step', actor('bureau', 'agri'), { step: 'zones' });
    await ract(h, 'complete-step', natres, { step: 'amend', note: '按法定程序修改土地利用总体规划' });
    r = await ract(h, 'complete-step', natres, { step: 'accept' });
    expect(r).toMatchObject({ phase: 'closed', colour: 'none' });
    expect(r.steps.every((s) => s.state === 'done')).toBe(true);
    await completed(h);
    await record(h, 'rectification-returned-to-closed.json');
  });

  it('a step late goes red; an approved extension drops it back (DESIGN §5)', async () => {
    const h = await startRectification(`cl-2020-${run}`, 'farms', '农林场', {
      verify: '2020-01-15',
      problems: '2020-01-31',
      plan: '2020-03-31',
      review: '2020-04-15',
      zones: '2020-05-31',
      amend: '2020-06-30',
      accept: '2020-07-31',
    });
    await skipTo('2020-01-16T00:00:30');
    let r = await until(
      () => rsnap(h),
      (x) => x.colour === 'red',
    );
    expect(step(r, 'verify').colour).toBe('red');
    expect(r.redSince).not.toBeNull();

    await refused(
      ract(h, 'request-extension', actor('bureau', 'natres'), {
        step: 'verify',
        newDeadline: '2020-01-10',
        reason: 'x',
      }),
      /必须晚于现期限 2020-01-15/,
    );
    await ract(h, 'request-extension', actor('bureau', 'natres'), {
      step: 'verify',
      newDeadline: '2020-02-20',
      reason: '遥感核查数据延迟下发',
    });
    await refused(
      ract(h, 'decide-extension', actor('bureau', 'natres'), { step: 'verify', approve: true, reason: 'x' }),
      /督查室/,
    );
    r = await ract(h, 'decide-extension', actor('inspector'), {
      step: 'verify',
      approve: true,
      reason: '同意延期',
    });
    expect(r.colour).toBe('green');
    expect(step(r, 'verify')).toMatchObject({ deadline: '2020-02-20', originalDeadline: '2020-01-15' });
    // The next step, due before the new date, moves with it; both old dates stay in the history.
    expect(step(r, 'problems').deadline).toBe('2020-02-20');
    expect(r.deadlineHistory.map((d) => [d.step, d.previous, d.deadline])).toEqual([
      ['verify', '2020-01-15', '2020-02-20'],
      ['problems', '2020-01-31', '2020-02-20'],
    ]);
  });

  it('an assessment that fails: criticised, land business suspended, rectified in time, suspension lifted (三(十))', async () => {
    const h = await startAssessment(2019, 'town-daba', '大坝镇', '2020-01-31');
    let a = await asnap(h);
    expect(a).toMatchObject({
      phase: 'reporting',
      openStep: { unitCode: 'town-daba', deadline: '2020-01-31' },
    });
    await refused(aact(h, 'report', actor('bureau', 'town-xiaoba'), { actuals: TARGETS }), /由大坝镇报告/);
    await aact(h, 'report', actor('bureau', 'town-daba'), {
      actuals: { cultivatedLandMu: 119_200, basicFarmlandMu: 95_000, highStandardMu: 8_000 },
    });
    await refused(aact(h, 'assess', actor('inspector'), {}), /须规定整改期限/);
    a = await aact(h, 'assess', actor('inspector'), { rectificationDeadline: '2020-04-30' });
    expect(a).toMatchObject({
      phase: 'rectifying',
      result: { outcome: 'criticised', shortfalls: [{ target: 'cultivatedLandMu', shortfallMu: 800 }] },
      suspension: { townCode: 'town-daba', rectificationDeadline: '2020-04-30', liftedAt: null },
    });
    expect(a.suspension!.reason).toContain(a.assessmentId);

    await skipTo('2020-03-20T10:00:00');
    await aact(h, 'report-rectification', actor('bureau', 'town-daba'), {
      actuals: { cultivatedLandMu: 120_000, basicFarmlandMu: 95_000, highStandardMu: 8_000 },
      note: '复垦 800 亩，恢复耕地',
    });
    a = await aact(h, 'verify-rectification', actor('bureau', 'natres'), {
      decision: 'pass',
      note: '实地核查通过',
    });
    expect(a).toMatchObject({ phase: 'closed', escalatedAt: null, colour: 'none' });
    expect(a.suspension!.liftedAt).not.toBeNull();
    await completed(h);
  });

  it('an assessment whose rectification deadline passes escalates to 问责, still suspended (三(十))', async () => {
    const h = await startAssessment(2019, 'town-yesheng', '叶盛镇', '2020-03-31');
    const commended = await startAssessment(2019, 'town-qujing', '瞿靖镇', '2020-03-31');
    await aact(commended, 'report', actor('bureau', 'town-qujing'), { actuals: TARGETS });
    // 通报表彰 is the city's decision (三(十)), 农业农村局、统计局 taking part (三(九)).
    const c = await aact(commended, 'commend', actor('inspector'), { reason: '补充耕地 500 亩，措施得力' });
    expect(c).toMatchObject({
      phase: 'closed',
      result: { outcome: 'commended', assessors: ['agri', 'stats'], leadUnit: 'gov-inspection' },
    });

    await aact(h, 'report', actor('bureau', 'town-yesheng'), {
      actuals: { cultivatedLandMu: 121_000, basicFarmlandMu: 94_000, highStandardMu: 6_500 },
    });
    let a = await aact(h, 'assess', actor('inspector'), { rectificationDeadline: '2020-05-31' });
    expect(a.result!.shortfalls.map((s) => s.target)).toEqual(['basicFarmlandMu', 'highStandardMu']);
    await aact(h, 'report-rectification', actor('bureau', 'town-yesheng'), {
      actuals: { cultivatedLandMu: 121_000, basicFarmlandMu: 94_500, highStandardMu: 6_500 },
      note: '部分补划',
    });
    a = await aact(h, 'verify-rectification', actor('bureau', 'natres'), {
      decision: 'fail',
      note: '仍未达标',
    });
    expect(a.phase).toBe('rectifying');
    // 三(十) 整改不到位的问责: a rectification reported before the deadline and not yet verified
    // when it passes waits for its verification; the failed verification raises 问责 then.
    const pending = await startAssessment(2019, 'town-xiaoba', '小坝镇', '2020-03-31');
    await aact(pending, 'report', actor('bureau', 'town-xiaoba'), {
      actuals: { cultivatedLandMu: 121_000, basicFarmlandMu: 94_000, highStandardMu: 8_000 },
    });
    await aact(pending, 'assess', actor('inspector'), { rectificationDeadline: '2020-05-31' });
    await aact(pending, 'report-rectification', actor('bureau', 'town-xiaoba'), {
      actuals: { cultivatedLandMu: 121_000, basicFarmlandMu: 94_800, highStandardMu: 8_000 },
      note: '补划 800 亩',
    });
    await skipTo('2020-05-31T23:00:00');
    expect((await asnap(h)).escalatedAt).toBeNull();
    await skipTo('2020-06-01T00:00:30');
    a = await until(
      () => asnap(h),
      (x) => x.escalatedAt !== null,
    );
    expect(a).toMatchObject({ phase: 'rectifying', colour: 'red', suspension: { liftedAt: null } });
    await record(h, 'assessment-escalated.json');
    expect(await asnap(pending)).toMatchObject({ phase: 'verifying', escalatedAt: null });
    const failed = await aact(pending, 'verify-rectification', actor('bureau', 'natres'), {
      decision: 'fail',
      note: '补划地块不符合要求',
    });
    expect(failed.escalatedAt).not.toBeNull();
    expect(failed).toMatchObject({ phase: 'rectifying', suspension: { liftedAt: null } });
    await record(pending, 'assessment-accountability-after-verification.json');
  });

  // Issue 14, point 3: 青政办发〔2019〕28号 二(二) as written (patch cl-28-2-2-steps-as-written).
  it('二(二) as written: 自然资源局 drafts the plan, the town’s 整改补划 turns red on its own date, no review or acceptance', async () => {
    const h = await startRectification(`cl-2020-written-${run}`, 'town-xiakou', '峡口镇', {
      verify: '2020-07-31',
      problems: '2020-08-31',
      plan: '2020-09-30',
      rectify: '2020-11-30',
      zones: '2020-12-15',
      amend: '2020-12-31',
    });
    const natres = actor('bureau', 'natres');
    const town = actor('bureau', 'town-xiakou');
    let r = await rsnap(h);
    expect(r.steps.map((s) => [s.key, s.unitCode])).toEqual([
      ['verify', 'natres'],
      ['problems', 'natres'],
      ['plan', 'natres'],
      ['rectify', 'town-xiakou'],
      ['zones', 'agri'],
      ['amend', 'natres'],
    ]);
    expect(step(r, 'plan').withUnits).toEqual(['agri']);
    await ract(h, 'complete-step', natres, { step: 'verify', note: '会同农业农村局核实' });
    await ract(h, 'list-problems', natres, {
      problems: [
        { category: 'wrongly_designated', parcels: [{ parcelNo: 'XK-01', areaMu: 20 }], disposal: '调出' },
      ],
    });
    await refused(ract(h, 'submit-plan', town, { summary: 'x', supplementaryMu: 20 }), /由自然资源局办理/);
    r = await ract(h, 'submit-plan', natres, { summary: '峡口镇补划 20 亩', supplementaryMu: 20 });
    expect(r).toMatchObject({ phase: 'rectify', plan: { round: 1, submittedBy: 'bureau-natres' } });
    await refused(ract(h, 'review-plan', natres, { decision: 'approve', reason: '同意' }), /没有步骤 review/);
    await skipTo('2020-12-01T00:00:30');
    r = await until(
      () => rsnap(h),
      (x) => x.colour === 'red',
    );
    expect(step(r, 'rectify').colour).toBe('red');
    expect(r.redSince).toBe('2020-11-30T16:00:00.000Z');
    r = await ract(h, 'complete-step', town, { step: 'rectify', note: '已按方案补划 20 亩' });
    expect(r).toMatchObject({ phase: 'zones', colour: 'green' });
    await ract(h, 'complete-step', actor('bureau', 'agri'), { step: 'zones' });
    await refused(ract(h, 'complete-step', natres, { step: 'accept' }), /没有步骤 accept/);
    r = await ract(h, 'complete-step', natres, { step: 'amend' });
    expect(r).toMatchObject({ phase: 'closed', colour: 'none' });
    await completed(h);
    await record(h, 'rectification-as-written-2-2.json');
  });

  // Issue 14, point 4: 28号 三(十) 市政府…跟踪问效 (patch cl-28-3-10-city-assesses).
  it('三(十): 督查室 decides for the 市政府; meeting the targets passes; 通报表彰 is its decision, with a reason', async () => {
    const h = await startAssessment(2020, 'town-shaogang', '邵岗镇', '2021-01-31');
    const passed = await startAssessment(2020, 'town-chenyuantan', '陈袁滩镇', '2021-01-31');
    await aact(h, 'report', actor('bureau', 'town-shaogang'), { actuals: TARGETS });
    await aact(passed, 'report', actor('bureau', 'town-chenyuantan'), { actuals: TARGETS });
    let a = await asnap(h);
    expect(a.openStep).toMatchObject({ key: 'assess', unitCode: 'gov-inspection', deadline: null });
    await refused(aact(h, 'assess', actor('bureau', 'natres'), {}), /考核由市政府（督查室）办理/);
    await refused(aact(h, 'commend', actor('bureau', 'natres'), { reason: 'x' }), /通报表彰由市政府/);
    const p = await aact(passed, 'assess', actor('inspector'), {});
    expect(p).toMatchObject({
      phase: 'closed',
      result: { outcome: 'passed', leadUnit: 'gov-inspection', assessors: ['agri', 'stats'] },
    });
    a = await aact(h, 'commend', actor('inspector'), { reason: '新增高标准农田 2000 亩，成效突出' });
    expect(a).toMatchObject({
      phase: 'closed',
      result: {
        outcome: 'commended',
        commendation: '新增高标准农田 2000 亩，成效突出',
        summary: expect.stringMatching(/予以通报表彰：新增高标准农田 2000 亩/),
      },
    });
    await completed(h);
    await record(h, 'assessment-city-commends-3-10.json');
  });

  // Issue 12: input sent straight to Temporal, past the gateway, never fails a workflow task.
  it('rejects Updates their contract refuses as validation errors; the assessment runs on and takes the next action', async () => {
    const h = await startAssessment(2031, 'town-daba', '大坝镇', '2032-01-31');
    const town = actor('bureau', 'town-daba');
    await rejectedAsInvalid(
      aact(h, 'assess', actor('inspector'), { rectificationDeadline: '2032-02-30' }),
      'body.rectificationDeadline',
    );
    await rejectedAsInvalid(
      aact(h, 'report', { ...town, role: 'mayor' } as never, { actuals: TARGETS }),
      'actor.role',
    );
    await rejectedAsInvalid(aact(h, 'report', town, {}), 'body.actuals');
    await runningUnharmed(h);
    expect(await aact(h, 'report', town, { actuals: TARGETS })).toMatchObject({ phase: 'assessing' });
  });

  it('a start input its contract refuses (reportDeadline 0000-00-00) ends the workflow as failed, naming the field', async () => {
    await failedOnStartInput(
      await startAssessment(2032, 'town-daba', '大坝镇', '0000-00-00'),
      'input.reportDeadline',
    );
    const r = await startRectification(`bad-${run}`, 'town-daba', '大坝镇', { verify: '2019-02-29' });
    await failedOnStartInput(r, 'input.deadlines');
  });

  it('a worker with nothing in cache writes what replays: a rectification and an assessment acted on', async () => {
    const { r, a } = await suite.withUncachedWorker(async (taskQueue) => {
      const r = await startRectification(
        `cl-uncached-${run}`,
        'town-qujing',
        '瞿靖镇',
        {
          verify: '2031-05-31',
          problems: '2031-06-30',
          plan: '2031-07-31',
          review: '2031-08-15',
          zones: '2031-09-30',
          amend: '2031-11-30',
          accept: '2031-12-31',
        },
        taskQueue,
      );
      await ract(r, 'complete-step', actor('bureau', 'natres'), { step: 'verify', note: '已核实' });
      await ract(r, 'list-problems', actor('bureau', 'natres'), {
        problems: [
          {
            category: 'illegal_occupation',
            parcels: [{ parcelNo: 'QJ-2031-01', areaMu: 3 }],
            disposal: '立案查处，恢复耕种',
          },
        ],
      });
      const a = await startAssessment(2031, 'town-qujing', '瞿靖镇', '2032-01-31', taskQueue);
      await aact(a, 'report', actor('bureau', 'town-qujing'), { actuals: TARGETS });
      return { r, a };
    });
    await suite.replay(r);
    await suite.replay(a);
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});

// Keep the snapshot types in use for readers of the helpers above.
export type { AssessmentSnapshot };
