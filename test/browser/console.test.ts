import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type RunningSystem } from '@duban/system';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { LEDGER_COLUMNS } from '../../services/project-quality/src/ledger/sheet';
import { startOwnStack, type OwnStack } from '../support/own-stack';
import {
  launchChromium,
  openWhenShown,
  passwordOf,
  readWorkbook,
  shot,
  signIn as signInAs,
  submitDialog,
} from './harness';

// Issue 6: the web console in Debian's Chromium over the whole running system (worker, projector,
// alerts, gateway) on the bundled 2019 gazette. Screenshots go to .screenshots/ (git-ignored).

const USERS = ['bureau-edu', 'inspector', 'leader'];

interface ItemView {
  itemId: string;
  title: string;
  state: string;
  overallColour: string;
  deadline: string | null;
  leadUnits: string[];
  cooperatingUnits: string[];
}

describe('the web console in a real browser', () => {
  let ownStack: OwnStack | undefined;
  let system: RunningSystem;
  let browser: Browser;
  let base: string;
  const tokens: Record<string, string> = {};
  const contexts: BrowserContext[] = [];
  /** An edu-led red item the bureau walks to closing, and another one whose extension turns it green. */
  let closing: ItemView;
  let extending: ItemView;

  const http = () => ({ url: system.gateway.url });
  const item = async (id: string) =>
    (await api<{ item: ItemView }>(http(), `/api/items/${id}`, { token: tokens.leader })).body.item;
  const act = async (user: string, id: string, action: string, body: unknown) => {
    const res = await api(http(), `/api/items/${id}/actions/${action}`, { token: tokens[user], body });
    expect(res.status, `${user} ${action}: ${JSON.stringify(res.body)}`).toBe(200);
  };

  beforeAll(async () => {
    ownStack = await startOwnStack('browser', 40);
    const config = ownStack.config;
    system = await startSystem(config, { port: 0 });
    base = system.gateway.url;
    for (const user of USERS) tokens[user] = await login(http(), user, passwordOf(user));
    const expected = system.catalog!.items.started + system.catalog!.items.alreadyRunning;
    await eventually(
      () => api<{ total: number }>(http(), '/api/overview', { token: tokens.leader }),
      (r) => r.body.total === expected,
      { timeoutMs: 60_000 },
    );
    const red = await api<{ items: ItemView[] }>(
      http(),
      '/api/items?unit=edu&colour=red&state=assigned&pageSize=200',
      {
        token: tokens.leader,
      },
    );
    const own = red.body.items.filter((i) => i.leadUnits.length === 1 && i.leadUnits[0] === 'edu');
    // Closing needs no co-operating unit to finish first; any lead may ask for an extension.
    const alone = own.find((i) => i.cooperatingUnits.length === 0);
    expect(alone).toBeDefined();
    closing = alone!;
    extending = own.find((i) => i !== alone)!;
    expect(extending).toBeDefined();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await system?.close();
    await ownStack?.stop();
  });

  const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, contexts);

  const count = async (page: Page, key: string) =>
    Number(await page.locator(`#counts [data-count=${key}] b`).textContent());

  it('each role logs in and sees only its own pages', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const wrong = await context.newPage();
    await wrong.goto(`${base}/`);
    await wrong.fill('input[name=username]', 'inspector');
    await wrong.fill('input[name=password]', 'not-the-password');
    await wrong.click('#login button[type=submit]');
    await expect.poll(() => wrong.locator('#login .error').textContent()).toMatch(/用户名或密码/);
    await shot(wrong, 'login-error');

    const menus: Record<string, string[]> = {};
    for (const user of USERS) {
      const page = await signIn(user);
      menus[user] = await page
        .locator('#nav a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('data-page')!));
      await page.close();
    }
    // 引客入青 is a bureau page: agencies, spots and hotels are bureau users of their own units.
    expect(menus['bureau-edu']).toEqual([
      'inbox',
      'items',
      'kindergarten',
      'land',
      'land-transfer',
      'tourism',
      'social-assistance',
      'project-quality',
      'indicators',
      'delivery',
    ]);
    expect(menus.inspector).toContain('alerts');
    expect(menus.inspector).not.toContain('inbox');
    expect(menus.leader![0]).toBe('cockpit');
    expect(menus.leader).not.toContain('inbox');

    // An outside user (a travel agency the administrator adds: unit kind `business`) sees only the
    // pages opened to its kind, 引客入青, and no government desk; a desk asked for by hand sends it
    // to its own page, where it files its trips.
    const admin = await login(http(), 'admin', 'duban-admin-2019');
    const agency = `agency-console-${Date.now().toString(36)}`;
    const unit = await api(http(), '/api/units', {
      token: admin,
      body: { code: agency, name: '宁夏某国际旅行社', shortName: '某旅行社', kind: 'business' },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const user = await api(http(), '/api/users', {
      token: admin,
      body: {
        username: `bureau-${agency}`,
        name: '某旅行社',
        role: 'bureau',
        unitCode: agency,
        password: passwordOf('bureau-x'),
      },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    const outside = await signIn(`bureau-${agency}`);
    expect(
      await outside.locator('#nav a').evaluateAll((links) => links.map((a) => a.getAttribute('data-page'))),
    ).toEqual(['tourism']);
    await outside.goto(`${base}/#/inbox`);
    await outside.waitForURL(/#\/tourism$/);
    await outside.locator('#tourism-file').waitFor();
    expect(await outside.locator('#tourism-ranking').count()).toBe(0);
    await outside.close();

    // A bureau sent to the cockpit by hand lands on its own desk instead.
    const bureau = await signIn('bureau-edu');
    await bureau.goto(`${base}/#/cockpit`);
    await bureau.waitForURL(/#\/inbox$/);
    await bureau.waitForSelector('#inbox tbody tr[data-item]');
    await shot(bureau, 'bureau-inbox');
  });

  it('a bureau signs, reports progress and requests close from its desk; each result shows at once', async () => {
    const page = await signIn('bureau-edu');
    const row = page.locator(`#inbox tr[data-item="${closing.itemId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-colour]').getAttribute('data-colour')).toBe('red');
    expect(await row.textContent()).toMatch(/逾期 \d+ 天/);

    await row.locator('button[data-action=sign]').click();
    await submitDialog(page);
    await row.locator('[data-state=signed]').waitFor();

    await row.locator('button[data-action=progress]').click();
    await submitDialog(page, {
      text: '已完成园所摸底，形成一园一案',
      attachments: '摸底台账.xlsx\n一园一案.pdf',
    });
    await row.locator('[data-state=in_progress]').waitFor();

    await row.locator('button[data-action="request-close"]').click();
    await submitDialog(page, { summary: '整改完成，申请销号', attachments: '验收报告.pdf' });
    // Close requested: said at once; then the step leaves the desk (or stays without actions).
    await page.locator('#toast', { hasText: '事项状态：申请办结' }).waitFor();
    await Promise.race([
      row.locator('[data-state=close_requested]').waitFor(),
      row.waitFor({ state: 'detached' }),
    ]);
    expect(await row.locator('button[data-action]').count()).toBe(0);
    await expect
      .poll(async () => (await item(closing.itemId)).state, { timeout: 30_000 })
      .toBe('close_requested');

    await page.goto(`${base}/#/items/${closing.itemId}`);
    await page.locator('#timeline li[data-fact]').first().waitFor();
    const timeline = await page.locator('#timeline').textContent();
    expect(timeline).toContain('已完成园所摸底');
    expect(timeline).toContain('附件：摸底台账.xlsx、一园一案.pdf');
    expect(await page.locator('#provenance .source').textContent()).not.toBe('');
    await shot(page, 'bureau-item');
  });

  it('an inspector reviews and closes it, and the leader cockpit counts change', async () => {
    const leader = await signIn('leader');
    await leader.waitForSelector('#counts [data-count=red]');
    await leader.locator('#chart-units canvas').first().waitFor();
    const before = { red: await count(leader, 'red'), closed: await count(leader, 'closed') };
    await shot(leader, 'leader-cockpit');

    const inspector = await signIn('inspector');
    const row = inspector.locator(`#review-queue tr[data-item="${closing.itemId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.locator('button[data-action=review]').click();
    await submitDialog(inspector, { note: '材料齐全' });
    await row.locator('button[data-action=close]').waitFor({ timeout: 15_000 });
    await shot(inspector, 'inspector-review-queue');
    await row.locator('button[data-action=close]').click();
    await submitDialog(inspector, { opinion: '经复核，同意销号' });
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(async () => (await item(closing.itemId)).state, { timeout: 30_000 }).toBe('closed');

    await expect
      .poll(
        async () => {
          await leader.reload();
          await leader.waitForSelector('#counts [data-count=closed]');
          return { red: await count(leader, 'red'), closed: await count(leader, 'closed') };
        },
        { timeout: 15_000, interval: 500 },
      )
      .toEqual({ red: before.red - 1, closed: before.closed + 1 });
  });

  it('an alert appears live in the alert centre when an approved extension turns a red item green', async () => {
    const inspector = await signIn('inspector');
    await inspector.locator('#live-status.live:not(.off)').waitFor({ timeout: 15_000 });
    await act('bureau-edu', extending.itemId, 'sign', {});
    await act('bureau-edu', extending.itemId, 'request-extension', {
      newDeadline: '2099-12-31',
      reason: '资金未到位',
    });

    // The pending request shows in the inspector's queue; the inspector approves it there.
    const row = inspector.locator(`#extension-queue tr[data-item="${extending.itemId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.locator('button[data-action=approveExtension]').click();
    await submitDialog(inspector);

    const live = inspector.locator(`#alert-feed li.new[data-item="${extending.itemId}"]`).first();
    await live.waitFor({ timeout: 20_000 });
    expect(await live.locator('[data-colour]').getAttribute('data-colour')).toBe('green');
    await shot(inspector, 'inspector-alerts');
  });

  it('a leader writes an instruction (批示) on the item page and it joins the timeline', async () => {
    const leader = await signIn('leader');
    await leader.goto(`${base}/#/items/${extending.itemId}`);
    await leader.locator('#provenance .source').waitFor();
    await leader.locator('#item-actions button[data-action=instruct]').click();
    await submitDialog(leader, { text: '请教育局加快进度，月底前报送资金到位情况' });
    await expect
      .poll(
        async () => {
          await leader.reload();
          await leader.locator('#timeline li').first().waitFor();
          return leader.locator('#timeline').textContent();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toContain('月底前报送资金到位情况');
    await shot(leader, 'leader-item');
  });

  it('downloads the ledger and the overdue list as xlsx and serves a subscribable calendar', async () => {
    const leader = await signIn('leader');
    await leader.goto(`${base}/#/items`);
    await leader.waitForSelector('#items tbody tr[data-item]');
    await shot(leader, 'leader-items');

    const [ledgerDownload] = await Promise.all([
      leader.waitForEvent('download'),
      leader.click('#export-ledger'),
    ]);
    expect(ledgerDownload.suggestedFilename()).toMatch(/^督办台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ledger = await readWorkbook(await ledgerDownload.path());
    const sheet = ledger.getWorksheet('督办台账')!;
    expect(String(sheet.getCell('A1').value)).toContain('台账');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '文号',
      '条款',
      '事项',
      '牵头单位',
      '配合单位',
      '办理期限',
      '状态',
      '预警',
      '最新进展',
      '更新时间',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const rows = sheet.getRows(3, sheet.rowCount - 2)!;
    expect(rows.length).toBe(system.catalog!.items.started + system.catalog!.items.alreadyRunning);
    const closedRow = rows.find((r) => r.getCell(3).value !== null && r.getCell(4).value === closing.title);
    expect(closedRow?.getCell(8).value).toBe('已销号');
    const redRow = rows.find((r) => r.getCell(9).value === '逾期')!;
    expect(redRow.getCell(9).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });

    const [overdueDownload] = await Promise.all([
      leader.waitForEvent('download'),
      leader.click('#export-overdue'),
    ]);
    const overdue = await readWorkbook(await overdueDownload.path());
    const list = overdue.getWorksheet('逾期清单')!;
    const overdueRows = list.getRows(3, list.rowCount - 2) ?? [];
    expect(overdueRows.length).toBeGreaterThan(0);
    expect(overdueRows.every((r) => Number(r.getCell(8).value) > 0)).toBe(true);

    // The bureau's calendar link carries its token, as a calendar app's subscription would.
    const bureau = await signIn('bureau-edu');
    await bureau.waitForSelector('#inbox tbody tr');
    const href = await bureau.locator('a[data-calendar]').getAttribute('href');
    const ics = await (await fetch(new URL(href!, base))).text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    const events = ics.split('BEGIN:VEVENT').slice(1);
    const extended = events.find((e) => e.includes(`UID:${extending.itemId}.edu@duban`));
    expect(extended).toMatch(/DTSTART;VALUE=DATE:20991231/);
    expect(events.some((e) => e.includes(`UID:${closing.itemId}.edu@duban`))).toBe(false);
    const other = await fetch(`${base}/api/calendar/fin.ics?access_token=${tokens['bureau-edu']}`);
    expect(other.status).toBe(403);
  });
  // Issue 18 (40号 四(三)): a unit files a month it owes from the 项目建设 form; the month shows as
  // filed at once and leaves 我的待办. 发改局's ledger and year are set up over the API.
  it('a unit fills and files its monthly report on 项目建设, and the month leaves its desk', async () => {
    const ndrc = await login(http(), 'bureau-ndrc', passwordOf('bureau-ndrc'));
    const project = `B${Date.now().toString(36).toUpperCase()}`;
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('台账');
    // The office's first 11 columns, the ones an import needs.
    ws.addRow(LEDGER_COLUMNS.slice(0, 11).map(([head]) => head));
    ws.addRow([
      project,
      '第三中学教学楼改造',
      '吴忠市重点项目',
      '教育局',
      '分管副市长',
      '教育专班',
      '李某',
      800,
      400,
      '2019-03-01',
      '2019-12-31',
    ]);
    const imported = await fetch(`${base}/api/project-quality/projects/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ndrc}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    expect(((await imported.json()) as { imported: number }).imported).toBe(1);
    const opened = await api(http(), '/api/project-quality/years/2019/open', {
      token: ndrc,
      body: { fromMonth: 11 },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);

    const page = await signIn('bureau-edu');
    const owed = page.locator('#inbox tr[data-process="project-quality"][data-step="report-11"]');
    await openWhenShown(
      page,
      `${base}/#/inbox`,
      '#inbox tr[data-process="project-quality"][data-step="report-11"]',
    );
    expect(await owed.locator('[data-colour]').first().getAttribute('data-colour')).toBe('red');

    await page.goto(`${base}/#/project-quality`);
    await page.locator('#pq-month').fill('2019-11');
    await page.locator('#pq-month').dispatchEvent('change');
    await page.locator('#pq-report-month').selectOption('11');
    await page.fill('#pq-report-work', '11月完成教学楼主体改造');
    await page.fill(`#pq-report-lines input.pq-done[data-project="${project}"]`, '400');
    await page.check(`#pq-report-lines input.pq-started[data-project="${project}"]`);
    await page.fill(`#pq-report-lines input.pq-problems[data-project="${project}"]`, '冬季施工需保温');
    await page.click('#pq-report-send');
    await page.locator('#toast', { hasText: '已报送11月工作情况' }).waitFor();
    // Filed after 25 November (the year entered now): shown at once as 补报 in the units' months.
    await expect
      .poll(() => page.locator('#pq-years tr[data-unit="edu"] td').nth(11).textContent())
      .toMatch(/^补报 \d\d-\d\d$/);
    expect(await page.locator('#pq-report-month option[value="11"]').count()).toBe(0);
    type Years = { unitCode: string; months: { month: number; progress: { problems: string }[] }[] }[];
    await eventually(
      () => api<Years>(http(), '/api/project-quality/years/2019/units', { token: ndrc }),
      (r) =>
        r.body
          .find((y) => y.unitCode === 'edu')
          ?.months.find((m) => m.month === 11)
          ?.progress.some((l) => l.problems === '冬季施工需保温') === true,
      { timeoutMs: 20_000 },
    );
    await shot(page, 'bureau-project-quality-report');

    await expect
      .poll(
        async () => {
          await page.goto(`${base}/#/inbox`);
          await page.locator('#inbox tbody tr').first().waitFor();
          return owed.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(0);
  });
});
