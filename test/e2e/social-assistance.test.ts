import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import type { CaseSnapshot, PurchaseSnapshot } from '@duban/workflow-social-assistance/client';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 17 end to end (青政办发〔2019〕39号): the whole system on the `whole` project's shared stack,
// each party with its own login: 民政局, 财政局, the town, the provider (a unit of kind `provider`)
// and an officer (a unit of kind `officer` under the town), both added by the administrator.
const SLOW = { timeoutMs: 60_000 };
type Problem = { status: number; detail: string };
type Inbox = { items: { itemId: string; step: string; colour: string; deadline: string | null }[] };

describe('social-assistance purchase and an officer’s household case over the running system', () => {
  let system: RunningSystem;
  const run = Date.now().toString(36);
  const provider = `provider-minsheng-${run}`;
  const officer = `officer-xiaoba-${run}`;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const as = <T = PurchaseSnapshot & Problem>(who: string, path: string, body?: unknown) =>
    api<T>(http(), path, { token: tokens[who], ...(body ? { body } : {}) });
  const purchaseStep = (who: string, action: string, body: unknown) =>
    as(who, `/api/social-assistance/purchases/GM-2019/actions/${action}`, body);

  async function addUnitWithLogin(code: string, name: string, kind: string, parent?: string) {
    const unit = await api(http(), '/api/units', {
      token: tokens.admin,
      body: { code, name, shortName: name, kind, ...(parent ? { parent } : {}) },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const user = await api(http(), '/api/users', {
      token: tokens.admin,
      body: { username: `bureau-${code}`, name, role: 'bureau', unitCode: code, password: 'social-2019' },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    tokens[code] = await login(http(), `bureau-${code}`, 'social-2019');
  }
  const inInbox = (who: string, step: string) =>
    eventually(
      () => as<Inbox>(who, '/api/inbox'),
      (r) => r.body.items.some((i) => i.step === step),
      SLOW,
    );

  beforeAll(async () => {
    system = await startWithoutGazette(sharedWholeStack(), ['civil', 'fin', 'town-xiaoba']);
    for (const who of ['admin', 'leader']) tokens[who] = await login(http(), who, `duban-${who}-2019`);
    for (const unit of ['civil', 'fin', 'town-xiaoba'])
      tokens[unit] = await login(http(), `bureau-${unit}`, 'duban-bureau-2019');
    await addUnitWithLogin(provider, `民生社会工作服务中心${run}`, 'provider');
    await addUnitWithLogin(officer, `小坝镇入户核查员${run}`, 'officer', 'town-xiaoba');
  });

  afterAll(async () => {
    await system?.close();
  });

  it('民政局 runs the 2019 plan, 财政局 pays late (red, to the leaders), a failed evaluation holds the 40%; the officer’s case reaches the town’s decision', async () => {
    const opened = await as('civil', '/api/social-assistance/purchases', { year: 2019 });
    expect([200, 201]).toContain(opened.status);
    expect((await purchaseStep('fin', 'apply', { on: '2019-04-26' })).status).toBe(403);
    await purchaseStep('civil', 'apply', { on: '2019-04-26' });
    await purchaseStep('civil', 'procure', {
      on: '2019-05-09',
      provider: { code: provider, name: '民生社会工作服务中心' },
    });
    const contract = await purchaseStep('civil', 'contract', {
      signedOn: '2019-05-20',
      effectiveOn: '2019-05-20',
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(200);
    const first = contract.body.payments.find((x) => x.key === 'Y1-first')!;
    // 六(四): 15 working days from 2019-05-20 (端午 off) is 06-11; long past today, so red at once.
    expect(first).toMatchObject({ due: '2019-06-11', amountYuan: 301_440, colour: 'red' });
    await inInbox('fin', 'pay-Y1-first');
    await eventually(
      () => as<{ alerts: { itemId: string; colour: string }[] }>('leader', '/api/alerts'),
      (r) => r.body.alerts.some((a) => a.itemId === 'GM-2019' && a.colour === 'red'),
      SLOW,
    );
    const wrong = await purchaseStep('fin', 'pay', {
      payment: 'Y1-first',
      on: '2019-06-12',
      amountYuan: 300_000,
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toContain('六(四)');
    const paid = await purchaseStep('fin', 'pay', {
      payment: 'Y1-first',
      on: '2019-06-12',
      amountYuan: 301_440,
    });
    expect(paid.body.payments[0]).toMatchObject({ paidOn: '2019-06-12', late: true });

    await inInbox(provider, 'dispatch');
    const seats = Array.from({ length: 12 }, (_, i) => ({
      seat: i + 1,
      code: i === 3 ? officer : `officer-${run}-${i + 1}`,
      name: `核查员${i + 1}`,
    }));
    expect((await purchaseStep(provider, 'dispatch', { on: '2019-06-06', officers: seats })).status).toBe(
      200,
    );
    const scores = { serviceResults: 60, dailyManagement: 70, socialEffect: 65 };
    const panel = ['市民政局', '小坝镇', '承接主体', '救助对象代表'];
    await purchaseStep('civil', 'evaluate', {
      evaluation: 'Y1-H1',
      on: '2019-11-28',
      passed: false,
      scores,
      panel,
    });
    await inInbox(provider, 'rectify-Y1-H1');
    await purchaseStep(provider, 'rectify', { on: '2019-12-09', note: '调换两名核查员，补训一次' });
    const passed = await purchaseStep('civil', 'evaluate', {
      evaluation: 'Y1-H1',
      on: '2019-12-10',
      passed: true,
      scores: { ...scores, serviceResults: 85 },
      panel,
    });
    expect(passed.body.payments[1]).toMatchObject({ key: 'Y1-mid', held: null, due: '2019-12-31' });
    await inInbox('fin', 'pay-Y1-mid');

    // 五(五)2: the officer takes a household's application; each step in its owner's 我的待办.
    const household = {
      applicant: `马某某${run}`,
      members: 3,
      townCode: 'town-xiaoba',
      village: '民乐村',
      kind: 'subsistence',
      statement: '户主患重病，家庭收入低于低保标准',
    };
    const taken = await as<{ caseId: string }>(officer, '/api/social-assistance/cases', {
      takenOn: '2019-12-20',
      household,
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const id = encodeURIComponent(taken.body.caseId);
    const caseStep = (who: string, action: string, body: unknown) =>
      as<CaseSnapshot & Problem>(who, `/api/social-assistance/cases/${id}/actions/${action}`, body);
    await inInbox(officer, 'investigation');
    await caseStep(officer, 'investigate', {
      on: '2019-12-23',
      signedByOfficer: true,
      signedByApplicant: true,
      findings: '收入属实',
    });
    await caseStep(officer, 'appraise', {
      on: '2019-12-24',
      representatives: 12,
      objections: false,
      note: '无异议',
    });
    await inInbox('civil', 'spot-check');
    const early = await caseStep('town-xiaoba', 'decide', {
      on: '2019-12-25',
      approved: true,
      reasons: '符合',
    });
    expect(early.status).toBe(409);
    await caseStep('civil', 'spot-check', { on: '2019-12-27', confirmed: true, note: '抽查属实' });
    await inInbox('town-xiaoba', 'decision');
    const decided = await caseStep('town-xiaoba', 'decide', {
      on: '2019-12-30',
      approved: true,
      reasons: '符合低保条件',
    });
    expect(decided.body).toMatchObject({ step: null, decision: 'approved' });

    const sheet = await fetch(`${system.gateway.url}/api/social-assistance/purchases/GM-2019/budget.xlsx`, {
      headers: { authorization: `Bearer ${tokens.fin}` },
    });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
    const summary = await eventually(
      () =>
        as<{ purchases: { purchaseId: string; paidYuan: number }[] }>(
          'leader',
          '/api/social-assistance/summary',
        ),
      (r) => r.body.purchases.some((p) => p.purchaseId === 'GM-2019' && p.paidYuan === 301_440),
      SLOW,
    );
    expect(summary.status).toBe(200);
  });
});
