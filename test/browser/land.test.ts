import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';
import { launchChromium, passwordOf, shot, signIn as signInAs, submitDialog } from './harness';

// 耕地保护 (青政办发〔2019〕28号) in the console: the towns, the 占补平衡 ledger, occupation
// requests with the rule that decided them, illegal-occupation cases, the yearly assessment with
// a failing town's land business suspended — set up through the API by 自然资源局 and a town,
// then read and worked in Debian's Chromium.

describe('the cultivated-land pages in a real browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const tokens: Record<string, string> = {};
  const run = Date.now().toString(36);
  const year = 2026;
  const targets = { cultivatedLandMu: 1000, basicFarmlandMu: 800, highStandardMu: 200 };
  let rectificationId = '';
  let caseId = '';

  const http = () => ({ url: system.gateway.url });
  const call = async <T = Record<string, unknown>>(user: string, path: string, body?: unknown) => {
    const res = await api<T>(http(), path, { token: tokens[user], ...(body === undefined ? {} : { body }) });
    expect(res.status, `${user} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };

  beforeAll(async () => {
    // Its ledger, assessments and cases are the only land data on the `whole` shared stack (the
    // land e2e files, whose ledger and assessments would meet these, run on stacks of their own).
    system = await startWithoutGazette(sharedWholeStack(), ['natres', 'town-daba', 'town-xiaoba']);
    base = system.gateway.url;
    for (const user of ['bureau-natres', 'bureau-town-daba', 'inspector'])
      tokens[user] = await login(http(), user, passwordOf(user));

    const opened = await call<{ rectifications: { rectificationId: string; townCode: string }[] }>(
      'bureau-natres',
      '/api/land/rectification-campaigns',
      {
        campaignId: `cl-rect-${run}`,
        startDate: '2026-11-01',
        deadlines: {
          verify: '2026-12-31',
          problems: '2027-01-31',
          plan: '2027-03-31',
          rectify: '2027-04-30',
          zones: '2027-05-31',
          amend: '2027-06-30',
        },
      },
    );
    rectificationId = opened.rectifications.find((r) => r.townCode === 'town-xiaoba')!.rectificationId;
    await call('bureau-natres', '/api/land/assessments', { year, reportDeadline: '2026-12-31', targets });
    // 大坝镇 falls short of its basic-farmland target: criticised, land business suspended.
    const daba = `cl-assess-${year}-town-daba`;
    await eventually(
      () => api(http(), `/api/land/assessments/${daba}`, { token: tokens['bureau-town-daba'] }),
      (r) => r.status === 200,
    );
    await call('bureau-town-daba', `/api/land/assessments/${daba}/actions/report`, {
      actuals: { cultivatedLandMu: 1000, basicFarmlandMu: 760, highStandardMu: 200 },
    });
    // 三(十): the 市政府 assesses, 督查室 acting for it.
    await call('inspector', `/api/land/assessments/${daba}/actions/assess`, {
      rectificationDeadline: '2027-03-31',
      note: '永久基本农田保护面积未达标',
    });
    await call('bureau-natres', '/api/land/ledger/compensations', {
      parcelNo: `BC-${run}-1`,
      townCode: 'town-xiaoba',
      areaMu: 50,
      grade: 5,
      sourceProject: '小坝镇土地整治项目',
      acceptedOn: '2026-11-20',
    });
    await call('bureau-natres', '/api/land/occupations', {
      project: `青铜峡物流园${run}`,
      townCode: 'town-xiaoba',
      areaMu: 20,
      grade: 6,
      keyLevel: 'region',
      kind: 'permanent',
      waitIfShort: false,
    });
    const refused = await api(http(), '/api/land/occupations', {
      token: tokens['bureau-natres'],
      body: {
        project: `工业园扩区${run}`,
        townCode: 'town-xiaoba',
        areaMu: 80,
        grade: 6,
        keyLevel: 'none',
        kind: 'permanent',
        waitIfShort: false,
      },
    });
    expect(refused.status).toBe(409);
    const opened2 = await call<{ caseId: string }>('bureau-natres', '/api/land/cases', {
      source: 'patrol',
      parcelNo: `WF-${run}`,
      townCode: 'town-yesheng',
      areaMu: 3.5,
      landKind: 'basic_farmland',
      party: '某养殖合作社',
      description: '在永久基本农田上建设养殖棚',
      foundOn: '2026-11-25',
    });
    caseId = opened2.caseId;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await system?.close();
  });

  const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, contexts);

  it('the inspector sees every town, the ledger, the decided requests with their rule, the cases and the assessments', async () => {
    const page = await signIn('inspector');
    await page.click('#nav a[data-page=land]');
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('#land-towns').waitFor();
          return page.locator('#land-towns tr[data-town=town-daba]').getAttribute('data-suspended');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('true');
    const daba = await page.locator('#land-towns tr[data-town=town-daba]').textContent();
    expect(daba).toContain('暂停办理');
    expect(daba).toContain('通报批评');
    const xiaoba = await page.locator('#land-towns tr[data-town=town-xiaoba]').textContent();
    expect(xiaoba).toContain('正常');
    expect(xiaoba).toContain('核实');

    await expect
      .poll(async () => {
        await page.reload();
        await page.locator('#land-occupations').waitFor();
        return page.locator('#land-occupations tbody tr[data-state]').count();
      })
      .toBe(2);
    expect(await page.locator('#land-occupations tr[data-state=approved]').textContent()).toContain(
      `BC-${run}-1`,
    );
    expect(await page.locator('#land-occupations tr[data-state=refused]').textContent()).toMatch(
      /占一补一|先补后占/,
    );
    expect(
      await page.locator('#land-balance-towns tr[data-town=town-xiaoba] [data-remaining]').textContent(),
    ).toBe('30 亩');
    expect(await page.locator(`#land-parcels tr[data-parcel="BC-${run}-1"]`).textContent()).toContain('5 等');
    const landCase = page.locator(`#land-cases tr[data-land-case="${caseId}"]`);
    expect(await landCase.textContent()).toContain('重大');
    expect(
      await page
        .locator(`#land-assessments tr[data-assessment="cl-assess-${year}-town-daba"]`)
        .getAttribute('data-outcome'),
    ).toBe('criticised');
    await shot(page, 'land-overview');

    // The major case (挂牌督办) reached the inspectors' alert centre, linking to the case page.
    const alert = page.locator(`#alert-feed li[data-process=land-use][data-item="${caseId}"]`).first();
    await expect
      .poll(
        async () => {
          await page.goto(`${base}/#/alerts`);
          await page.locator('#alert-feed li').first().waitFor();
          return alert.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    expect(await alert.locator('a').getAttribute('href')).toBe(`#/land/cases/${caseId}`);
    expect(await alert.textContent()).toContain('占补平衡与违法占地');
    await shot(page, 'inspector-alerts-land');
  });

  it('a town reports its year from the assessment page and it goes to 督查室 for the 市政府’s assessment (28号 三(十))', async () => {
    const page = await signIn('bureau-town-xiaoba');
    await page.goto(`${base}/#/land/assessments/cl-assess-${year}-town-xiaoba`);
    await page.locator('#land-actions button[data-action=report]').click();
    await submitDialog(page, { cultivatedLandMu: '1020', basicFarmlandMu: '805', highStandardMu: '210' });
    await expect.poll(() => page.locator('#land-phase').textContent()).toBe('考核评定');
    expect(await page.locator('#land-targets tr[data-target=basicFarmlandMu]').textContent()).toContain(
      '805 亩',
    );
    expect(await page.locator('.card').first().textContent()).toMatch(
      /考核评定（市政府督查室；农业农村局、统计局参与）/,
    );
    expect(await page.locator('#land-actions').count()).toBe(0);
    await shot(page, 'land-assessment');
  });

  it('督查室 commends 小坝镇 from its page: 通报表彰 is a decision with its reason (28号 三(十))', async () => {
    const page = await signIn('inspector');
    await page.goto(`${base}/#/land/assessments/cl-assess-${year}-town-xiaoba`);
    await page.locator('#land-actions button[data-action=assess]').waitFor();
    await page.locator('#land-actions button[data-action=commend]').click();
    await submitDialog(page, { reason: '新增高标准农田 10 亩，措施得力、成效突出' });
    await expect.poll(() => page.locator('#land-phase').textContent()).toBe('已办结');
    const card = await page.locator('.card').first().textContent();
    expect(card).toContain('通报表彰');
    expect(card).toContain('予以通报表彰：新增高标准农田 10 亩');
    expect(await page.locator('#land-assessors').textContent()).toMatch(
      /^市政府（.*督查室）；参与：.*农业农村局、.*统计局$/,
    );
    await shot(page, 'land-assessment-commended');
  });

  it('自然资源局 finds its step in 我的待办, opens the town rectification and completes it from the page', async () => {
    const page = await signIn('bureau-natres');
    const entry = page.locator(`#inbox tr[data-process=cultivated-land][data-item="${rectificationId}"]`);
    await expect
      .poll(
        async () => {
          await page.goto(`${base}/#/inbox`);
          await page.locator('#inbox tbody tr').first().waitFor();
          return entry.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    // The 业务 filter keeps only this process's steps.
    await page.selectOption('#inbox-process', 'cultivated-land');
    await expect
      .poll(() =>
        page
          .locator('#inbox tbody tr[data-process]')
          .evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-process')))]),
      )
      .toEqual(['cultivated-land']);
    await shot(page, 'land-inbox-natres');
    await entry.first().locator('a[data-action=open]').click();
    const verify = page.locator('#land-steps tr[data-step=verify]');
    await verify.locator('button[data-action=complete-step]').click();
    await submitDialog(page, { note: '已会同农业农村局核实划定成果' });
    await page.locator('#land-steps tr[data-step=verify][data-state=done]').waitFor();
    await page.locator('#land-steps tr[data-step=problems][data-state=open]').waitFor();
    // 二(二)'s steps: the town's 整改补划 after 自然资源局's plan; no review, no acceptance.
    expect(
      await page
        .locator('#land-steps tr[data-step]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step'))),
    ).toEqual(['verify', 'problems', 'plan', 'rectify', 'zones', 'amend']);
    await shot(page, 'land-rectification');

    // The illegal-occupation case moves on from its page: 调查取证 done.
    await page.goto(`${base}/#/land/cases/${caseId}`);
    await page.locator('#land-actions button[data-action=investigate]').click();
    await submitDialog(page, { note: '已现场勘测，查明占用永久基本农田 3.5 亩' });
    await expect.poll(() => page.locator('#land-case-step').textContent()).toBe('调查取证');
    await shot(page, 'land-case');

    // A town's occupation while it is suspended is refused, naming the assessment (三(十)).
    await page.goto(`${base}/#/land`);
    await page.locator('#land-actions button[data-action=request-occupation]').click();
    await expect(
      submitDialog(page, { project: `农产品市场${run}`, townCode: 'town-daba', areaMu: '5', grade: '6' }),
    ).rejects.toThrow(/暂停办理/);
  });
});
