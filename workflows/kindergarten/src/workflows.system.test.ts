import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { EVENTS_STREAM } from '@duban/bus';
import {
  KindergartenEvents,
  caseIdOf,
  kindergartenCaseWorkflowId,
  projectIdOf,
  type CaseCommand,
  type CaseSnapshot,
  type KindergartenFacts,
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
import { createKindergartenActivities } from './activities';
import { CAMPAIGN_2019 } from './campaign';
import {
  caseActionUpdate,
  caseSnapshotQuery,
  rectificationActionUpdate,
  stepDoneSignal,
} from './definitions';
import { actor, command } from './testing';
import { kindergartenWorkflowsPath } from './worker';
import type { kindergartenCaseWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC) = 16:00 in Qingtongxia, nine days after
// 青政办发〔2019〕31号 was issued, so these tests walk the campaign's real 2019–2020 calendar.
const SERVER_START_UTC = '2019-04-30 08:00:00';
const TASK_QUEUE = 'kindergarten-test';

const facts = (overrides: Partial<KindergartenFacts> = {}): KindergartenFacts => ({
  projectName: '金色家园',
  town: '小坝镇',
  developer: '宁夏某房地产开发有限公司',
  landTenure: 'allocated',
  plannedOn: '2012-05-01',
  builtOn: '2015-08-01',
  condition: 'not_handed_over',
  proposedCategory: 'handover',
  projectStatus: 'completed',
  ...overrides,
});

describe('kindergarten case workflow on the time-skipping server (青政办发〔2019〕31号)', () => {
  const suite = timeSkippingSuite({
    workflowsPath: kindergartenWorkflowsPath,
    taskQueue: TASK_QUEUE,
    startAt: SERVER_START_UTC,
    activities: (js) => createKindergartenActivities({ js }),
  });
  let n = 0;

  async function startCase(f: KindergartenFacts, taskQueue = TASK_QUEUE) {
    n += 1;
    const projectId = projectIdOf(f.town, `${f.projectName}-${n}-${Date.now()}`);
    const caseId = caseIdOf(CAMPAIGN_2019.campaignId, projectId);
    return suite.env.client.workflow.start<typeof kindergartenCaseWorkflow>('kindergartenCaseWorkflow', {
      taskQueue,
      workflowId: kindergartenCaseWorkflowId(caseId),
      args: [
        {
          caseId,
          campaignId: CAMPAIGN_2019.campaignId,
          projectId,
          facts: f,
          deadlines: CAMPAIGN_2019.deadlines,
        },
      ],
    });
  }

  const now = () => suite.now();
  const skipTo = (shanghai: string) => suite.skipTo(shanghai);
  const snapshot = (h: WorkflowHandle) => h.query(caseSnapshotQuery);
  /** Until the case reflects what its child did (the child tells it by signal). */
  async function until(h: WorkflowHandle, ok: (c: CaseSnapshot) => boolean): Promise<CaseSnapshot> {
    for (let i = 0; i < 200; i += 1) {
      const c = await snapshot(h);
      if (ok(c)) return c;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('case did not reach the expected state');
  }
  const act = (h: WorkflowHandle, cmd: CaseCommand) => h.executeUpdate(caseActionUpdate, { args: [cmd] });
  /** A rectification step goes to the child workflow named in the case. */
  async function rectify(h: WorkflowHandle, unit: string, step: string, note?: string) {
    const c = await until(h, (s) => s.phase === 'rectifying' && s.rectificationWorkflowId !== null);
    const child = suite.env.client.workflow.getHandle(c.rectificationWorkflowId!);
    await child.executeUpdate(rectificationActionUpdate, {
      args: [command('complete-step', actor('bureau', unit), { step, ...(note ? { note } : {}) })],
    });
    return until(h, (s) => s.steps.some((x) => x.key === step && x.state === 'done'));
  }
  /** Not `result()`: waiting on it lets the test server skip time, and later tests need the clock. */
  async function completed(h: WorkflowHandle) {
    for (let i = 0; i < 200; i += 1) {
      if ((await h.describe()).status.name === 'COMPLETED') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('case did not complete');
  }
  const step = (c: CaseSnapshot, key: string) => c.steps.find((s) => s.key === key)!;

  it('starts on the faked 2019 date with the gazette deadlines (四(二))', async () => {
    expect(new Date(await now()).toISOString().slice(0, 10)).toBe('2019-04-30');
    expect(CAMPAIGN_2019.deadlines).toEqual({
      handover: '2019-06-30',
      recover: '2019-09-30',
      buildPlan: '2019-11-30',
      completion: '2020-12-31',
      inclusive: '2020-12-31',
    });
  });

  it('handover on time: 住建局 supervises, 自然资源局 registers, 教育局 receives, 编办 registers a public kindergarten (三(三)、三(四))', async () => {
    const h = await startCase(facts());
    const edu = actor('bureau', 'edu');
    let c = await snapshot(h);
    expect(c).toMatchObject({ phase: 'survey', colour: 'green', holds: [] });

    await act(h, command('complete-step', edu, { step: 'survey', note: '已列入台账' }));
    c = await snapshot(h);
    expect(step(c, 'plan')).toMatchObject({ unitCode: 'edu', deadline: '2019-06-30', state: 'open' });
    await act(h, command('plan', edu, { category: 'handover', note: '一园一案：开发企业移交' }));

    c = await until(h, (s) => s.steps.some((x) => x.key === 'developer_handover'));
    expect(
      c.steps.filter((s) => s.phase === 'rectifying').map((s) => [s.key, s.unitCode, s.deadline]),
    ).toEqual([
      ['developer_handover', 'hous', '2019-06-30'],
      ['assets_registered', 'natres', '2019-06-30'],
    ]);
    // The bureaus holding open steps report monthly (by the 25th, working days): 2019-05-27 is covered.
    for (const unit of ['hous', 'natres'])
      await act(
        h,
        command('report-progress', actor('bureau', unit), { text: '已约谈开发企业，正在清点资产' }),
      );
    await skipTo('2019-06-25T09:00:00');
    expect((await snapshot(h)).colour).toBe('blue');

    await rectify(h, 'hous', 'developer_handover', '已督促开发企业签订移交协议');
    await rectify(h, 'natres', 'assets_registered');
    c = await until(h, (s) => s.phase === 'handover');
    expect(step(c, 'received')).toMatchObject({ unitCode: 'edu', deadline: '2019-06-30', colour: 'blue' });
    await act(h, command('complete-step', edu, { step: 'received' }));
    c = await snapshot(h);
    expect(c).toMatchObject({ phase: 'operation', colour: 'green' });
    expect(step(c, 'operation_decided').deadline).toBe('2020-12-31');

    await refused(act(h, command('operate', edu, { mode: 'for_profit' })), /不得办成营利性幼儿园/);
    await act(h, command('operate', edu, { mode: 'public', note: '办成公办园' }));
    await refused(
      act(h, command('complete-step', actor('bureau', 'civil'), { step: 'institution_registered' })),
      /由编办办理/,
    );
    c = await act(
      h,
      command('complete-step', actor('bureau', 'staffing'), { step: 'institution_registered' }),
    );
    expect(c).toMatchObject({ phase: 'closed', colour: 'none', operationMode: 'public' });
    await completed(h);

    // histories/handover-to-closed.json was recorded before progress reports existed and stays
    // as it is, so that replaying it proves the patch keeps such cases running.
    await suite.replay(h);
  });

  it('a post-2010 kindergarten rented out as high-fee private can only be recovered; late turns red (三(三))', async () => {
    const h = await startCase(
      facts({
        plannedOn: '2010-11-21',
        condition: 'high_fee_private',
        landTenure: 'transferred',
        proposedCategory: 'recover',
      }),
    );
    const edu = actor('bureau', 'edu');
    await act(h, command('complete-step', edu, { step: 'survey' }));
    // Refusals leave nothing in the history but workflow tasks.
    const before = await factsOnceAsleep(h);
    for (const category of ['handover', 'inclusive', 'build'] as const) {
      await refused(act(h, command('plan', edu, { category, note: '拟移交' })), /只能限期回收（三\(三\)）/);
    }
    await refused(
      act(h, command('plan', actor('bureau', 'hous'), { category: 'recover', note: 'x' })),
      /教育局牵头/,
    );
    await refused(
      act(h, command('plan', edu, { category: 'nonsense', note: 'x' } as never)),
      /body\.category/,
    );
    expect(await factsOf(h)).toEqual(before);
    expect((await snapshot(h)).phase).toBe('plan');
    // 三(三) as written: high-fee private is recovered whatever its planning date, and one put to
    // other use (已挪作他用) is recovered too; neither may be kept, built or handed over.
    const preHighFee = await startCase(
      facts({ plannedOn: '2008-03-01', condition: 'high_fee_private', landTenure: 'transferred' }),
    );
    const repurposed = await startCase(facts({ condition: 'repurposed', proposedCategory: 'recover' }));
    for (const other of [preHighFee, repurposed])
      await act(other, command('complete-step', edu, { step: 'survey' }));
    await refused(
      act(preHighFee, command('plan', edu, { category: 'inclusive', note: '不收回' })),
      /不论规划时间，只能限期回收（三\(三\)）/,
    );
    await refused(
      act(repurposed, command('plan', edu, { category: 'build', note: '另建' })),
      /已挪作他用.*予以收回（三\(三\)）/,
    );

    await act(h, command('plan', edu, { category: 'recover', note: '责成开发企业限期收回' }));
    let c = await until(h, (s) => s.rectificationWorkflowId !== null);
    expect(step(c, 'assets_registered')).toMatchObject({ state: 'waiting', deadline: '2019-09-30' });
    // 自然资源局 cannot register before 住建局 has ordered the recovery.
    const child = suite.env.client.workflow.getHandle(c.rectificationWorkflowId!);
    await refused(
      child.executeUpdate(rectificationActionUpdate, {
        args: [command('complete-step', actor('bureau', 'natres'), { step: 'assets_registered' })],
      }),
      /须在 recovery_ordered 办结后办理/,
    );
    await refused(
      child.executeUpdate(rectificationActionUpdate, {
        args: [command('complete-step', actor('bureau', 'fin'), { step: 'recovery_ordered' })],
      }),
      /由住建局办理，财政局不能办理/,
    );
    await rectify(h, 'hous', 'recovery_ordered');

    await skipTo('2019-09-24T00:00:30');
    // Nobody reported since May: behind schedule (yellow 滞后) outranks due soon (blue 临期).
    c = await snapshot(h);
    expect(c.colour).toBe('yellow');
    expect(step(c, 'compensation_prepared')).toMatchObject({ reportMissing: true, colour: 'yellow' });
    await skipTo('2019-10-01T00:00:30');
    c = await snapshot(h);
    expect(c).toMatchObject({ colour: 'red', redSince: '2019-09-30T16:00:00.000Z' });
    expect(step(c, 'compensation_prepared').colour).toBe('red');

    await rectify(h, 'fin', 'compensation_prepared');
    await rectify(h, 'natres', 'assets_registered');
    c = await until(h, (s) => s.phase === 'handover');
    expect(step(c, 'received')).toMatchObject({ deadline: '2019-09-30', colour: 'red' });
    c = await act(h, command('complete-step', edu, { step: 'received' }));
    expect(c).toMatchObject({ phase: 'operation', colour: 'green', redSince: null });
  });

  it('a signed handover agreement on sold land sets the handover date (三(三) 按协议约定移交); no keeping it', async () => {
    const h = await startCase(
      facts({ landTenure: 'transferred', plannedOn: '2008-03-01', handoverAgreedBy: '2019-12-31' }),
    );
    const edu = actor('bureau', 'edu');
    let c = await snapshot(h);
    expect(c.deadlines).toEqual({ ...CAMPAIGN_2019.deadlines, handover: '2019-12-31' });
    await act(h, command('complete-step', edu, { step: 'survey' }));
    c = await snapshot(h);
    expect(step(c, 'plan').deadline).toBe('2019-12-31');
    await refused(
      act(h, command('plan', edu, { category: 'inclusive', note: '不收回' })),
      /按协议约定（2019-12-31前）移交（三\(三\)）/,
    );
    await act(h, command('plan', edu, { category: 'handover', note: '按移交协议移交' }));
    c = await until(h, (s) => s.steps.some((x) => x.key === 'developer_handover'));
    expect(c.steps.filter((s) => s.phase === 'rectifying').map((s) => [s.key, s.deadline])).toEqual([
      ['developer_handover', '2019-12-31'],
      ['assets_registered', '2019-12-31'],
    ]);
    // The campaign's 6月底 has passed, the agreement's date has not: the case is not red.
    expect(c.colour).not.toBe('red');
    await rectify(h, 'hous', 'developer_handover');
    await rectify(h, 'natres', 'assets_registered');
    c = await until(h, (s) => s.phase === 'handover');
    expect(step(c, 'received')).toMatchObject({ deadline: '2019-12-31', ref: '三(三)' });
    await act(h, command('complete-step', edu, { step: 'received' }));
    await suite.recordAndReplay(h, 'agreement-handover-31-3-3.json');
  });

  it('build: holds placed and lifted; a missing monthly report turns the case yellow until reported; an extension the bureau requests moves the deadline only when 督查室 approves (三(一)、四(二)、DESIGN §5)', async () => {
    await skipTo('2019-10-08T09:00:00');
    const notStarted = await startCase(
      facts({
        condition: 'missing',
        projectStatus: 'approved_not_started',
        proposedCategory: 'build',
        builtOn: null,
      }),
    );
    const underway = await startCase(
      facts({
        condition: 'missing',
        projectStatus: 'under_construction',
        proposedCategory: 'build',
        builtOn: null,
      }),
    );
    let a = await snapshot(notStarted);
    let b = await snapshot(underway);
    expect(a.holds).toEqual([
      expect.objectContaining({
        kind: 'construction_start',
        unitCode: 'natres',
        liftsAtStep: 'land_allocated',
        liftedAt: null,
      }),
    ]);
    expect(b.holds).toEqual([
      expect.objectContaining({
        kind: 'completion_filing',
        unitCode: 'hous',
        liftsAtStep: 'accepted',
        liftedAt: null,
      }),
    ]);

    const edu = actor('bureau', 'edu');
    for (const h of [notStarted, underway]) {
      await act(h, command('complete-step', edu, { step: 'survey' }));
      await refused(
        act(h, command('plan', edu, { category: 'handover', note: 'x' })),
        /只能补建、改建或新建/,
      );
      await act(h, command('plan', edu, { category: 'build', note: '就近新建' }));
    }
    a = await rectify(notStarted, 'natres', 'land_allocated', '已重新审核配套幼儿园规划');
    expect(a.holds[0]!.liftedAt).not.toBeNull();

    b = await until(underway, (s) => s.steps.some((x) => x.key === 'land_allocated'));
    expect(
      b.steps.filter((s) => s.phase === 'rectifying').map((s) => [s.key, s.unitCode, s.deadline, s.state]),
    ).toEqual([
      ['land_allocated', 'natres', '2019-11-30', 'open'],
      ['project_approved', 'ndrc', '2019-11-30', 'open'],
      ['accepted', 'hous', '2020-12-31', 'waiting'],
      ['assets_registered', 'natres', '2020-12-31', 'waiting'],
    ]);
    expect(step(b, 'land_allocated')).toMatchObject({ nextReportDue: '2019-10-25', reportMissing: false });

    // No report by Friday 2019-10-25: behind schedule (yellow 滞后) from the next day.
    await skipTo('2019-10-28T09:00:00');
    b = await snapshot(underway);
    expect(b.colour).toBe('yellow');
    expect(step(b, 'land_allocated')).toMatchObject({ reportMissing: true, colour: 'yellow' });
    expect(step(b, 'project_approved')).toMatchObject({ reportMissing: true, colour: 'yellow' });
    await refused(
      act(underway, command('report-progress', actor('bureau', 'fin'), { text: '无' })),
      /财政局在本案没有正在办理的整改步骤/,
    );
    await act(underway, command('report-progress', actor('bureau', 'natres'), { text: '已完成用地预审' }));
    b = await snapshot(underway);
    expect(b.colour).toBe('yellow');
    b = await act(
      underway,
      command('report-progress', actor('bureau', 'ndrc'), {
        text: '项目建议书已受理',
        steps: ['project_approved'],
      }),
    );
    expect(b.colour).toBe('green');
    expect(step(b, 'project_approved')).toMatchObject({ reportMissing: false, nextReportDue: '2019-11-25' });

    await skipTo('2019-11-25T09:00:00');
    for (const unit of ['natres', 'ndrc'])
      await act(underway, command('report-progress', actor('bureau', unit), { text: '按计划推进' }));
    expect((await snapshot(underway)).colour).toBe('blue');

    // 延期: the bureau holding the step asks, 督查室 decides; refusals name the reason.
    const ndrc = actor('bureau', 'ndrc');
    const inspector = actor('inspector');
    const ask = (who: typeof ndrc, steps: string[], newDeadline: string) =>
      act(
        underway,
        command('request-extension', who, { steps, newDeadline, reason: '用地调整，待重新选址' }),
      );
    await refused(
      act(underway, command('decide-extension', inspector, { approve: true, note: '同意' })),
      /没有待审批的延期申请/,
    );
    await refused(ask(ndrc, ['land_allocated'], '2020-01-31'), /由自然资源局办理，发改局不能申请延期/);
    await refused(ask(ndrc, ['project_approved'], '2019-11-30'), /必须晚于步骤“.+”的现期限 2019-11-30/);
    await refused(ask(inspector, ['project_approved'], '2020-01-31'), /责任单位申请/);
    await refused(
      act(
        underway,
        command('extend' as never, inspector, { newDeadline: '2020-01-31', reason: 'x' } as never),
      ),
      /未知操作/,
    );
    b = await ask(ndrc, ['project_approved'], '2020-01-31');
    expect(b.pendingExtension).toMatchObject({
      unitCode: 'ndrc',
      steps: ['project_approved'],
      requestedDeadline: '2020-01-31',
      requestedBy: 'bureau-ndrc',
    });
    expect(step(b, 'project_approved').deadline).toBe('2019-11-30');
    await refused(ask(actor('bureau', 'natres'), ['land_allocated'], '2020-01-31'), /已有待审批的延期申请/);
    await refused(
      act(underway, command('decide-extension', actor('bureau', 'natres'), { approve: true, note: '同意' })),
      /督查室/,
    );
    await refused(
      act(
        underway,
        command('decide-extension', inspector, { approve: true, newDeadline: '2019-11-29', note: '同意' }),
      ),
      /必须晚于/,
    );
    b = await act(
      underway,
      command('decide-extension', inspector, { approve: true, note: '经领导小组同意' }),
    );
    expect(b.pendingExtension).toBeNull();
    expect(step(b, 'project_approved')).toMatchObject({
      deadline: '2020-01-31',
      originalDeadline: '2019-11-30',
    });
    expect(b.deadlineHistory.map((d) => [d.step, d.previous, d.deadline, d.byUserId])).toEqual([
      ['project_approved', '2019-11-30', '2020-01-31', 'inspector'],
    ]);
    // 自然资源局 asks too and is refused: its deadline, and the timer on it, stay.
    await ask(actor('bureau', 'natres'), ['land_allocated'], '2019-12-31');
    b = await act(
      underway,
      command('decide-extension', inspector, { approve: false, note: '不符合延期条件' }),
    );
    expect(b.pendingExtension).toBeNull();
    expect(step(b, 'land_allocated').deadline).toBe('2019-11-30');
    expect(b.deadlineHistory).toHaveLength(1);

    await skipTo('2019-12-01T00:00:30');
    b = await snapshot(underway);
    expect(b.colour).toBe('red');
    expect(step(b, 'land_allocated').colour).toBe('red');
    expect(step(b, 'project_approved').colour).toBe('green');
    // 竣工验收 waits for a plan step past its deadline: its milestone slipped.
    expect(step(b, 'accepted')).toMatchObject({ state: 'waiting', milestoneSlipped: true, colour: 'yellow' });

    await skipTo('2019-12-02T09:00:00');
    await rectify(underway, 'natres', 'land_allocated');
    b = await rectify(underway, 'ndrc', 'project_approved');
    b = await until(underway, (s) => s.colour === 'green');
    expect(b).toMatchObject({ redSince: null, escalatedAt: null });
    expect(step(b, 'accepted')).toMatchObject({ state: 'open', milestoneSlipped: false });
    expect(b.holds[0]!.liftedAt).toBeNull();

    // The other case stays red from 2019-12-01 (Shanghai): after 30 days the leadership group hears.
    a = await snapshot(notStarted);
    expect(a).toMatchObject({ colour: 'red', redSince: '2019-11-30T16:00:00.000Z', escalatedAt: null });
    await skipTo('2019-12-30T23:59:00');
    expect((await snapshot(notStarted)).escalatedAt).toBeNull();
    await skipTo('2019-12-31T00:01:00');
    a = await snapshot(notStarted);
    expect(Date.parse(a.escalatedAt!)).toBeGreaterThanOrEqual(Date.parse('2019-12-30T16:00:00Z'));
    const escalated = await suite.bus.jsm.streams.getMessage(EVENTS_STREAM, {
      last_by_subj: KindergartenEvents.CaseEscalated.subject,
    });
    expect(escalated?.json<{ data: { case: CaseSnapshot; redDays: number } }>().data).toMatchObject({
      case: { caseId: a.caseId, colour: 'red' },
      redDays: 30,
    });

    await skipTo('2020-06-15T09:00:00');
    b = await rectify(underway, 'hous', 'accepted', '幼儿园竣工验收合格');
    expect(b.holds[0]!.liftedAt).toBe(step(b, 'accepted').doneAt);

    await suite.recordAndReplay(underway, 'build-report-extension-request.json');
  });

  it('a pre-2010 kindergarten not recovered runs as inclusive private at lowered cost by 2020 (三(三))', async () => {
    const h = await startCase(
      // Not high-fee: since 三(三) was read as written, a high-fee one is recovered whatever its date.
      facts({
        plannedOn: '2008-03-01',
        landTenure: 'transferred',
        condition: 'not_handed_over',
        proposedCategory: 'inclusive',
      }),
    );
    const allocated = await startCase(facts({ plannedOn: '2008-03-01', proposedCategory: 'inclusive' }));
    const edu = actor('bureau', 'edu');
    await act(allocated, command('complete-step', edu, { step: 'survey' }));
    await refused(act(allocated, command('plan', edu, { category: 'inclusive', note: 'x' })), /划拨方式取得/);

    await act(h, command('complete-step', edu, { step: 'survey' }));
    await act(h, command('plan', edu, { category: 'inclusive', note: '不收回，降低收费' }));
    await rectify(h, 'fin', 'cost_lowered', '落实水电气居民价格');
    let c = await until(h, (s) => s.phase === 'operation');
    expect(c.steps.some((s) => s.key === 'received')).toBe(false);
    await refused(act(h, command('operate', edu, { mode: 'public' })), /普惠性民办园/);
    await act(h, command('operate', edu, { mode: 'inclusive_private' }));
    await skipTo('2021-01-01T00:00:30');
    c = await snapshot(h);
    expect(c.colour).toBe('red');
    for (const [unit, key] of [
      ['edu', 'provider_vetted'],
      ['civil', 'civil_registered'],
      ['fin', 'subsidy_set'],
    ] as const) {
      c = await act(h, command('complete-step', actor('bureau', unit), { step: key }));
    }
    expect(c).toMatchObject({ phase: 'closed', colour: 'none', operationMode: 'inclusive_private' });
    await completed(h);
  });

  // Issue 12: input sent straight to Temporal, past the gateway, never fails a workflow task.
  it('rejects Updates its contract refuses as validation errors and drops an unreadable signal; the case and its child run on', async () => {
    const h = await startCase(facts());
    const edu = actor('bureau', 'edu');
    await act(h, command('complete-step', edu, { step: 'survey' }));
    await rejectedAsInvalid(
      act(h, command('plan', edu, { category: 'demolish', note: 'x' } as never)),
      'body.category',
    );
    await rejectedAsInvalid(
      act(h, { action: 'plan', body: { category: 'handover', note: 'x' } } as never),
      'actor',
    );
    await h.signal(stepDoneSignal, { step: 42 } as never);
    await runningUnharmed(h);
    await act(h, command('plan', edu, { category: 'handover', note: '一园一案：开发企业移交' }));

    const c = await until(h, (s) => s.rectificationWorkflowId !== null);
    const child = suite.env.client.workflow.getHandle(c.rectificationWorkflowId!);
    const hous = actor('bureau', 'hous');
    await rejectedAsInvalid(
      child.executeUpdate(rectificationActionUpdate, {
        args: [command('complete-step', hous, { step: '' })],
      }),
      'body.step',
    );
    await runningUnharmed(child);
    await rectify(h, 'hous', 'developer_handover');
    await runningUnharmed(h);
  });

  it('a start input its contract refuses ends the case as failed, naming the field', async () => {
    await failedOnStartInput(await startCase(facts({ plannedOn: '2019-02-30' })), 'input.facts.plannedOn');
  });

  it('a worker with nothing in cache writes what replays: a case and its rectification child, whose first task sets nothing', async () => {
    const { h, child } = await suite.withUncachedWorker(async (taskQueue) => {
      const h = await startCase(facts(), taskQueue);
      const edu = actor('bureau', 'edu');
      await act(h, command('complete-step', edu, { step: 'survey', note: '已列入台账' }));
      await act(h, command('plan', edu, { category: 'handover', note: '一园一案：开发企业移交' }));
      const c = await until(h, (s) => s.phase === 'rectifying' && s.rectificationWorkflowId !== null);
      const child = suite.env.client.workflow.getHandle(c.rectificationWorkflowId!);
      await child.executeUpdate(rectificationActionUpdate, {
        args: [command('complete-step', actor('bureau', 'hous'), { step: 'developer_handover' })],
      });
      await child.executeUpdate(rectificationActionUpdate, {
        args: [command('complete-step', actor('bureau', 'natres'), { step: 'assets_registered' })],
      });
      await until(h, (s) => s.phase === 'handover');
      return { h, child };
    });
    await suite.replay(child);
    await suite.replay(h);
  });

  it('a history the server wrote after a timed-out task (evidence/): replays up to the reset point the repair picks, fails after it', async () => {
    // Upstream (Temporal core): after a timed-out workflow task, the next task carried an activity
    // result and an Update; the live worker took them in two activations (publish scheduled, then
    // Update accepted), a replay takes them in one (accepted first), so the history cannot replay
    // from event 105 on. `duban workflows repair` resets it to the task completed before (104).
    const file = path.resolve(import.meta.dirname, '../evidence/case-replay-after-timed-out-task.json');
    const history = historyFromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
    const upTo = (last: number) => ({
      ...history,
      events: (history.events ?? []).filter((e) => Number(e.eventId) <= last),
    });
    await Worker.runReplayHistory({ workflowBundle: suite.bundle }, upTo(104));
    const error = await Worker.runReplayHistory({ workflowBundle: suite.bundle }, upTo(157)).catch(
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toMatch(/TMPRL1100[^]*HistoryEvent\(id: 105/);
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
