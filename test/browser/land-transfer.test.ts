import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import { api, login } from '../../services/gateway/src/testing/harness';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';
import { launchChromium, passwordOf, shot, signIn as signInAs, submitDialog } from './harness';

// 土地流转 (青政发〔2019〕34号) in the console: a village and two operators added by the
// administrator, two applications filed by the village through the API, then the village walks
// one through the villagers' meeting (第三十五条(二)), the village-tier decision (第三十六条, five
// checks of 第二十五–二十九条, refused 实施 with a failed check, 第三十条) and the contract in four
// copies (第二十条) in Chromium; an operator's login lists only its own application.

describe('the land-transfer pages in a real browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const run = Date.now().toString(36);
  const village = `village-lt-${run}`;
  const operator = `operator-lt-${run}`;
  const other = `operator-lt2-${run}`;
  let admin = '';
  let villageToken = '';
  const http = () => ({ url: system.gateway.url });
  const filed = { operator: '', other: '' };

  /** A unit and its bureau login, with the password the browser harness signs in with. */
  async function addUnit(code: string, name: string, kind: string, parent?: string) {
    const unit = await api(http(), '/api/units', {
      token: admin,
      body: { code, name, shortName: name, kind, ...(parent ? { parent } : {}) },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const user = await api(http(), '/api/users', {
      token: admin,
      body: {
        username: `bureau-${code}`,
        name,
        role: 'bureau',
        unitCode: code,
        password: passwordOf('bureau-x'),
      },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
  }

  async function file(operatorCode: string, operatorName: string, areaMu: number) {
    const res = await api<{ applicationId: string }>(http(), '/api/land-transfer/applications', {
      token: villageToken,
      body: {
        operatorCode,
        operatorName,
        operatorKind: 'enterprise',
        local: true,
        villageCode: village,
        villageName: '新华村',
        townCode: 'town-xiaoba',
        parcels: [{ name: '二组西滩', location: '新华村二组', areaMu }],
        use: '设施蔬菜种植',
        termStart: '2026-12-01',
        termEnd: '2028-12-31',
        rentPerMuYear: 600,
        filedOn: '2026-11-20',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.applicationId;
  }

  beforeAll(async () => {
    system = await startWithoutGazette(sharedWholeStack(), ['town-xiaoba', 'agri', 'agri-econ-station']);
    base = system.gateway.url;
    admin = await login(http(), 'admin', passwordOf('admin'));
    await addUnit(village, `新华村村委会${run}`, 'village', 'town-xiaoba');
    await addUnit(operator, `绿源农业有限公司${run}`, 'operator');
    await addUnit(other, `丰收种植大户${run}`, 'operator');
    villageToken = await login(http(), `bureau-${village}`, passwordOf('bureau-x'));
    filed.operator = await file(operator, '绿源农业有限公司', 50);
    filed.other = await file(other, '丰收种植大户', 60);
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await system?.close();
  });

  const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, contexts);
  const stage = (page: Page) => page.locator('#lt-facts').getAttribute('data-stage');
  const row = (page: Page, id: string) => page.locator(`#lt-applications tr[data-application="${id}"]`);
  /** Submits the open dialog expecting a refusal; returns what it showed and closes the dialog. */
  async function refused(page: Page, values: Record<string, string>): Promise<string> {
    const error = await submitDialog(page, values).then(
      () => '',
      (e: Error) => e.message,
    );
    await page.locator('dialog[open] button[type=button]').click();
    return error;
  }

  it('the village walks an application through the meeting, the village-tier decision and the contract', async () => {
    const page = await signIn(`bureau-${village}`);
    await expect
      .poll(
        async () => {
          await page.goto(`${base}/#/land-transfer`);
          await page.locator('#lt-applications').waitFor();
          return page.locator('#lt-applications tr[data-application]').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(2);
    expect(await row(page, filed.operator).textContent()).toContain('村级');
    await shot(page, 'land-transfer-board-village');
    await row(page, filed.operator).locator('a').click();
    await page.locator('#lt-facts').waitFor();
    expect(await stage(page)).toBe('meeting');

    // 第三十五条(二): 8 of 10 members is 80%, enough.
    await page.locator('#lt-actions button[data-action=meeting]').click();
    await submitDialog(page, { members: '10', present: '9', inFavour: '8' });
    await expect.poll(() => stage(page)).toBe('review');
    // Only the village tier's own decision: no 镇政府先行审查 for a 50-亩 application.
    expect(
      await page.locator('#lt-actions button').evaluateAll((b) => b.map((x) => x.dataset.action)),
    ).toEqual(['decide']);

    // 第三十条: 实施 with the credit check failed is refused, and the dialog says why.
    await page.locator('#lt-actions button[data-action=decide]').click();
    const why = await refused(page, {
      creditPassed: 'false',
      creditNote: '有拖欠租金记录',
      reasons: '村民同意',
    });
    expect(why).toContain('第三十条');
    expect(why).toContain('诚信');
    expect(await stage(page)).toBe('review');

    await page.locator('#lt-actions button[data-action=decide]').click();
    await submitDialog(page, { reasons: '村民代表座谈、现场查看，群众同意' });
    await expect.poll(() => stage(page)).toBe('contract');
    expect(await page.locator('#lt-facts').textContent()).toContain('实施：村民代表座谈');

    // 第二十条: the contract in four copies; one missing is refused.
    await page.locator('#lt-actions button[data-action=contract]').click();
    expect(await refused(page, { copy3: 'false' })).toContain('第二十条');
    await page.locator('#lt-actions button[data-action=contract]').click();
    await submitDialog(page);
    await expect.poll(() => stage(page)).toBe('filing');
    // Filing a village-tier decision is the town's (第三十六条): nothing for the village to do.
    expect(await page.locator('#lt-actions button').count()).toBe(0);
    await shot(page, 'land-transfer-application-village');
  });

  it('the town sees the filing of the village-tier decision as its step and files it (第三十六条)', async () => {
    const page = await signIn('bureau-town-xiaoba');
    await page.goto(`${base}/#/land-transfer/applications/${encodeURIComponent(filed.operator)}`);
    await page.locator('#lt-facts').waitFor();
    expect(await stage(page)).toBe('filing');
    expect(
      await page.locator('#lt-actions button').evaluateAll((b) => b.map((x) => x.dataset.action)),
    ).toEqual(['file']);
    await page.locator('#lt-actions button[data-action=file]').click();
    await submitDialog(page);
    await expect.poll(() => stage(page)).toBe('settlement');
  });

  it('an operator’s login lists only its own application, with no step of the village’s to take', async () => {
    const page = await signIn(`bureau-${other}`);
    await page.goto(`${base}/#/land-transfer`);
    await page.locator('#lt-applications').waitFor();
    const ids = await page
      .locator('#lt-applications tr[data-application]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-application')));
    expect(ids).toEqual([filed.other]);
    await row(page, filed.other).locator('a').click();
    await page.locator('#lt-facts').waitFor();
    expect(await stage(page)).toBe('meeting');
    expect(await page.locator('#lt-actions button').count()).toBe(0);
  });
  it('an operator files a new application in the console form: problems shown in the form in Chinese, then the application opens (第三十五条)', async () => {
    const page = await signIn(`bureau-${operator}`);
    await page.goto(`${base}/#/land-transfer`);
    await page.locator('#lt-apply').click();
    const form = {
      villageCode: village,
      parcelName: '三组北滩',
      parcelLocation: '新华村三组',
      parcelAreaMu: '0',
      use: '设施蔬菜种植',
      termStart: '2026-12-01',
      termEnd: '2028-12-31',
      rentPerMuYear: '600',
      filedOn: '2026-11-25',
    };
    const inline = () =>
      submitDialog(page, form).then(
        () => '',
        (e: Error) => e.message,
      );
    expect(await inline()).toContain('面积（亩）：须大于 0');
    form.parcelAreaMu = '80';
    form.termEnd = '2029-01-01';
    expect(await inline()).toContain('第二十二条');
    form.termEnd = '2028-12-31';
    await submitDialog(page, form);
    await page.locator('#lt-facts').waitFor();
    expect(await stage(page)).toBe('meeting');
    expect(await page.locator('h1', { hasText: '流转 新华村' }).textContent()).toContain('80 亩');
    await shot(page, 'land-transfer-filed-by-operator');
  });
});
