import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_STREAM, connectBus, ensureStreams, type Bus } from '@duban/bus';
import { ReadModels, type AlertDoc, type InboxDoc } from '@duban/contracts';
import { type AssessmentSnapshot, type RectificationSnapshot } from '@duban/workflow-cultivated-land/client';
import { connectStore, type Store } from '@duban/store';
import type { RunningSystem } from '@duban/system';
import { api, conflictProblem, login, sentTwice } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { startOwnStack, type OwnStack } from '../support/own-stack';
import { startWithoutGazette } from '../support/whole-system';

// Issue 7, part A, end to end (青政办发〔2019〕28号): the whole system over the real engines and
// the HTTP API, with the bureaus' and towns' own logins, on today's clock.
const DAY = 86_400_000;
/** A civil date in Asia/Shanghai, `days` from today. */
const shanghaiDate = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
const TARGETS = { cultivatedLandMu: 120_000, basicFarmlandMu: 95_000, highStandardMu: 8_000 };

interface Problem {
  detail: string;
  errors?: { field: string; message: string }[];
}
interface Suspension {
  townCode: string;
  suspended: boolean;
  reason: string | null;
  assessmentId: string | null;
}

describe('cultivated-land protection over the running system', () => {
  let ownStack: OwnStack | undefined;
  let system: RunningSystem;
  let store: Store;
  let bus: Bus;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const campaignId = `cl-e2e-${Date.now().toString(36)}`;
  const year = Number(shanghaiDate(0).slice(0, 4));
  const xiaoba = `${campaignId}.town-xiaoba`;

  beforeAll(async () => {
    ownStack = await startOwnStack('cultivated-land', 5);
    const config = ownStack.config;
    bus = await connectBus(config.nats.url);
    await ensureStreams(bus.jsm);
    await bus.jsm.streams.purge(EVENTS_STREAM);
    // The towns and 农林场 have logins too (the gazette assigns them tasks, and its import seeds
    // one per unit); the supervision items themselves play no part here.
    const bureaus = ['natres', 'agri', 'stats', 'town-xiaoba', 'town-daba', 'farms'];
    system = await startWithoutGazette(config, bureaus);
    store = await connectStore(config.mongo.uri, config.mongo.db);
    tokens.inspector = await login(http(), 'inspector', 'duban-inspector-2019');
    tokens.leader = await login(http(), 'leader', 'duban-leader-2019');
    for (const unit of bureaus) {
      tokens[unit] = await login(http(), `bureau-${unit}`, 'duban-bureau-2019');
    }
  });

  afterAll(async () => {
    await bus?.close();
    await store?.close();
    await system?.close();
    await ownStack?.stop();
  });

  const post = <T>(unit: string, path: string, body: unknown) =>
    api<T & Problem>(http(), path, { token: tokens[unit], body });
  const get = <T>(unit: string, path: string) => api<T & Problem>(http(), path, { token: tokens[unit] });
  const rect = (unit: string, action: string, body: unknown) =>
    post<RectificationSnapshot>(unit, `/api/land/rectifications/${xiaoba}/actions/${action}`, body);
  const inboxOf = (unit: string) =>
    store.db
      .collection<InboxDoc>(ReadModels.inbox)
      .find({ process: 'cultivated-land', unitCode: unit })
      .toArray();

  // 二(二) as written: one deadline per step the text has (issue 14).
  const deadlines = {
    verify: shanghaiDate(10),
    problems: shanghaiDate(20),
    plan: shanghaiDate(40),
    rectify: shanghaiDate(70),
    zones: shanghaiDate(90),
    amend: shanghaiDate(120),
  };

  it('opens a campaign for 各镇(场) with one deadline per step; bad deadlines are refused naming the field (二(二))', async () => {
    const bad = await post('natres', '/api/land/rectification-campaigns', {
      campaignId,
      startDate: shanghaiDate(0),
      deadlines: { ...deadlines, rectify: shanghaiDate(30) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'body.deadlines.rectify', message: expect.stringMatching(/不得早于上一步/) },
    ]);
    // The first version's steps (审查, 验收) are not in 二(二): a campaign must give the town's 整改补划.
    const { rectify: _rectify, ...firstVersion } = deadlines;
    const old = await post('natres', '/api/land/rectification-campaigns', {
      campaignId,
      startDate: shanghaiDate(0),
      deadlines: { ...firstVersion, review: shanghaiDate(50), accept: shanghaiDate(130) },
    });
    expect(old.status).toBe(400);
    expect(old.body.errors!.map((e) => e.field)).toContain('body.deadlines.rectify');
    const forbidden = await post('agri', '/api/land/rectification-campaigns', {
      campaignId,
      startDate: shanghaiDate(0),
      deadlines,
    });
    expect(forbidden.status).toBe(403);

    const opened = await post<{ rectifications: { townCode: string; created: boolean }[] }>(
      'natres',
      '/api/land/rectification-campaigns',
      { campaignId, startDate: shanghaiDate(0), deadlines },
    );
    expect(opened.status).toBe(201);
    expect(opened.body.rectifications.map((r) => r.townCode)).toEqual([
      'town-xiaoba',
      'town-daba',
      'town-qingtongxia',
      'town-yesheng',
      'town-qujing',
      'town-xiakou',
      'town-shaogang',
      'town-chenyuantan',
      'farms',
    ]);
    const again = await post('natres', '/api/land/rectification-campaigns', {
      campaignId,
      startDate: shanghaiDate(0),
      deadlines,
    });
    expect(again.status).toBe(409);

    // 自然资源局 leads the verification of each town, 农业农村局 joins it: both inboxes show it.
    const natres = await eventually(
      () => inboxOf('natres'),
      (docs) => docs.filter((d) => d.step === 'verify').length === 9,
      { timeoutMs: 30_000 },
    );
    expect(natres.find((d) => d.itemId === xiaoba)).toMatchObject({
      role: 'lead',
      deadline: deadlines.verify,
      colour: 'green',
      href: `#/land/rectifications/${xiaoba}`,
      stepLabel: '核实永久基本农田划定成果',
    });
    const agri = await eventually(
      () => inboxOf('agri'),
      (docs) => docs.filter((d) => d.step === 'verify').length === 9,
    );
    expect(agri.find((d) => d.itemId === xiaoba)?.role).toBe('cooperating');
    const shared = await get<{ items: { process: string; itemId: string }[] }>(
      'natres',
      '/api/inbox?pageSize=200',
    );
    expect(shared.body.items.some((i) => i.process === 'cultivated-land' && i.itemId === xiaoba)).toBe(true);
  });

  it('walks 小坝镇 to closed with each bureau its own login: 自然资源局 drafts the plan, the town carries it out (28号 二(二))', async () => {
    expect((await rect('agri', 'complete-step', { step: 'verify' })).status).toBe(409);
    expect(
      (await rect('natres', 'complete-step', { step: 'verify', note: '会同农业农村局核实' })).status,
    ).toBe(200);
    const listed = await rect('natres', 'list-problems', {
      problems: [
        {
          category: 'designation_untrue',
          parcels: [{ parcelNo: 'XB-01', areaMu: 30 }],
          disposal: '调出，另行补划',
        },
        {
          category: 'illegal_occupation',
          parcels: [{ parcelNo: 'XB-05', areaMu: 4.5 }],
          disposal: '立案查处',
        },
      ],
    });
    expect(listed.body).toMatchObject({ phase: 'plan', problemAreaMu: 34.5 });
    // 以镇行政区划为单元编制整改补划方案 is 自然资源局's (会同农业农村局), not the town's.
    const bad = await rect('natres', 'submit-plan', { summary: '', supplementaryMu: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors!.map((e) => e.field)).toEqual(['body.summary', 'body.supplementaryMu']);
    const town = await rect('town-xiaoba', 'submit-plan', { summary: '补划', supplementaryMu: 30 });
    expect(town.status).toBe(409);
    expect(town.body.detail).toMatch(/由自然资源局办理，小坝镇不能办理/);
    const agriInbox = await eventually(
      () => inboxOf('agri'),
      (docs) => docs.some((d) => d.itemId === xiaoba && d.step === 'plan'),
    );
    expect(agriInbox.find((d) => d.itemId === xiaoba && d.step === 'plan')).toMatchObject({
      role: 'cooperating',
      stepLabel: '会同：以镇行政区划为单元编制整改补划方案',
    });
    const planned = await rect('natres', 'submit-plan', { summary: '补划 34.5 亩', supplementaryMu: 34.5 });
    expect(planned.body).toMatchObject({ phase: 'rectify', plan: { supplementaryMu: 34.5 } });
    // No review of the plan and no acceptance: the text has neither.
    const review = await rect('natres', 'review-plan', { decision: 'approve', reason: '同意' });
    expect(review.status).toBe(409);
    expect(review.body.detail).toMatch(/没有步骤 review/);
    // The town carries it out: the step is in its inbox, another town cannot do it.
    await eventually(
      () => inboxOf('town-xiaoba'),
      (docs) => docs.some((d) => d.itemId === xiaoba && d.step === 'rectify'),
    );
    const other = await rect('town-daba', 'complete-step', { step: 'rectify' });
    expect(other.status).toBe(409);
    expect(other.body.detail).toMatch(/由小坝镇办理/);
    await rect('town-xiaoba', 'complete-step', { step: 'rectify', note: '已按方案补划 34.5 亩' });
    await rect('agri', 'complete-step', { step: 'zones' });
    expect((await rect('natres', 'complete-step', { step: 'accept' })).status).toBe(409);
    const closed = await rect('natres', 'complete-step', { step: 'amend', note: '已按法定程序修改' });
    expect(closed.body).toMatchObject({ phase: 'closed', colour: 'none' });

    const detail = await eventually(
      () =>
        get<{
          rectification: RectificationSnapshot;
          timeline: { fact: string; summary: string; actor: { userId: string } }[];
        }>('inspector', `/api/land/rectifications/${xiaoba}`),
      (r) => r.body.timeline.some((t) => t.fact === 'rectification_closed'),
    );
    expect(detail.body.timeline.find((t) => t.fact === 'plan_submitted')).toMatchObject({
      summary: '整改补划方案已报送（第 1 稿）',
      actor: { userId: 'bureau-natres' },
    });
    expect(
      detail.body.timeline.find(
        (t) => t.fact === 'rectification_step_completed' && t.actor.userId === 'bureau-town-xiaoba',
      )?.summary,
    ).toBe('步骤办结：按整改补划方案进行整改补划');
    // Done steps leave the inboxes.
    const left = await eventually(
      async () =>
        (await store.db.collection<InboxDoc>(ReadModels.inbox).find({ itemId: xiaoba }).toArray()).length,
      (n) => n === 0,
    );
    expect(left).toBe(0);
  });

  it('a failed assessment suspends the land business of 小坝镇 until its rectification passes (三(十))', async () => {
    expect(
      (
        await post('leader', '/api/land/assessments', {
          year,
          reportDeadline: shanghaiDate(30),
          targets: TARGETS,
        })
      ).status,
    ).toBe(403);
    const set = await post<{ assessments: { assessmentId: string; townCode: string }[] }>(
      'natres',
      '/api/land/assessments',
      {
        year,
        reportDeadline: shanghaiDate(30),
        targets: TARGETS,
      },
    );
    expect(set.status).toBe(201);
    expect(set.body.assessments).toHaveLength(9);
    const id = `cl-assess-${year}-town-xiaoba`;
    const act = (unit: string, action: string, body: unknown) =>
      post<AssessmentSnapshot>(unit, `/api/land/assessments/${id}/actions/${action}`, body);

    await eventually(
      () => inboxOf('town-xiaoba'),
      (docs) => docs.some((d) => d.itemId === id && d.step === 'report'),
    );
    await act('town-xiaoba', 'report', { actuals: { ...TARGETS, basicFarmlandMu: 94_000 } });
    // 三(十): the 市政府 tracks and decides, 督查室 acting for it; 农业农村局、统计局 take part (三(九)).
    const office = await eventually(
      () => inboxOf('gov-inspection'),
      (docs) => docs.some((d) => d.itemId === id && d.step === 'assess'),
      { timeoutMs: 20_000 },
    );
    expect(office.find((d) => d.itemId === id)).toMatchObject({ role: 'lead', ref: '三(十)' });
    const joining = await eventually(
      () => inboxOf('stats'),
      (docs) => docs.some((d) => d.itemId === id && d.step === 'assess'),
    );
    expect(joining.find((d) => d.itemId === id)?.role).toBe('cooperating');
    const byNatres = await act('natres', 'assess', { rectificationDeadline: shanghaiDate(60) });
    expect(byNatres.status).toBe(409);
    expect(byNatres.body.detail).toMatch(/考核由市政府（督查室）办理/);
    // 通报表彰 is not for a town that missed a target.
    const commend = await act('inspector', 'commend', { reason: '成效突出' });
    expect(commend.status).toBe(409);
    expect(commend.body.detail).toMatch(/不能通报表彰/);
    const assessed = await act('inspector', 'assess', { rectificationDeadline: shanghaiDate(60) });
    expect(assessed.body).toMatchObject({
      phase: 'rectifying',
      result: {
        outcome: 'criticised',
        shortfalls: [{ target: 'basicFarmlandMu', shortfallMu: 1000 }],
        leadUnit: 'gov-inspection',
        assessors: ['agri', 'stats'],
      },
    });

    const held = await eventually(
      () => get<Suspension>('agri', '/api/land/towns/town-xiaoba/suspension'),
      (r) => r.body.suspended,
      { timeoutMs: 20_000 },
    );
    expect(held.body).toMatchObject({ townCode: 'town-xiaoba', suspended: true, assessmentId: id });
    expect(held.body.reason).toBe(
      `小坝镇${year}年度耕地保护责任目标考核未通过，整改期间暂停办理涉及土地管理的有关业务（考核 ${id}）`,
    );
    const doc = await store.db.collection('land_suspensions').findOne({ _id: 'town-xiaoba' as never });
    expect(doc).toMatchObject({
      townCode: 'town-xiaoba',
      suspended: true,
      year,
      liftedAt: null,
      rectificationDeadline: shanghaiDate(60),
    });
    expect(doc!.updatedAt).toBeInstanceOf(Date);

    // The land-use approvals (issue 7 part B) read the same hold: an occupation request in the
    // suspended town is refused with the reason naming this assessment.
    const occupation = await post('natres', '/api/land/occupations', {
      project: '小坝镇某建设项目',
      townCode: 'town-xiaoba',
      areaMu: 10,
      grade: 5,
    });
    expect(occupation.status).toBe(409);
    expect(occupation.body.detail).toContain(id);

    const early = await act('natres', 'verify-rectification', { decision: 'pass', note: 'x' });
    expect(early.status).toBe(409);
    await act('town-xiaoba', 'report-rectification', { actuals: TARGETS, note: '补划永久基本农田 1000 亩' });
    const passed = await act('natres', 'verify-rectification', { decision: 'pass', note: '核查通过' });
    expect(passed.body.phase).toBe('closed');
    const free = await eventually(
      () => get<Suspension>('agri', '/api/land/towns/town-xiaoba/suspension'),
      (r) => !r.body.suspended,
    );
    expect(free.body).toMatchObject({ suspended: false, reason: null, assessmentId: id });
  });

  it('a town still failing at its deadline escalates to 问责: the leadership group sees it (三(十))', async () => {
    const id = `cl-assess-${year}-town-daba`;
    await post('town-daba', `/api/land/assessments/${id}/actions/report`, {
      actuals: { ...TARGETS, highStandardMu: 6_000 },
    });
    // A deadline already past at the assessment: 整改不到位 at once (DESIGN §5).
    const assessed = await post<AssessmentSnapshot>(
      'inspector',
      `/api/land/assessments/${id}/actions/assess`,
      {
        rectificationDeadline: shanghaiDate(-1),
      },
    );
    expect(assessed.body).toMatchObject({ phase: 'rectifying', colour: 'red' });
    expect(assessed.body.escalatedAt).not.toBeNull();

    const alerts = await eventually(
      () =>
        get<{ alerts: { itemId: string; kind: string; message: string }[] }>(
          'leader',
          `/api/alerts?itemId=${id}`,
        ),
      (r) => r.body.alerts?.some((a) => a.kind === 'accountability_escalated'),
      { timeoutMs: 20_000 },
    );
    expect(alerts.body.alerts.find((a) => a.kind === 'accountability_escalated')!.message).toMatch(
      /问责：大坝镇.*整改不到位/,
    );
    const stored = await store.db
      .collection<AlertDoc>(ReadModels.alerts)
      .find({ itemId: id, kind: 'accountability_escalated' })
      .toArray();
    expect(stored.map((a) => a.audience).sort()).toEqual(['inspector', 'leader']);

    const towns = await eventually(
      () =>
        get<{
          towns: {
            townCode: string;
            suspension: { suspended: boolean };
            assessment: { outcome: string; escalated: boolean } | null;
            rectification: { phase: string } | null;
          }[];
        }>('leader', '/api/land/towns'),
      (r) => r.body.towns.find((t) => t.townCode === 'town-daba')?.suspension.suspended === true,
    );
    expect(towns.body.towns.find((t) => t.townCode === 'town-daba')).toMatchObject({
      assessment: { outcome: 'criticised', escalated: true },
      rectification: { phase: 'verify' },
    });
    expect(towns.body.towns.find((t) => t.townCode === 'town-xiaoba')).toMatchObject({
      suspension: { suspended: false },
      rectification: { phase: 'closed' },
    });

    // 三(十) 通报表彰 is the city's decision for 措施得力、成效突出, with its reason: 农林场 met every
    // target; only the inspector commends it.
    const farms = `cl-assess-${year}-farms`;
    await post('farms', `/api/land/assessments/${farms}/actions/report`, { actuals: TARGETS });
    const byBureau = await post('natres', `/api/land/assessments/${farms}/actions/commend`, { reason: 'x' });
    expect(byBureau.status).toBe(403);
    const commended = await post<AssessmentSnapshot>(
      'inspector',
      `/api/land/assessments/${farms}/actions/commend`,
      {
        reason: '新增高标准农田 1200 亩，措施得力、成效突出',
      },
    );
    expect(commended.body).toMatchObject({
      phase: 'closed',
      result: { outcome: 'commended', commendation: '新增高标准农田 1200 亩，措施得力、成效突出' },
    });
    const farmsTimeline = await eventually(
      () =>
        get<{ timeline: { fact: string; summary: string }[] }>('leader', `/api/land/assessments/${farms}`),
      (r) => r.body.timeline.some((t) => t.fact === 'town_commended'),
    );
    expect(farmsTimeline.body.timeline.find((t) => t.fact === 'town_commended')!.summary).toMatch(
      /农林场.*予以通报表彰：新增高标准农田 1200 亩/,
    );

    const results = await eventually(
      () => get<{ counts: Record<string, number> }>('leader', `/api/land/assessments?year=${year}`),
      (r) => r.body.counts.commended === 1,
    );
    expect(results.body.counts).toMatchObject({
      total: 9,
      criticised: 2,
      commended: 1,
      passed: 0,
      suspended: 1,
      escalated: 1,
      reporting: 6,
    });
    const bad = await get('leader', '/api/land/assessments?year=19');
    expect(bad.status).toBe(400);
  });

  it('a retried action (same x-request-id) acts once and answers the same; a refusal is one problem shape', async () => {
    const daba = `${campaignId}.town-daba`;
    const verify = () =>
      api<RectificationSnapshot & { version: number }>(
        http(),
        `/api/land/rectifications/${daba}/actions/complete-step`,
        {
          token: tokens.natres,
          body: { step: 'verify' },
          headers: { 'x-request-id': `retry-verify-${daba}` },
        },
      );
    const before = await get<{ rectification: { version: number } }>(
      'natres',
      `/api/land/rectifications/${daba}`,
    );
    const first = await sentTwice(verify, 200);
    const after = await get<{ rectification: { version: number } }>(
      'natres',
      `/api/land/rectifications/${daba}`,
    );
    expect(after.body.rectification.version).toBe(first.body.version);
    expect(first.body.version).toBeGreaterThan(before.body.rectification.version);

    const refused = await api(http(), `/api/land/rectifications/${daba}/actions/complete-step`, {
      token: tokens.agri,
      body: { step: 'verify' },
      headers: { 'x-request-id': 'refused-verify' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(
      conflictProblem(`/api/land/rectifications/${daba}/actions/complete-step`, 'refused-verify'),
    );
  });

  it('documents the land routes in /api/openapi.json', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('leader', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/land/rectification-campaigns',
        '/api/land/rectifications/{id}/actions/{action}',
        '/api/land/assessments',
        '/api/land/towns',
        '/api/land/towns/{townCode}/suspension',
      ]),
    );
  });
});
