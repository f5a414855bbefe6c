import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_STREAM, connectBus, ensureStreams, type Bus } from '@duban/bus';
import { ReadModels, type AlertDoc } from '@duban/contracts';
import { projectIdOf, type CaseSnapshot } from '@duban/workflow-kindergarten/client';
import { connectStore, type Store } from '@duban/store';
import { PROCESSES, type RunningSystem } from '@duban/system';
import { api, conflictProblem, login, sentTwice } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 5 end to end (青政办发〔2019〕31号): the whole system over the real engines and the HTTP
// API. The clock is today's, so every 2019/2020 deadline has passed: the truth, not an error.
const CAMPAIGN = 'kg-2019';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = '小区项目,所在镇,开发企业,土地性质,规划时间,建成时间,现状,拟定类别,项目状态';

describe('kindergarten rectification over the running system', () => {
  let system: RunningSystem;
  let store: Store;
  let bus: Bus;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const run = Date.now().toString(36);

  beforeAll(async () => {
    // The kindergarten files name their projects after their run: they share the `whole` stack.
    const config = sharedWholeStack();
    bus = await connectBus(config.nats.url);
    await ensureStreams(bus.jsm);
    await bus.jsm.streams.purge(EVENTS_STREAM);
    const bureaus = ['edu', 'hous', 'natres', 'fin', 'ndrc', 'staffing', 'civil'];
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
  });

  /** Posts a ledger: the answer is an import job (202, Location); `body` is that job once done. */
  const upload = async (token: string, body: Buffer | string, type: string) => {
    const res = await fetch(`${system.gateway.url}/api/campaigns/${CAMPAIGN}/ledger`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
    const posted = (await res.json()) as LedgerJob & { detail?: string };
    const location = res.headers.get('location');
    if (res.status !== 202 || !location) return { status: res.status, body: posted, posted, location };
    const job = await eventually(
      async () => (await api<LedgerJob>(http(), location, { token })).body,
      (j) => j.state === 'done',
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    return { status: res.status, body: job, posted, location };
  };
  type LedgerJob = {
    jobId: string;
    state: 'running' | 'done';
    rows: number;
    done: number;
    created: number;
    existing: number;
    rejected: number;
    failed: number;
    report: { row: number; status: string; reason?: string; caseId?: string }[];
  };
  const act = (unit: string, caseId: string, action: string, body: unknown) =>
    api<CaseSnapshot & { detail?: string }>(http(), `/api/cases/${caseId}/actions/${action}`, {
      token: tokens[unit],
      body,
    });

  const building = `锦绣华庭${run}`;
  const handover = `金色家园${run}`;
  const notStarted = `滨河新城${run}`;
  const csv = [
    HEADER,
    `${building},小坝镇,宁夏某置业有限公司,出让,2018-03-01,,未配建或配建不足,新建,在建`,
    `${handover},大坝镇,青铜峡某房地产公司,划拨,2012-05-01,2015-08-01,已建成未移交,移交,已建成`,
    `${notStarted},陈袁滩镇,某置业,出让,2019-01-10,,未配建或配建不足,新建,已批复未开工`,
    `坏行一${run},小坝镇,某公司,租赁,2012-05-01,2015-08-01,已建成未移交,移交,已建成`,
    `坏行二${run},叶盛镇,某公司,出让,2011-01-05,2013-01-01,违规出租、出售办成高收费民办园,移交,已建成`,
  ].join('\r\n');
  let buildCase = '';

  it('imports a csv ledger with a per-row report; importing it again creates nothing (四(一))', async () => {
    const first = await upload(tokens.edu!, csv, 'text/csv');
    expect(first.status).toBe(202);
    expect(first.location).toBe(`/api/campaigns/${CAMPAIGN}/ledger/imports/${first.posted.jobId}`);
    // The bad rows are reported at once; the good ones are registered in the background.
    expect(first.posted).toMatchObject({ rows: 5, rejected: 2 });
    expect(first.posted.report.filter((r) => r.status === 'rejected')).toHaveLength(2);
    expect(first.body).toMatchObject({ state: 'done', rows: 5, done: 5, failed: 0 });
    expect(first.body).toMatchObject({ created: 3, existing: 0, rejected: 2 });
    expect(first.body.report.filter((r) => r.status === 'rejected')).toEqual([
      { row: 5, status: 'rejected', reason: expect.stringMatching(/土地性质“租赁”应为 划拨 或 出让/) },
      { row: 6, status: 'rejected', reason: expect.stringMatching(/只能限期回收（三\(三\)）/) },
    ]);
    buildCase = first.body.report.find((r) => r.row === 2)!.caseId!;
    expect(buildCase).toBe(`${CAMPAIGN}.${projectIdOf('小坝镇', building)}`);

    const again = await upload(tokens.edu!, csv, 'text/csv');
    expect(again.body).toMatchObject({ created: 0, existing: 3, rejected: 2 });

    const refused = await upload(tokens.hous!, csv, 'text/csv');
    expect(refused.status).toBe(403);
  });

  it('imports an xlsx ledger the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      `幸福里${run}`,
      '青铜峡镇',
      '某公司',
      '出让',
      new Date('2008-03-01T00:00:00+08:00'),
      '2009-09-01',
      // 三(三): a high-fee one is recovered whatever its date, so the kept row is one not handed over.
      '已建成未移交',
      '不收回',
      '已建成',
    ]);
    sheet.addRow([
      `坏行三${run}`,
      '青铜峡镇',
      '某公司',
      '出让',
      '2010-11',
      '',
      '未配建或配建不足',
      '新建',
      '在建',
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(tokens.edu!, buffer, XLSX);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ created: 1, rejected: 1 });
    expect(res.body.report[1]).toMatchObject({ row: 3, reason: expect.stringMatching(/须写明日期/) });
  });

  it('refuses a ledger above the row limit with a 400 naming the limit; starts nothing', async () => {
    const rows = Array.from(
      { length: 5_001 },
      (_, i) => `超限小区${run}-${i},小坝镇,某公司,出让,2018-03-01,,未配建或配建不足,新建,在建`,
    );
    const res = await upload(tokens.edu!, [HEADER, ...rows].join('\r\n'), 'text/csv');
    expect(res.status).toBe(400);
    expect(res.posted.detail).toMatch(/最多导入 5000 行，本文件有 5001 行/);
    expect(await store.db.collection('kg_cases').countDocuments({ 'facts.projectName': /^超限小区/ })).toBe(
      0,
    );
  });

  it('shows an import job’s progress row by row until every row has its result', async () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `进度小区${run}-${i},大坝镇,某公司,出让,2018-03-01,,未配建或配建不足,新建,在建`,
    );
    const res = await upload(tokens.edu!, [HEADER, ...rows].join('\r\n'), 'text/csv');
    expect(res.status).toBe(202);
    expect(res.posted).toMatchObject({ state: 'running', rows: 12, rejected: 0 });
    expect(res.posted.done).toBeLessThan(12);
    expect(res.posted.report.filter((r) => r.status === 'pending').length).toBe(12 - res.posted.done);
    expect(res.body).toMatchObject({ state: 'done', rows: 12, done: 12, created: 12, failed: 0 });
    expect(res.body.report.map((r) => r.status)).toEqual(Array(12).fill('created'));
    // Only 教育局 follows the job, as only it imports.
    const other = await api(http(), res.location!, { token: tokens.hous });
    expect(other.status).toBe(403);
    const unknown = await api(http(), `/api/campaigns/${CAMPAIGN}/ledger/imports/kg-import-none`, {
      token: tokens.edu,
    });
    expect(unknown.status).toBe(404);
  });

  it('holds the completion filing of the project under construction, naming the case (三(一))', async () => {
    const projectId = projectIdOf('小坝镇', building);
    const permits = await eventually(
      () =>
        api<{ completionFiling: { held: boolean; caseId: string; reason: string } }>(
          http(),
          `/api/projects/${projectId}/permits`,
          { token: tokens.hous },
        ),
      (r) => r.body.completionFiling.held,
      { timeoutMs: 30_000 },
    );
    expect(permits.body.completionFiling).toMatchObject({ held: true, caseId: buildCase });
    const filing = await api<{ detail: string }>(http(), `/api/projects/${projectId}/completion-filing`, {
      token: tokens.hous,
      body: {},
    });
    expect(filing.status).toBe(409);
    expect(filing.body.detail).toContain(buildCase);

    // 自然资源局 holds the construction start of the project approved but not started.
    const other = projectIdOf('陈袁滩镇', notStarted);
    const start = await eventually(
      () =>
        api<{ constructionStart: { held: boolean; caseId: string } }>(
          http(),
          `/api/projects/${other}/permits`,
          {
            token: tokens.natres,
          },
        ),
      (r) => r.body.constructionStart.held,
      { timeoutMs: 30_000 },
    );
    expect(start.body.constructionStart.caseId).toBe(`${CAMPAIGN}.${other}`);
    const refused = await api<{ detail: string }>(http(), `/api/projects/${other}/construction-start`, {
      token: tokens.natres,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/不得开工/);
    expect(
      (await api(http(), `/api/projects/${other}/construction-start`, { token: tokens.hous, body: {} }))
        .status,
    ).toBe(403);
    // A project the ledger does not know is not a free one (issue 12).
    const unknown = await api<{ detail: string }>(http(), `/api/projects/nowhere-${run}/construction-start`, {
      token: tokens.natres,
      body: {},
    });
    expect([unknown.status, unknown.body.detail]).toEqual([404, expect.stringContaining('台账中没有')]);
  });

  type InboxEntry = {
    process: string;
    itemId: string;
    step: string;
    stepLabel: string;
    href: string;
    docNo: string;
    deadline: string | null;
    colour: string;
  };
  /** The case's entries in a bureau's 我的待办 (the shared inbox of every process). */
  const inboxOf = async (unit: string, caseId: string) => {
    const res = await api<{ unitCode: string; items: InboxEntry[] }>(http(), '/api/inbox?pageSize=200', {
      token: tokens[unit],
    });
    expect(res.status).toBe(200);
    expect(res.body.unitCode).toBe(unit);
    return res.body.items.filter((i) => i.process === 'kindergarten' && i.itemId === caseId);
  };
  /** A civil date in Qingtongxia `days` from today. */
  const shanghaiDate = (days: number) =>
    new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

  it('walks the build case through every bureau with its own login; the permit frees at 竣工验收', async () => {
    const projectId = projectIdOf('小坝镇', building);
    const survey = await eventually(
      () => inboxOf('edu', buildCase),
      (e) => e.length === 1,
    );
    expect(survey).toEqual([
      expect.objectContaining({
        step: 'survey',
        stepLabel: '调查摸底、列入台账并汇总',
        href: `#/kindergarten/cases/${buildCase}`,
        docNo: '青政办发〔2019〕31号',
        deadline: null,
        colour: 'green',
      }),
    ]);
    expect((await act('edu', buildCase, 'complete-step', { step: 'survey' })).status).toBe(200);
    const wrong = await act('edu', buildCase, 'plan', { category: 'handover', note: '移交' });
    expect(wrong.status).toBe(409);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.detail).toMatch(/只能补建、改建或新建/);
    let c = (await act('edu', buildCase, 'plan', { category: 'build', note: '就近新建' })).body;
    expect(c).toMatchObject({ phase: 'rectifying', category: 'build', colour: 'red' });

    // Each bureau's inbox holds its own open steps, with the category's deadline and colour.
    const inbox = await eventually(
      () =>
        api<{
          cases: { case: { caseId: string }; steps: { key: string; deadline: string; colour: string }[] }[];
        }>(http(), `/api/cases?campaignId=${CAMPAIGN}`, { token: tokens.ndrc }),
      (r) => r.body.cases.some((x) => x.case.caseId === buildCase),
    );
    expect(inbox.body.cases.find((r) => r.case.caseId === buildCase)?.steps).toEqual([
      expect.objectContaining({ key: 'project_approved', deadline: '2019-11-30', colour: 'red' }),
    ]);
    // The same steps in each bureau's 我的待办; 住建局's 竣工验收 waits for them, 教育局 has none left.
    for (const [unit, step] of [
      ['natres', 'land_allocated'],
      ['ndrc', 'project_approved'],
    ] as const) {
      const entries = await eventually(
        () => inboxOf(unit, buildCase),
        (e) => e.length === 1,
      );
      expect(entries).toEqual([expect.objectContaining({ step, deadline: '2019-11-30', colour: 'red' })]);
    }
    expect(
      await eventually(
        () => inboxOf('edu', buildCase),
        (e) => e.length === 0,
      ),
    ).toEqual([]);
    expect(await inboxOf('hous', buildCase)).toEqual([]);

    // Monthly progress report by the bureau holding the step; others have nothing to report.
    expect((await act('natres', buildCase, 'report-progress', { text: '正在重新审核规划' })).status).toBe(
      200,
    );
    const noStep = await act('fin', buildCase, 'report-progress', { text: '无' });
    expect(noStep.status).toBe(409);
    expect(noStep.body.detail).toMatch(/财政局在本案没有正在办理的整改步骤/);

    // 延期: 发改局 asks for its own step, 督查室 approves; the old and new deadlines stay in the history.
    const later = shanghaiDate(60);
    const ask = { steps: ['project_approved'], newDeadline: later, reason: '项目选址调整' };
    const notTheirs = await act('fin', buildCase, 'request-extension', ask);
    expect(notTheirs.status).toBe(409);
    expect(notTheirs.body.detail).toMatch(/由发改局办理，财政局不能申请延期/);
    const nothing = await act('inspector', buildCase, 'decide-extension', { approve: true, note: '同意' });
    expect(nothing.status).toBe(409);
    expect(nothing.body.detail).toMatch(/没有待审批的延期申请/);
    expect((await act('inspector', buildCase, 'extend', { newDeadline: later, reason: 'x' })).status).toBe(
      404,
    );
    const asked = await act('ndrc', buildCase, 'request-extension', ask);
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.pendingExtension).toMatchObject({ unitCode: 'ndrc', requestedDeadline: later });
    // The request waits in 督查室's one review queue, which says how to decide it.
    type Pending = {
      total: number;
      requests: {
        process: string;
        itemId: string;
        href: string;
        unitName: string;
        requestedDeadline: string;
        decide: { path: string; textField: string };
      }[];
    };
    const queue = await eventually(
      () => api<Pending>(http(), '/api/reviews/extensions', { token: tokens.inspector }),
      (r) => r.body.requests?.some((q) => q.itemId === buildCase),
    );
    expect(queue.body.requests.find((r) => r.itemId === buildCase)).toMatchObject({
      process: 'kindergarten',
      href: `#/kindergarten/cases/${encodeURIComponent(buildCase)}`,
      unitName: expect.stringContaining('发展和改革'),
      requestedDeadline: later,
      decide: {
        path: `/api/cases/${encodeURIComponent(buildCase)}/actions/decide-extension`,
        textField: 'note',
      },
    });
    expect((await api(http(), '/api/reviews/extensions', { token: tokens.ndrc })).status).toBe(403);
    // Refused at the gate by the grant table (issue 12: a role not granted is 403, not 409).
    const byBureau = await act('ndrc', buildCase, 'decide-extension', { approve: true, note: '同意' });
    expect(byBureau.status).toBe(403);
    expect(byBureau.body.detail).toMatch(/督查室/);
    const approved = await act('inspector', buildCase, 'decide-extension', {
      approve: true,
      note: '经领导小组同意',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.pendingExtension).toBeNull();
    await eventually(
      () => api<Pending>(http(), '/api/reviews/extensions', { token: tokens.inspector }),
      (r) => r.status === 200 && !r.body.requests.some((q) => q.itemId === buildCase),
    );
    expect(approved.body.steps.find((s) => s.key === 'project_approved')).toMatchObject({
      deadline: later,
      originalDeadline: '2019-11-30',
      colour: 'green',
    });
    expect(approved.body.deadlineHistory.map((d) => [d.step, d.previous, d.deadline, d.byUserId])).toEqual([
      ['project_approved', '2019-11-30', later, 'inspector'],
    ]);
    const moved = await eventually(
      () => inboxOf('ndrc', buildCase),
      (e) => e[0]?.deadline === later,
    );
    expect(moved).toEqual([
      expect.objectContaining({ step: 'project_approved', deadline: later, colour: 'green' }),
    ]);

    const notMine = await act('fin', buildCase, 'complete-step', { step: 'land_allocated' });
    expect(notMine.status).toBe(409);
    expect(notMine.body.detail).toMatch(/由自然资源局办理/);
    for (const [unit, step] of [
      ['natres', 'land_allocated'],
      ['ndrc', 'project_approved'],
    ] as const) {
      const res = await act(unit, buildCase, 'complete-step', { step });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // Done steps leave the inbox; 竣工验收 opens in 住建局's.
    expect(
      await eventually(
        () => inboxOf('ndrc', buildCase),
        (e) => e.length === 0,
      ),
    ).toEqual([]);
    const acceptance = await eventually(
      () => inboxOf('hous', buildCase),
      (e) => e.length === 1,
    );
    expect(acceptance).toEqual([
      expect.objectContaining({
        step: 'accepted',
        stepLabel: '幼儿园竣工验收',
        deadline: '2020-12-31',
        colour: 'red',
      }),
    ]);
    const accepted = await act('hous', buildCase, 'complete-step', { step: 'accepted' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const freed = await eventually(
      () =>
        api<{ completionFiling: { held: boolean } }>(http(), `/api/projects/${projectId}/permits`, {
          token: tokens.hous,
        }),
      (r) => !r.body.completionFiling.held,
      { timeoutMs: 30_000 },
    );
    expect(freed.body.completionFiling.held).toBe(false);
    expect(
      (await api(http(), `/api/projects/${projectId}/completion-filing`, { token: tokens.hous, body: {} }))
        .status,
    ).toBe(200);

    const registerAssets = (requestId: string) =>
      api<CaseSnapshot & { detail?: string }>(http(), `/api/cases/${buildCase}/actions/complete-step`, {
        token: tokens.natres,
        body: { step: 'assets_registered' },
        headers: { 'x-request-id': requestId },
      });
    expect((await registerAssets(`assets-${buildCase}`)).status).toBe(200);
    c = (
      await eventually(
        () => api<{ case: CaseSnapshot }>(http(), `/api/cases/${buildCase}`, { token: tokens.edu }),
        (r) => r.body.case.phase === 'handover',
      )
    ).body.case;
    expect(c.phase).toBe('handover');
    // The rectification child has closed: a retry of the same request (its answer was lost) still
    // gets 200, and any other request for the step is refused as done.
    const retried = await registerAssets(`assets-${buildCase}`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.phase).toBe('handover');
    const again = await registerAssets(`assets-again-${buildCase}`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('整改已结束');
    expect((await act('edu', buildCase, 'complete-step', { step: 'received' })).status).toBe(200);
    expect((await act('edu', buildCase, 'operate', { mode: 'for_profit' })).status).toBe(409);
    expect((await act('edu', buildCase, 'operate', { mode: 'public' })).status).toBe(200);
    c = (await act('staffing', buildCase, 'complete-step', { step: 'institution_registered' })).body;
    expect(c).toMatchObject({ phase: 'closed', colour: 'none' });
    for (const unit of ['edu', 'hous', 'natres', 'fin', 'ndrc', 'staffing', 'civil'])
      expect(
        await eventually(
          () => inboxOf(unit, buildCase),
          (e) => e.length === 0,
        ),
      ).toEqual([]);

    const detail = await eventually(
      () =>
        api<{ case: CaseSnapshot; timeline: { fact: string }[] }>(http(), `/api/cases/${buildCase}`, {
          token: tokens.leader,
        }),
      (r) => r.body.timeline.some((t) => t.fact === 'case_closed'),
      { timeoutMs: 30_000 },
    );
    const facts = detail.body.timeline.map((t) => t.fact);
    for (const fact of [
      'case_opened',
      'hold_placed',
      'case_planned',
      'rectification_started',
      'progress_reported',
      'extension_requested',
      'extension_decided',
      'case_escalated',
      'hold_lifted',
      'rectification_completed',
      'handover_completed',
      'operation_decided',
      'case_closed',
    ])
      expect(facts).toContain(fact);
  });

  it('gives the leadership group the overview, the red alerts and the ledger export (§7.2)', async () => {
    const overview = await eventually(
      () =>
        api<{
          total: number;
          byColour: Record<string, number>;
          atRisk: { caseId: string }[];
          byCategory: Record<string, number>;
        }>(http(), `/api/campaigns/${CAMPAIGN}/overview`, { token: tokens.leader }),
      (r) => r.body.total >= 3,
    );
    expect(overview.body.total).toBeGreaterThanOrEqual(3);
    expect(overview.body.byCategory.build).toBeGreaterThanOrEqual(1);
    // The city's cockpit counts the open cases with the other processes' things, by colour.
    type Cockpit = {
      byProcess: { process: string; counted: string; open: number; colours: Record<string, number> }[];
    };
    const kgCases = store.db.collection('kg_cases');
    const cockpit = await eventually(
      async () => ({
        res: await api<Cockpit>(http(), '/api/overview', { token: tokens.leader }),
        open: await kgCases.countDocuments({ phase: { $ne: 'closed' } }),
        red: await kgCases.countDocuments({ phase: { $ne: 'closed' }, colour: 'red' }),
      }),
      ({ res, open, red }) => {
        const kg = res.body.byProcess?.find((p) => p.process === 'kindergarten');
        return kg?.open === open && kg.colours.red === red;
      },
    );
    // Every registered process has its place in the cockpit, in the order of the list.
    expect(cockpit.res.body.byProcess.map((p) => p.process)).toEqual(PROCESSES.map((p) => p.name));
    expect(PROCESSES.map((p) => p.name).slice(0, 4)).toEqual([
      'supervision',
      'kindergarten',
      'cultivated-land',
      'land-use',
    ]);
    expect(cockpit.res.body.byProcess.find((p) => p.process === 'kindergarten')).toMatchObject({
      counted: '个案（一园一案）',
      open: cockpit.open,
      colours: expect.objectContaining({ red: cockpit.red }),
    });
    const red = await eventually(
      () =>
        store.db
          .collection<AlertDoc>(ReadModels.alerts)
          .find({ itemId: buildCase, audience: 'leader' })
          .toArray(),
      (docs) => docs.length > 0,
    );
    expect(red[0]).toMatchObject({ colour: 'red', docNo: '青政办发〔2019〕31号' });
    // Red since 2019-12-01, far more than ALERT_RED_ESCALATION_DAYS: escalated to 领导小组 at once.
    expect(red).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'overdue_escalated',
          message: expect.stringMatching(/请领导小组督办/),
        }),
      ]),
    );

    const res = await fetch(`${system.gateway.url}/api/campaigns/${CAMPAIGN}/ledger.xlsx`, {
      headers: { authorization: `Bearer ${tokens.edu}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const names = workbook.worksheets[0]!.getColumn(1).values.slice(2).map(String);
    expect(names).toEqual(expect.arrayContaining([building, handover]));
  });

  it('a retried case action (same x-request-id) acts once and answers the same; a refusal is one problem shape', async () => {
    const caseId = `${CAMPAIGN}.${projectIdOf('大坝镇', handover)}`;
    const survey = () =>
      api<CaseSnapshot>(http(), `/api/cases/${caseId}/actions/complete-step`, {
        token: tokens.edu,
        body: { step: 'survey' },
        headers: { 'x-request-id': `retry-survey-${caseId}` },
      });
    // Done twice, the step would be refused (409): the same answer means it was done once.
    const first = await sentTwice(survey, 200);
    expect(first.body.steps.find((s) => s.key === 'survey')?.state).toBe('done');

    const refused = await api(http(), `/api/cases/${caseId}/actions/complete-step`, {
      token: tokens.edu,
      body: { step: 'survey' },
      headers: { 'x-request-id': 'refused-survey' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(
      conflictProblem(`/api/cases/${caseId}/actions/complete-step`, 'refused-survey'),
    );
  });

  it('serves every kindergarten route in /api/openapi.json with bearer security and problem responses', async () => {
    const res = await api<{
      paths: Record<
        string,
        Record<string, { summary: string; security: unknown; responses: Record<string, unknown> }>
      >;
    }>(http(), '/api/openapi.json');
    expect(res.status).toBe(200);
    for (const [path, method] of [
      ['/api/campaigns', 'post'],
      ['/api/campaigns', 'get'],
      ['/api/campaigns/{id}/cases', 'post'],
      ['/api/campaigns/{id}/ledger', 'post'],
      ['/api/campaigns/{id}/ledger.xlsx', 'get'],
      ['/api/campaigns/{id}/ledger/imports/{jobId}', 'get'],
      ['/api/campaigns/{id}/overview', 'get'],
      ['/api/cases', 'get'],
      ['/api/cases/{id}', 'get'],
      ['/api/cases/{id}/actions/complete-step', 'post'],
      ['/api/cases/{id}/actions/report-progress', 'post'],
      ['/api/cases/{id}/actions/request-extension', 'post'],
      ['/api/cases/{id}/actions/decide-extension', 'post'],
      ['/api/projects/{id}/permits', 'get'],
      ['/api/projects/{id}/completion-filing', 'post'],
      ['/api/projects/{id}/construction-start', 'post'],
    ] as const) {
      const op = res.body.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op!.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(op!.security).toEqual([{ bearerAuth: [] }]);
      for (const status of ['400', '401', '403', '404', '409']) expect(op!.responses[status]).toBeDefined();
    }
    expect(res.body.paths['/api/cases/{id}/actions/extend']).toBeUndefined();
  });
});
