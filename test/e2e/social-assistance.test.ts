import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import type { CaseSnapshot, PurchaseSnapshot } from '@duban/workflow-social-assistance/client';
import { api, login } from '../../services/gateway/src/testing/harness';
import {
  launchChromium,
  openWhenShown,
  passwordOf,
  refusedIn,
  shot,
  signIn as signInAs,
  submitDialog,
} from '../browser/harness';
import { eventually } from '../support/engines';
import { addUnitWithLogin, sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 17 end to end (青政办发〔2019〕39号): the whole system on the `whole` project's shared stack,
// each party with its own login: 民政局, 财政局, the towns and 裕民街道, the provider (a unit of kind
// `provider`) and two officers (units of kind `officer` under 小坝镇 and 裕民街道), added by the
// administrator. The last test takes two steps in the console in Chromium on the same system (a
// browser file of its own would start the whole system again).
const SLOW = { timeoutMs: 60_000 };
type Problem = { status: number; detail: string };
type Inbox = { items: { itemId: string; step: string; colour: string; deadline: string | null }[] };

describe('social-assistance purchase and an officer’s household case over the running system', () => {
  let system: RunningSystem;
  const run = Date.now().toString(36);
  const provider = `provider-minsheng-${run}`;
  const officer = `officer-xiaoba-${run}`;
  const yuminOfficer = `officer-yumin-${run}`;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const as = <T = PurchaseSnapshot & Problem>(who: string, path: string, body?: unknown) =>
    api<T>(http(), path, { token: tokens[who], ...(body ? { body } : {}) });
  const purchaseStep = (who: string, action: string, body: unknown) =>
    as(who, `/api/social-assistance/purchases/GM-2019/actions/${action}`, body);

  const addUnit = async (code: string, name: string, kind: string, parent?: string) => {
    const unit = { code, name, kind, ...(parent ? { parent } : {}) };
    tokens[code] = await addUnitWithLogin(system.gateway.url, tokens.admin!, unit, passwordOf('bureau-x'));
  };
  const inInbox = (who: string, step: string) =>
    eventually(
      () => as<Inbox>(who, '/api/inbox'),
      (r) => r.body.items.some((i) => i.step === step),
      SLOW,
    );

  beforeAll(async () => {
    system = await startWithoutGazette(sharedWholeStack(), ['civil', 'fin', 'town-xiaoba', 'street-yumin']);
    for (const who of ['admin', 'leader']) tokens[who] = await login(http(), who, `duban-${who}-2019`);
    for (const unit of ['civil', 'fin', 'town-xiaoba', 'street-yumin'])
      tokens[unit] = await login(http(), `bureau-${unit}`, 'duban-bureau-2019');
    await addUnit(provider, `民生社会工作服务中心${run}`, 'provider');
    await addUnit(officer, `小坝镇入户核查员${run}`, 'officer', 'town-xiaoba');
    await addUnit(yuminOfficer, `裕民街道入户核查员${run}`, 'officer', 'street-yumin');
  });

  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await system?.close();
  });

  const household = (townCode: string, village: string) => ({
    applicant: `马某某${run}-${townCode}`,
    members: 3,
    townCode,
    village,
    kind: 'subsistence',
    statement: '户主患重病，家庭收入低于低保标准',
  });
  /** The officer takes a household's application (五(五)2(1)); the case's steps by their owners. */
  async function takeCase(by: string, townCode: string, village: string, takenOn: string) {
    const taken = await as<{ caseId: string }>(by, '/api/social-assistance/cases', {
      takenOn,
      household: { ...household(townCode, village), applicant: `${village}${run}-${takenOn}` },
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    const id = encodeURIComponent(taken.body.caseId);
    const step = (who: string, action: string, body: unknown) =>
      as<CaseSnapshot & Problem>(who, `/api/social-assistance/cases/${id}/actions/${action}`, body);
    return { caseId: taken.body.caseId, step };
  }
  /** 五(五)2(2)–(4): investigation and appraisal by the officer, 民政局's spot check. */
  async function toDecision(by: string, c: Awaited<ReturnType<typeof takeCase>>, from: string) {
    const signed = { signedByOfficer: true, signedByApplicant: true, findings: '收入属实' };
    expect((await c.step(by, 'investigate', { on: from, ...signed })).status).toBe(200);
    const appraisal = { on: from, representatives: 9, objections: false, note: '无异议' };
    expect((await c.step(by, 'appraise', appraisal)).status).toBe(200);
    const checked = await c.step('civil', 'spot-check', { on: from, confirmed: true, note: '抽查属实' });
    expect(checked.body).toMatchObject({ step: 'decision' });
  }

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
    // Seat 4 is 小坝镇's, seat 12 裕民街道's (五(二)).
    const seats = Array.from({ length: 12 }, (_, i) => ({
      seat: i + 1,
      code: i === 3 ? officer : i === 11 ? yuminOfficer : `officer-${run}-${i + 1}`,
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
    const taken = await as<{ caseId: string }>(officer, '/api/social-assistance/cases', {
      takenOn: '2019-12-20',
      household: household('town-xiaoba', '民乐村'),
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

  it('裕民街道 decides its own household’s case and is refused on 小坝镇’s; its officer takes only its own households (五(一), 五(五)2)', async () => {
    const own = await takeCase(yuminOfficer, 'street-yumin', '裕民社区', '2020-01-06');
    const elsewhere = await as<Problem>(yuminOfficer, '/api/social-assistance/cases', {
      takenOn: '2020-01-06',
      household: household('town-xiaoba', '民乐村'),
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.detail).toContain('五(一)');
    const other = await takeCase(officer, 'town-xiaoba', '民乐村', '2020-01-06');
    await Promise.all([
      toDecision(yuminOfficer, own, '2020-01-07'),
      toDecision(officer, other, '2020-01-07'),
    ]);
    await inInbox('street-yumin', 'decision');
    const decision = { on: '2020-01-08', approved: true, reasons: '符合低保条件' };
    const refused = await other.step('street-yumin', 'decide', decision);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('town-xiaoba');
    expect(refused.body.detail).toContain('五(五)2');
    const decided = await own.step('street-yumin', 'decide', decision);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ step: null, decision: 'approved' });
    // 裕民街道 lists its own households' cases, not 小坝镇's.
    const listed = await eventually(
      () =>
        as<{ cases: { caseId: string; step: string | null }[] }>(
          'street-yumin',
          '/api/social-assistance/cases',
        ),
      (r) => r.body.cases.some((c) => c.caseId === own.caseId && c.step === null),
      SLOW,
    );
    expect(listed.body.cases.map((c) => c.caseId)).not.toContain(other.caseId);
  });

  it('in the console: the officer records a case’s investigation (both signatures, 五(五)2(2)) and 财政局 the 40% (六(四), 五(三))', async () => {
    const c = await takeCase(officer, 'town-xiaoba', '新华村', '2020-01-09');
    browser = await launchChromium();
    const base = system.gateway.url;
    const signIn = (user: string): Promise<Page> => signInAs(browser!, base, user, contexts);

    const page = await signIn(`bureau-${officer}`);
    const actions = page.locator('#sa-case-actions');
    await openWhenShown(
      page,
      `${base}/#/social-assistance/cases/${encodeURIComponent(c.caseId)}`,
      '#sa-case-actions button[data-action=investigate]',
    );
    await actions.locator('button[data-action=investigate]').click();
    const unsigned = await refusedIn(page, { signedByApplicant: 'false', findings: '收入属实' });
    expect(unsigned).toContain('申请人签字确认');
    await actions.locator('button[data-action=investigate]').click();
    await submitDialog(page, { findings: '收入属实，家中无车辆' });
    await expect.poll(() => actions.getAttribute('data-step')).toBe('appraisal');
    expect(await actions.locator('button').evaluateAll((b) => b.map((x) => x.dataset.action))).toEqual([
      'appraise',
    ]);
    await shot(page, 'social-assistance-case-officer');

    const fin = await signIn('bureau-fin');
    await openWhenShown(
      fin,
      `${base}/#/social-assistance/purchases/GM-2019`,
      '#sa-actions button[data-action=pay]',
    );
    await fin.locator('#sa-actions button[data-action=pay]').click();
    const changed = await refusedIn(fin, { payment: 'Y1-mid', amountYuan: '240000' });
    expect(changed).toContain('六(四)');
    expect(changed).toContain('不得变更');
    await fin.locator('#sa-actions button[data-action=pay]').click();
    await submitDialog(fin, { payment: 'Y1-mid', on: '2019-12-30' });
    const row = fin.locator('#sa-payments tr[data-payment=Y1-mid]');
    await expect.poll(() => row.textContent()).toContain('2019-12-30');
    await shot(fin, 'social-assistance-purchase-fin');
  });
});
