import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { EVENTS_STREAM } from '@duban/bus';
import {
  LandUseEvents,
  landCaseWorkflowId,
  type LandCaseCommand,
  type LedgerSnapshot,
  type StartLandCase,
} from './contracts/index';
import {
  failedOnStartInput,
  refused,
  rejectedAsInvalid,
  runningUnharmed,
  timeSkippingSuite,
} from '@duban/workflow-core/testing';
import { createLandUseActivities } from './activities';
import {
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  landCaseActionUpdate,
  landCaseQuery,
  ledgerQuery,
  requestOccupationUpdate,
  suspendedTownsQuery,
  townSuspensionUpdate,
} from './definitions';
import { toCenti } from './rules';
import { suspensionRefusal, type TownSuspension } from './suspension';
import { actor } from './testing';
import { landUseWorkflowsPath } from './worker';
import type { landCaseWorkflow, landLedgerWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC), three weeks after 青政办发〔2019〕28号
// (2019-04-09): these tests walk real 2019–2021 dates.
const SERVER_START_UTC = '2019-04-30 08:00:00';
const TASK_QUEUE = 'land-use-test';
const run = Date.now().toString(36);

describe('land-use workflows on the time-skipping server (青政办发〔2019〕28号)', () => {
  const suite = timeSkippingSuite({
    workflowsPath: landUseWorkflowsPath,
    taskQueue: TASK_QUEUE,
    startAt: SERVER_START_UTC,
    activities: (js) => createLandUseActivities({ js }),
  });

  const skipTo = (shanghai: string) => suite.skipTo(shanghai);
  const natres = () => actor('bureau', 'natres');
  /** Σ remaining = accepted − consumed, and consumed = occupied (占一补一). */
  const expectBalanced = (l: LedgerSnapshot) => {
    const remaining = l.parcels.reduce((s, p) => s + toCenti(p.remainingMu), 0);
    expect(remaining).toBe(toCenti(l.balance.acceptedMu) - toCenti(l.balance.consumedMu));
    expect(toCenti(l.balance.consumedMu)).toBe(toCenti(l.balance.occupiedMu));
  };
  /** The facts the ledger published, in order, read back from the stream. */
  async function publishedFacts(
    subject: string,
    since: number,
  ): Promise<{ type: string; ledger: LedgerSnapshot }[]> {
    const out: { type: string; ledger: LedgerSnapshot }[] = [];
    const info = await suite.bus.jsm.streams.info(EVENTS_STREAM);
    for (let seq = since; seq <= info.state.last_seq; seq += 1) {
      const msg = await suite.bus.jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
      if (!msg || !msg.subject.startsWith(`duban.${LandUseEvents.CaseClosed.process}.`)) continue;
      const event = msg.json<{ type: string; subject: string; data: { ledger: LedgerSnapshot } }>();
      if (event.subject === subject) out.push({ type: event.type, ledger: event.data.ledger });
    }
    return out;
  }

  let ledgerHandle: WorkflowHandle<typeof landLedgerWorkflow>;
  let firstRun = '';

  it('approves from accepted compensation, refuses with rule and shortfall, queues key projects first; balances after every fact (二(三))', async () => {
    const ledgerId = `test-${run}`;
    const since = (await suite.bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq + 1;
    const started = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-${ledgerId}`,
      args: [{ ledgerId, continueAsNewAfter: 12 }],
    });
    firstRun = started.firstExecutionRunId;
    ledgerHandle = suite.env.client.workflow.getHandle(started.workflowId);
    const h = ledgerHandle;
    const accept = (parcelNo: string, townCode: string, areaMu: number, grade: number, acceptedOn: string) =>
      h.executeUpdate(acceptCompensationUpdate, {
        args: [
          {
            actor: natres(),
            body: { parcelNo, townCode, areaMu, grade, sourceProject: '高标准农田建设项目', acceptedOn },
          },
        ],
      });
    const request = (body: Record<string, unknown>) =>
      h.executeUpdate(requestOccupationUpdate, { args: [{ actor: natres(), body: body as never }] });

    // 先补后占: nothing in the ledger yet.
    let r = await request({ project: '青铜峡工业园区道路', townCode: 'town-xiaoba', areaMu: 10, grade: 7 });
    expect(r.occupation).toMatchObject({
      state: 'refused',
      refusal: { rule: 'prior_compensation', shortfallMu: 10 },
    });

    await accept('BC-2019-001', 'town-xiaoba', 10, 7, '2019-04-30');
    await accept('BC-2019-002', 'town-yesheng', 6.5, 3, '2019-04-30');
    // Exactly equal area and grade (占一补一、占优补优).
    r = await request({ project: '青铜峡工业园区道路', townCode: 'town-xiaoba', areaMu: 10, grade: 7 });
    expect(r.occupation).toMatchObject({
      occupationId: 'ZY-2019-0002',
      state: 'approved',
      consumed: [{ parcelNo: 'BC-2019-001', areaMu: 10, grade: 7 }],
    });
    expect(r.ledger.balance).toMatchObject({ acceptedMu: 16.5, consumedMu: 10, remainingMu: 6.5 });
    // Worse land than is left (grade 2 wanted, 3 left) and more than is left.
    r = await request({ project: '光伏电站', townCode: 'town-qujing', areaMu: 5, grade: 2 });
    expect(r.occupation.refusal).toMatchObject({ rule: 'quality', shortfallMu: 5 });
    r = await request({ project: '物流园', townCode: 'town-daba', areaMu: 8, grade: 9 });
    expect(r.occupation.refusal).toMatchObject({ rule: 'quantity', shortfallMu: 1.5 });
    expect(r.occupation.refusal!.reason).toContain('差 1.5 亩');

    // Two requests wait; the 自治区 key project filed later is served first.
    await skipTo('2019-05-06T09:00:00');
    const general = await request({
      project: '商住小区',
      townCode: 'town-qingtongxia',
      areaMu: 6,
      grade: 8,
      waitIfShort: true,
    });
    expect(general.occupation.state).toBe('approved'); // 6 of 6.5 mu: nothing waits ahead
    const town = await request({
      project: '农贸市场',
      townCode: 'town-qingtongxia',
      areaMu: 2,
      grade: 8,
      waitIfShort: true,
    });
    const region = await request({
      project: '银川至青铜峡高速',
      townCode: 'town-shaogang',
      areaMu: 3,
      grade: 9,
      keyLevel: 'region',
      waitIfShort: true,
    });
    expect([town.occupation.state, region.occupation.state]).toEqual(['queued', 'queued']);
    let ledger = await h.query(ledgerQuery);
    expect(ledger.queue.map((q) => q.project)).toEqual(['银川至青铜峡高速', '农贸市场']);
    await refused(
      h.executeUpdate(requestOccupationUpdate, {
        args: [
          {
            actor: actor('bureau', 'edu'),
            body: { project: 'x', townCode: 'town-xiaoba', areaMu: 1, grade: 5 } as never,
          },
        ],
      }),
      /由自然资源局办理/,
    );
    await refused(request({ project: 'x', townCode: 'town-xiaoba', areaMu: -1, grade: 5 }), /body\.areaMu/);

    await skipTo('2019-05-21T09:00:00');
    ledger = await accept('BC-2019-003', 'town-shaogang', 3, 9, '2019-05-20');
    expect(ledger.queue.map((q) => q.project)).toEqual(['农贸市场']);
    ledger = await accept('BC-2019-004', 'town-qingtongxia', 1.5, 8, '2019-05-21');
    expect(ledger.queue).toEqual([]);
    expect(ledger.balance).toMatchObject({
      acceptedMu: 21,
      consumedMu: 21,
      remainingMu: 0,
      occupiedMu: 21,
      queued: 0,
    });
    expectBalanced(ledger);

    let facts = await publishedFacts(ledgerId, since);
    for (let i = 0; i < 100 && facts.length < 13; i += 1) {
      await new Promise((done) => setTimeout(done, 50));
      facts = await publishedFacts(ledgerId, since);
    }
    expect(facts.map((f) => f.type.split('.').at(-2))).toEqual([
      'occupation_refused',
      'compensation_accepted',
      'compensation_accepted',
      'occupation_approved',
      'occupation_refused',
      'occupation_refused',
      'occupation_approved',
      'occupation_queued',
      'occupation_queued',
      'compensation_accepted',
      'occupation_approved',
      'compensation_accepted',
      'occupation_approved',
    ]);
    for (const f of facts) expectBalanced(f.ledger);
  });

  it('temporary occupation: reclamation due two years on turns blue then red, then is reclaimed; the ledger continued as new (《土地管理法》第57条)', async () => {
    const h = ledgerHandle;
    // The twelfth change above makes the ledger continue as new; an Update sent while its first
    // run closes is refused as sent to a completed run (the gateway retries; here, wait for it).
    const deadline = Date.now() + 20_000;
    while ((await h.describe()).runId === firstRun && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const r = await h.executeUpdate(requestOccupationUpdate, {
      args: [
        {
          actor: natres(),
          body: {
            project: '输气管道施工',
            townCode: 'town-xiakou',
            areaMu: 4.2,
            grade: 6,
            kind: 'temporary',
          } as never,
        },
      ],
    });
    expect(r.occupation).toMatchObject({
      state: 'approved',
      consumed: [],
      reclamation: { deadline: '2021-05-21', colour: 'green' },
    });
    expect(r.ledger.balance).toMatchObject({ temporaryMu: 4.2, consumedMu: 21 });
    // More than 12 changes in one run: the ledger went on in a new run with the same state.
    let current = (await h.describe()).runId;
    for (let i = 0; i < 100 && current === firstRun; i += 1) {
      await new Promise((done) => setTimeout(done, 50));
      current = (await h.describe()).runId;
    }
    expect(current).not.toBe(firstRun);
    expect((await h.query(ledgerQuery)).version).toBeGreaterThanOrEqual(14);

    await skipTo('2021-05-15T09:00:00');
    let ledger = await h.query(ledgerQuery);
    expect(ledger.temporary[0]!.reclamation).toMatchObject({ colour: 'blue' });
    await skipTo('2021-05-22T00:00:30');
    ledger = await h.query(ledgerQuery);
    expect(ledger.temporary[0]!.reclamation).toMatchObject({ colour: 'red' });
    await refused(
      h.executeUpdate(confirmReclamationUpdate, {
        args: [{ actor: natres(), body: { occupationId: 'ZY-2019-9999' } }],
      }),
      /没有待复垦的临时用地/,
    );
    const done = await h.executeUpdate(confirmReclamationUpdate, {
      args: [{ actor: natres(), body: { occupationId: r.occupation.occupationId, note: '已复垦并验收' } }],
    });
    expect(done).toMatchObject({ state: 'reclaimed', reclamation: { colour: 'none', note: '已复垦并验收' } });
    expect((await h.query(ledgerQuery)).balance.temporaryMu).toBe(0);

    await suite.recordAndReplay(h, 'ledger-temporary-reclamation.json');
  });

  const startCase = (caseId: string, input: Omit<StartLandCase, 'caseId'>) =>
    suite.env.client.workflow.start<typeof landCaseWorkflow>('landCaseWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: landCaseWorkflowId(caseId),
      args: [{ caseId, ...input }],
    });
  const act = (
    h: WorkflowHandle,
    action: LandCaseCommand['action'],
    body: Record<string, unknown>,
    who = natres(),
  ) => h.executeUpdate(landCaseActionUpdate, { args: [{ action, actor: who, body }] });

  it('a major case on 永久基本农田 is listed for supervision, transferred to the judiciary, late turns red, then closes (二(七))', async () => {
    const caseId = `WF-${run}-1`;
    await skipTo('2021-06-01T09:00:00');
    const h = await startCase(caseId, {
      facts: {
        source: 'patrol',
        parcelNo: 'QTX-2021-017',
        townCode: 'town-daba',
        areaMu: 2.5,
        landKind: 'basic_farmland',
        party: '某养殖有限公司',
        description: '未经批准在永久基本农田上建设养殖棚舍',
        foundOn: '2021-06-01',
      },
    });
    let c = await h.query(landCaseQuery);
    expect(c).toMatchObject({ step: 'registered', deadline: '2021-07-31', major: true, colour: 'green' });
    const listed = await eventuallyLast(LandUseEvents.CaseListedForSupervision.subject, caseId);
    expect(listed.data.reason).toMatch(/挂牌督办/);

    await refused(act(h, 'decide', { decision: '罚款' }), /当前应办理“调查取证”/);
    await refused(act(h, 'transfer', { to: 'judiciary', reason: '涉嫌非法占用农用地罪' }), /调查取证之后/);
    await refused(act(h, 'investigate', { note: '已查明' }, actor('bureau', 'agri')), /由自然资源局查处/);
    await act(h, 'investigate', { note: '现场勘测，占用永久基本农田 2.5 亩' });
    c = await act(h, 'transfer', { to: 'judiciary', reason: '涉嫌非法占用农用地罪' });
    expect(c.transfers).toEqual([expect.objectContaining({ body: 'judiciary', bodyName: '司法机关' })]);
    const transferred = await eventuallyLast(LandUseEvents.CaseTransferred.subject, caseId);
    expect(transferred.data).toMatchObject({ to: 'judiciary', bodyName: '司法机关' });
    await refused(act(h, 'transfer', { to: 'judiciary', reason: '再次' }), /已移交司法机关/);

    await skipTo('2021-07-26T09:00:00');
    expect((await h.query(landCaseQuery)).colour).toBe('blue');
    await skipTo('2021-08-01T00:00:30');
    c = await h.query(landCaseQuery);
    expect(c).toMatchObject({ colour: 'red', redSince: '2021-07-31T16:00:00.000Z' });
    await act(h, 'decide', { decision: '责令退还土地、恢复原状，并处罚款' });
    await act(h, 'rectify', { note: '已拆除棚舍并复耕' });
    // 二(七) 并予以曝光: a major case opened since the patch is exposed before it closes.
    await act(h, 'expose', {
      channel: '青铜峡市人民政府网站',
      summary: '通报某养殖有限公司违法占用永久基本农田',
    });
    c = await act(h, 'close', {});
    expect(c).toMatchObject({ step: 'closed', colour: 'none' });
    expect(c.history.map((s) => s.step)).toEqual([
      'registered',
      'investigated',
      'decided',
      'rectified',
      'closed',
    ]);

    await suite.recordAndReplay(h, 'case-major-transfer-late.json');
  });

  it('a small case on other land is not listed; the deadline comes from the case (二(七))', async () => {
    const h = await startCase(`WF-${run}-2`, {
      facts: {
        source: 'report',
        parcelNo: 'QTX-2021-018',
        townCode: 'town-chenyuantan',
        areaMu: 9.99,
        landKind: 'cultivated',
        party: '张某',
        description: '',
        foundOn: '2021-08-01',
      },
      handlingDays: 30,
    });
    let c = await h.query(landCaseQuery);
    expect(c).toMatchObject({ major: false, deadline: '2021-08-31' });
    await refused(act(h, 'extend', { newDeadline: '2021-09-30', reason: '需补充测绘' }), /督查室/);
    await refused(
      act(h, 'extend', { newDeadline: '2021-08-30', reason: '提前' }, actor('inspector')),
      /必须晚于现期限 2021-08-31/,
    );
    c = await act(h, 'extend', { newDeadline: '2021-09-30', reason: '需补充测绘' }, actor('inspector'));
    expect(c.deadline).toBe('2021-09-30');
    expect(c.deadlineHistory).toEqual([
      expect.objectContaining({ previous: '2021-08-31', deadline: '2021-09-30', by: 'inspector' }),
    ]);
  });

  it('曝光 is a step of a major case: after the 处罚决定, once, and before 结案; the threshold comes from the start input (二(七))', async () => {
    const caseId = `WF-${run}-3`;
    await skipTo('2021-09-01T09:00:00');
    // 8 亩 of cultivated land is major under a threshold of 5 亩 (policy setting land.major-case-cultivated-mu).
    const h = await startCase(caseId, {
      facts: {
        source: 'patrol',
        parcelNo: 'QTX-2021-020',
        townCode: 'town-xiaoba',
        areaMu: 8,
        landKind: 'cultivated',
        party: '某物流有限公司',
        description: '未经批准占用耕地建设停车场',
        foundOn: '2021-09-01',
      },
      majorCultivatedMu: 5,
    });
    let c = await h.query(landCaseQuery);
    expect(c).toMatchObject({
      major: true,
      majorReason: '违法占用耕地 8 亩（5 亩以上）',
      exposureRequired: true,
      exposure: null,
    });
    const exposure = { channel: '青铜峡市人民政府网站', summary: '通报某物流有限公司违法占用耕地 8 亩' };
    await act(h, 'investigate', { note: '现场勘测 8 亩' });
    await refused(act(h, 'expose', exposure), /处罚决定之后/);
    await act(h, 'decide', { decision: '责令退还土地、恢复原状，并处罚款' });
    await refused(act(h, 'expose', exposure, actor('bureau', 'agri')), /由自然资源局查处/);
    await act(h, 'rectify', { note: '已拆除并复耕' });
    await refused(act(h, 'close', {}), /须先曝光才能结案.*二\(七\)/);
    c = await act(h, 'expose', exposure);
    expect(c.exposure).toMatchObject({ ...exposure, by: 'bureau-natres' });
    const exposed = await eventuallyLast(LandUseEvents.CaseExposed.subject, caseId);
    expect(exposed.data).toMatchObject(exposure);
    await refused(act(h, 'expose', exposure), /已曝光/);
    c = await act(h, 'close', {});
    expect(c).toMatchObject({ step: 'closed', exposure: { channel: exposure.channel } });

    // A case that is not major has nothing to expose and closes as before.
    const small = await startCase(`WF-${run}-4`, {
      facts: { ...c.facts, parcelNo: 'QTX-2021-021', areaMu: 4.99 },
      majorCultivatedMu: 5,
    });
    expect(await small.query(landCaseQuery)).toMatchObject({ major: false, exposureRequired: false });
    await act(small, 'investigate', { note: '已查明' });
    await act(small, 'decide', { decision: '责令退还' });
    await refused(act(small, 'expose', exposure), /不是重大典型案件/);

    await suite.recordAndReplay(h, 'case-major-exposed.json');
  });

  /** The last event of `subject` for this case, once published. */
  async function eventuallyLast(subject: string, caseId: string) {
    for (let i = 0; i < 100; i += 1) {
      const msg = await suite.bus.jsm.streams
        .getMessage(EVENTS_STREAM, { last_by_subj: subject })
        .catch(() => null);
      const event = msg?.json<{ subject: string; data: Record<string, unknown> & { reason?: string } }>();
      if (event?.subject === caseId) return event;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${subject} for ${caseId}`);
  }

  it('the ledger itself refuses occupations in a suspended town until the lift, and keeps the towns across continue-as-new (三(十))', async () => {
    const ledgerId = `suspended-${run}`;
    const h = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-${ledgerId}`,
      args: [{ ledgerId, continueAsNewAfter: 3 }],
    });
    const accept = (parcelNo: string, areaMu: number) =>
      h.executeUpdate(acceptCompensationUpdate, {
        args: [
          {
            actor: natres(),
            body: {
              parcelNo,
              townCode: 'town-daba',
              areaMu,
              grade: 5,
              sourceProject: '大坝镇土地整治',
              acceptedOn: '2019-04-30',
            },
          },
        ],
      });
    const request = (kind: 'permanent' | 'temporary', waitIfShort = false) =>
      h.executeUpdate(requestOccupationUpdate, {
        args: [
          {
            actor: natres(),
            body: {
              project: '叶盛镇农产品加工园',
              townCode: 'town-yesheng',
              areaMu: 3,
              grade: 9,
              kind,
              keyLevel: 'none',
              waitIfShort,
            },
          },
        ],
      });
    // 叶盛镇 failed its 2020 assessment: suspended from the day it was criticised.
    const placed: TownSuspension = {
      townCode: 'town-yesheng',
      townName: '叶盛镇',
      assessmentId: 'cl-assess-2020-town-yesheng',
      year: 2020,
      reason: '叶盛镇2020年度耕地保护责任目标考核未通过',
      since: '2021-01-20T01:00:00.000Z',
      rectificationDeadline: '2021-06-30',
      liftedAt: null,
      at: '2021-01-20T01:00:00.000Z',
    };
    const lifted = { ...placed, liftedAt: '2021-05-20T01:00:00.000Z', at: '2021-05-20T01:00:00.000Z' };
    const tell = (eventId: string, suspension: TownSuspension) =>
      h.executeUpdate(townSuspensionUpdate, { updateId: `suspension:${eventId}`, args: [{ suspension }] });

    // A request filed before the suspension waits; the ledger's own knowledge keeps it waiting.
    expect((await request('permanent', true)).occupation.state).toBe('queued');
    expect(await tell('placed', placed)).toMatchObject({ assessmentId: placed.assessmentId, liftedAt: null });
    expect((await accept('BC-S-1', 10)).queue).toHaveLength(1);
    await accept('BC-S-2', 1); // the third change: the ledger goes on in a new run
    let current = (await h.describe()).runId;
    for (let i = 0; i < 100 && current === h.firstExecutionRunId; i += 1) {
      await new Promise((done) => setTimeout(done, 50));
      current = (await h.describe()).runId;
    }
    expect(current).not.toBe(h.firstExecutionRunId);
    expect(await h.query(suspendedTownsQuery)).toEqual(['town-yesheng']);

    const before = (await h.query(ledgerQuery)).version;
    for (const kind of ['permanent', 'temporary'] as const) {
      const error = await request(kind).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
      expect(cause).toMatchObject({ type: 'ActionRefused', message: suspensionRefusal(placed, kind) });
    }
    expect(suspensionRefusal(placed, 'permanent')).toMatch(/^叶盛镇建设占用耕地审批暂停办理：叶盛镇2020年度/);
    expect((await h.query(ledgerQuery)).version).toBe(before);

    // The lift names the suspension: the town is free; the old fact told again changes nothing.
    expect(await tell('lifted', lifted)).toMatchObject({ liftedAt: lifted.liftedAt });
    expect(await tell('placed-again', placed)).toMatchObject({ liftedAt: lifted.liftedAt });
    expect(await h.query(suspendedTownsQuery)).toEqual([]);
    expect((await request('temporary')).occupation.state).toBe('approved');
    const after = await accept('BC-S-3', 1);
    expect(after.queue).toEqual([]);
    expect(after.balance.occupiedMu).toBe(3);

    await suite.recordAndReplay(h, 'ledger-suspension.json');
  });

  it('a request retried after the ledger went on in a new run gets its first answer and acts once', async () => {
    const ledgerId = `retried-${run}`;
    const h = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-${ledgerId}`,
      args: [{ ledgerId, continueAsNewAfter: 2 }],
    });
    const accepting = natres();
    const acceptBody = {
      parcelNo: 'BC-R-1',
      townCode: 'town-daba',
      areaMu: 10,
      grade: 5,
      sourceProject: '大坝镇土地整治',
      acceptedOn: '2019-04-30',
    };
    const requesting = natres();
    const requestBody = {
      project: '大坝镇物流园',
      townCode: 'town-daba',
      areaMu: 3,
      grade: 9,
      kind: 'permanent' as const,
      keyLevel: 'none' as const,
      waitIfShort: false,
    };
    const accept = () =>
      h.executeUpdate(acceptCompensationUpdate, { args: [{ actor: accepting, body: acceptBody }] });
    const request = () =>
      h.executeUpdate(requestOccupationUpdate, { args: [{ actor: requesting, body: requestBody }] });

    const accepted = await accept();
    const first = await request(); // the second change: the ledger goes on in a new run
    expect(first.occupation.state).toBe('approved');
    let current = (await h.describe()).runId;
    for (let i = 0; i < 100 && current === h.firstExecutionRunId; i += 1) {
      await new Promise((done) => setTimeout(done, 50));
      current = (await h.describe()).runId;
    }
    expect(current).not.toBe(h.firstExecutionRunId);
    const version = (await h.query(ledgerQuery)).version;

    // The same requests again (the same x-request-id, so the same actor): the first answers.
    expect(await request()).toEqual(first);
    expect(await accept()).toEqual(accepted);
    const after = await h.query(ledgerQuery);
    expect(after.version).toBe(version);
    expect(after.balance.occupiedMu).toBe(3);
    expect(after.parcels).toHaveLength(1);
    // A new request (another id) still acts.
    expect(
      (await h.executeUpdate(requestOccupationUpdate, { args: [{ actor: natres(), body: requestBody }] }))
        .occupation.occupationId,
    ).not.toBe(first.occupation.occupationId);
  });

  // Issue 12: input sent straight to Temporal, past the gateway, never fails a workflow task.
  it('rejects ledger and case Updates their contract refuses as validation errors; both run on and take the next action', async () => {
    const ledgerId = `input-${run}`;
    const ledger = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-${ledgerId}`,
      args: [{ ledgerId }],
    });
    const parcel = {
      parcelNo: 'BC-IN-001',
      townCode: 'town-xiaoba',
      areaMu: 5,
      grade: 7,
      sourceProject: '土地整治',
    };
    const accept = (body: object) =>
      ledger.executeUpdate(acceptCompensationUpdate, { args: [{ actor: natres(), body: body as never }] });
    await rejectedAsInvalid(accept({ ...parcel, acceptedOn: '2026-02-30' }), 'body.acceptedOn');
    await rejectedAsInvalid(accept({ ...parcel, areaMu: -5, acceptedOn: '2019-05-01' }), 'body.areaMu');
    await rejectedAsInvalid(
      ledger.executeUpdate(requestOccupationUpdate, { args: [{ body: { project: 'x' } } as never] }),
      'actor',
    );
    await runningUnharmed(ledger);
    expect((await accept({ ...parcel, acceptedOn: '2019-05-01' })).balance.remainingMu).toBe(5);

    const h = await startCase(`WF-${run}-input`, {
      facts: {
        source: 'patrol',
        parcelNo: 'QTX-IN-001',
        townCode: 'town-daba',
        areaMu: 1,
        landKind: 'cultivated',
        party: '李某',
        description: '',
        foundOn: '2021-08-01',
      },
    });
    await rejectedAsInvalid(
      act(h, 'extend', { newDeadline: '2027-02-30', reason: '补充测绘' }, actor('inspector')),
      'body.newDeadline',
    );
    await rejectedAsInvalid(act(h, 'demolish' as never, {}), 'action');
    await runningUnharmed(h);
    expect(await act(h, 'investigate', { note: '已查明' })).toMatchObject({ step: 'investigated' });
  });

  it('a start input its contract refuses (foundOn 2026-02-31) ends the workflow as failed, naming the field', async () => {
    const h = await startCase(`WF-${run}-bad`, {
      facts: {
        source: 'patrol',
        parcelNo: 'QTX-IN-002',
        townCode: 'town-daba',
        areaMu: 1,
        landKind: 'cultivated',
        party: '李某',
        description: '',
        foundOn: '2026-02-31',
      },
    });
    await failedOnStartInput(h, 'input.facts.foundOn');
    const ledger = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-bad-${run}`,
      args: [{ ledgerId: '' }],
    });
    await failedOnStartInput(ledger, 'input.ledgerId');
  });

  it('a worker with nothing in cache writes what replays: the ledger started by one task and acted on in the next, a case (TMPRL1100, evidence/)', async () => {
    // The ledger's first task sets nothing (no fact, no timer), so a worker without it in cache
    // was handed its start and the first Update in one activation, and wrote publish-then-answer
    // where a replay writes answer-then-publish: every later task of the ledger failed.
    const ledgerId = `uncached-${run}`;
    const since = (await suite.bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq + 1;
    const { ledger, landCase } = await suite.withUncachedWorker(async (taskQueue) => {
      const ledger = await suite.env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
        taskQueue,
        workflowId: `land-use-ledger-${ledgerId}`,
        args: [{ ledgerId, continueAsNewAfter: 100 }],
      });
      await ledger.query(ledgerQuery);
      const accepted = await ledger.executeUpdate(acceptCompensationUpdate, {
        args: [
          {
            actor: natres(),
            body: {
              parcelNo: 'BC-U-1',
              townCode: 'town-daba',
              areaMu: 8,
              grade: 5,
              sourceProject: '大坝镇土地整治',
              acceptedOn: '2019-04-30',
            },
          },
        ],
      });
      // The answer comes once its fact is published: the stream has it.
      expect(accepted.balance.acceptedMu).toBe(8);
      const occupied = await ledger.executeUpdate(requestOccupationUpdate, {
        args: [
          {
            actor: natres(),
            body: {
              project: '输水管道施工',
              townCode: 'town-daba',
              areaMu: 2,
              grade: 5,
              kind: 'temporary',
            } as never,
          },
        ],
      });
      expect(occupied.occupation.state).toBe('approved');
      await ledger.executeUpdate(townSuspensionUpdate, {
        updateId: `suspension:uncached-${run}`,
        args: [
          {
            suspension: {
              townCode: 'town-qujing',
              townName: '瞿靖镇',
              assessmentId: `cl-assess-uncached-${run}`,
              year: 2020,
              reason: '瞿靖镇2020年度耕地保护责任目标考核未通过',
              since: '2021-01-20T01:00:00.000Z',
              rectificationDeadline: '2021-06-30',
              liftedAt: null,
              at: '2021-01-20T01:00:00.000Z',
            },
          },
        ],
      });
      await ledger.executeUpdate(confirmReclamationUpdate, {
        args: [{ actor: natres(), body: { occupationId: occupied.occupation.occupationId, note: '已复垦' } }],
      });
      const caseId = `WF-${run}-uncached`;
      const landCase = await suite.env.client.workflow.start<typeof landCaseWorkflow>('landCaseWorkflow', {
        taskQueue,
        workflowId: landCaseWorkflowId(caseId),
        args: [
          {
            caseId,
            facts: {
              source: 'patrol',
              parcelNo: 'QTX-U-1',
              townCode: 'town-daba',
              areaMu: 1,
              landKind: 'cultivated',
              party: '某合作社',
              description: '未经批准建设库房',
              foundOn: new Date(await suite.now()).toISOString().slice(0, 10),
            },
          },
        ],
      });
      await act(landCase, 'investigate', { note: '已查明' });
      await act(landCase, 'decide', { decision: '责令退还' });
      return { ledger, landCase };
    });
    const facts = await publishedFacts(ledgerId, since);
    expect(facts.map((f) => f.type)).toEqual(
      expect.arrayContaining([
        LandUseEvents.CompensationAccepted.type,
        LandUseEvents.ReclamationConfirmed.type,
      ]),
    );
    await suite.recordAndReplay(ledger, 'ledger-uncached-worker.json');
    await suite.replay(landCase);
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
