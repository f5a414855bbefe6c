import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIdOf } from '@duban/workflow-kindergarten/client';
import type { RunningSystem } from '@duban/system';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';
import { launchChromium, readWorkbook, shot, signIn as signInAs, submitDialog } from './harness';

// Issue 6 point 6: the kindergarten campaign (青政办发〔2019〕31号) in the console, in Debian's
// Chromium over the whole running system. The clock is today's, so every 2019/2020 deadline has
// passed and open steps are red: the truth, not an error.

const CAMPAIGN = 'kg-2019';
const HEADER = '小区项目,所在镇,开发企业,土地性质,规划时间,建成时间,现状,拟定类别,项目状态';

describe('the kindergarten campaign pages in a real browser', () => {
  let system: RunningSystem;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const run = Date.now().toString(36);
  const building = `锦绣华庭${run}`;
  const handover = `金色家园${run}`;
  const buildCase = `${CAMPAIGN}.${projectIdOf('小坝镇', building)}`;
  const handoverCase = `${CAMPAIGN}.${projectIdOf('大坝镇', handover)}`;
  const csv = [
    HEADER,
    `${building},小坝镇,宁夏某置业有限公司,出让,2018-03-01,,未配建或配建不足,新建,在建`,
    `${handover},大坝镇,青铜峡某房地产公司,划拨,2012-05-01,2015-08-01,已建成未移交,移交,已建成`,
    `坏行一${run},小坝镇,某公司,租赁,2012-05-01,2015-08-01,已建成未移交,移交,已建成`,
    `坏行二${run},叶盛镇,某公司,出让,2011-01-05,2013-01-01,违规出租、出售办成高收费民办园,移交,已建成`,
  ].join('\r\n');

  beforeAll(async () => {
    // Its projects and cases are named after its run: it shares the `whole` stack.
    system = await startWithoutGazette(sharedWholeStack(), ['edu', 'hous', 'natres']);
    base = system.gateway.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await system?.close();
  });

  const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, contexts);

  /** Uploads a file through the ledger page and waits for the per-row report. */
  async function uploadLedger(page: Page, name: string, mimeType: string, buffer: Buffer) {
    await page.goto(`${base}/#/kindergarten/ledger?campaign=${CAMPAIGN}`);
    await page.locator('#kg-ledger-file').setInputFiles({ name, mimeType, buffer });
    await page.click('#kg-ledger-upload');
    await page.locator('#kg-ledger-report tbody tr').first().waitFor({ timeout: 30_000 });
    return page.locator('#kg-ledger-report tbody tr').evaluateAll((rows) =>
      rows.map((tr) => ({
        row: Number(tr.getAttribute('data-row')),
        status: tr.getAttribute('data-status'),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      })),
    );
  }

  /** A number the board shows, read after a reload until it is what the test waits for. */
  async function boardNumber(page: Page, selector: string): Promise<number> {
    await page.reload();
    await page.locator('#kg-counts').waitFor();
    const cell = page.locator(selector);
    return (await cell.count()) ? Number((await cell.first().textContent())?.trim()) : 0;
  }

  it('教育局 uploads a csv ledger from the page and sees each row created or sent back, with the reason', async () => {
    const page = await signIn('bureau-edu');
    await page.click('#nav a[data-page=kindergarten]');
    await page.locator('#kg-counts').waitFor();
    await page.click('#kg-ledger-link');

    const rows = await uploadLedger(page, '台账.csv', 'text/csv', Buffer.from(csv, 'utf8'));
    expect(rows.map((r) => [r.row, r.status, r.cells[1]])).toEqual([
      [2, 'created', '新建'],
      [3, 'created', '新建'],
      [4, 'rejected', '退回'],
      [5, 'rejected', '退回'],
    ]);
    expect(rows[2]!.cells[2]).toContain('土地性质“租赁”应为 划拨 或 出让');
    expect(rows[3]!.cells[2]).toMatch(/只能限期回收（三\(三\)）/);
    expect(rows[0]!.cells[3]).toBe(buildCase);
    expect(await page.locator('#kg-ledger-summary').textContent()).toMatch(/新建 2.*已存在 0.*退回 2/);
    await shot(page, 'kg-ledger-report');

    // The same ledger again creates nothing: each good row finds its case.
    const again = await uploadLedger(page, '台账.csv', 'text/csv', Buffer.from(csv, 'utf8'));
    expect(again.map((r) => r.status)).toEqual(['exists', 'exists', 'rejected', 'rejected']);
    expect(again[0]!.cells[1]).toBe('已存在');
  });

  it('教育局 uploads an xlsx ledger built in Excel the same way', async () => {
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
    const page = await signIn('bureau-edu');
    const rows = await uploadLedger(
      page,
      '台账.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    );
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'rejected'],
    ]);
    expect(rows[1]!.cells[2]).toMatch(/须写明日期/);
    await shot(page, 'kg-ledger-xlsx-report');

    // Another bureau has no upload form: the ledger is 教育局's (四(一)).
    const hous = await signIn('bureau-hous');
    await hous.goto(`${base}/#/kindergarten/ledger?campaign=${CAMPAIGN}`);
    await hous.locator('h1', { hasText: '幼儿园治理台账' }).waitFor();
    expect(await hous.locator('#kg-ledger-form').count()).toBe(0);
  });

  it('the case page shows the facts, the steps by bureau, and the hold on the project with its permit', async () => {
    const page = await signIn('bureau-hous');
    await page.goto(`${base}/#/kindergarten/cases/${buildCase}`);
    await page.locator('#kg-steps tr[data-step=survey]').waitFor();
    expect(await page.locator('#kg-case-facts').textContent()).toContain('未配建或配建不足');
    expect(await page.locator('#kg-case-phase').getAttribute('data-phase')).toBe('survey');
    expect(await page.locator('#kg-steps tr[data-step=survey]').textContent()).toContain('教育局');
    const hold = page.locator('#kg-holds tr[data-hold=completion_filing]');
    expect(await hold.getAttribute('data-held')).toBe('true');
    expect(await hold.textContent()).toContain('竣工验收备案');
    expect(await hold.textContent()).toContain('幼儿园竣工验收');

    // 住建局 sees the permit held (from its own read model) and is refused the filing, in Chinese.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.locator('#kg-permits-table').waitFor();
          return page.locator('tr[data-permit-kind=completionFiling]').getAttribute('data-held');
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe('true');
    await page.click('button[data-permit=completion-filing]');
    await expect
      .poll(() => page.locator('#kg-permit-result .error').textContent())
      .toMatch(/竣工验收备案暂停办理.*个案/);
    // A bureau acts on its own steps only: the survey is 教育局's.
    expect(await page.locator('#kg-steps button[data-action]').count()).toBe(0);
    await page.locator('#kg-timeline li[data-fact=case_opened]').waitFor({ timeout: 30_000 });
    await shot(page, 'kg-case-held');
  });

  it('教育局 and 住建局 work a case from its page; each result shows at once and the board counts change', async () => {
    const leader = await signIn('leader');
    await leader.goto(`${base}/#/kindergarten?campaign=${CAMPAIGN}`);
    await leader.locator(`#kg-board .case-card[data-case="${handoverCase}"]`).waitFor({ timeout: 30_000 });
    const surveyBefore = await boardNumber(leader, '#kg-by-phase tr[data-phase=survey] b');
    const natresBefore = await boardNumber(leader, '#kg-by-bureau tr[data-bureau=natres] [data-open]');
    expect(surveyBefore).toBeGreaterThanOrEqual(3);
    await shot(leader, 'kg-board');

    const edu = await signIn('bureau-edu');
    await edu.goto(`${base}/#/kindergarten/cases/${handoverCase}`);
    await edu.locator('#kg-steps button[data-action=complete-step][data-step=survey]').click();
    await submitDialog(edu, { note: '已完成调查摸底，列入台账' });
    await edu.locator('#kg-steps tr[data-step=survey][data-state=done]').waitFor();
    expect(await edu.locator('#kg-case-phase').getAttribute('data-phase')).toBe('plan');

    // A wrong category is refused by the workflow, in Chinese, in the dialog.
    await edu.locator('#kg-steps button[data-action=plan]').click();
    await expect(submitDialog(edu, { category: 'build', note: '新建' })).rejects.toThrow(
      /已建成的幼儿园不需要补建、改建或新建（三\(一\)）/,
    );
    await edu.locator('dialog[open] button[type=button]').click();
    await edu.locator('#kg-steps button[data-action=plan]').click();
    await submitDialog(edu, { category: 'handover', note: '监督开发企业移交，办理资产登记' });
    await edu.locator('#kg-case-phase[data-phase=rectifying]').waitFor();
    await edu
      .locator('#kg-steps tr[data-step=developer_handover][data-state=open]')
      .waitFor({ timeout: 15_000 });
    await shot(edu, 'kg-case-edu');

    // 住建局's desk (我的待办) holds the step next to its supervision items and links to the case.
    const hous = await signIn('bureau-hous');
    const entry = hous.locator(`#inbox tr[data-process=kindergarten][data-item="${handoverCase}"]`);
    await expect
      .poll(
        async () => {
          await hous.goto(`${base}/#/inbox`);
          await hous.locator('#inbox tbody tr').first().waitFor();
          return entry.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    expect(await entry.textContent()).toContain('幼儿园治理');
    expect(await entry.textContent()).toContain('监督开发建设单位按规定移交');
    await shot(hous, 'kg-inbox-hous');
    await entry.locator('a[data-action=open]').click();
    await hous.waitForURL(new RegExp(`#/kindergarten/cases/${handoverCase.replace(/\./g, '\\.')}$`));
    const step = hous.locator('#kg-steps tr[data-step=developer_handover]');
    expect(await step.textContent()).toContain('住房和城乡建设局');
    expect(await step.locator('[data-colour]').getAttribute('data-colour')).toBe('red');
    // Only its own step offers buttons; 自然资源局's does not.
    expect(await hous.locator('#kg-steps tr[data-step=assets_registered] button').count()).toBe(0);
    await step.locator('button[data-action=complete-step]').click();
    await submitDialog(hous, { note: '已督促开发企业移交园舍' });
    await hous.locator('#kg-steps tr[data-step=developer_handover][data-state=done]').waitFor();
    expect(await step.textContent()).toContain('bureau-hous');
    await hous.locator('#kg-timeline li[data-fact=step_completed]').first().waitFor({ timeout: 15_000 });
    await shot(hous, 'kg-case-hous');

    // 自然资源局 reports its monthly progress on the step it now holds (DESIGN §5 滞后).
    const natres = await signIn('bureau-natres');
    await natres.goto(`${base}/#/kindergarten/cases/${handoverCase}`);
    await natres
      .locator('#kg-steps tr[data-step=assets_registered] button[data-action=report-progress]')
      .click();
    await submitDialog(natres, { text: '已收集园舍产权资料，正在办理不动产登记' });
    await natres.locator('#kg-timeline li[data-fact=progress_reported]').waitFor({ timeout: 15_000 });

    await expect
      .poll(() => boardNumber(leader, '#kg-by-phase tr[data-phase=survey] b'), { timeout: 30_000 })
      .toBe(surveyBefore - 1);
    // 自然资源局 now owes the asset registration of the handed-over kindergarten.
    await expect
      .poll(() => boardNumber(leader, '#kg-by-bureau tr[data-bureau=natres] [data-open]'), {
        timeout: 30_000,
      })
      .toBe(natresBefore + 1);
    await expect
      .poll(() => boardNumber(leader, '#kg-by-phase tr[data-phase=rectifying] b'))
      .toBeGreaterThan(0);
    await shot(leader, 'kg-board-after');
  });

  it('教育局 asks for a later deadline on its step; 督查室 approves it on the case page and the step turns green', async () => {
    const edu = await signIn('bureau-edu');
    await edu.goto(`${base}/#/kindergarten/cases/${buildCase}`);
    await edu.locator('#kg-steps button[data-action=complete-step][data-step=survey]').click();
    await submitDialog(edu);
    const plan = edu.locator('#kg-steps tr[data-step=plan]');
    await plan.locator('[data-colour=red]').waitFor();
    // Not earlier than the deadline it has: refused in Chinese.
    await plan.locator('button[data-action=request-extension]').click();
    await expect(submitDialog(edu, { newDeadline: '2019-01-31', reason: '资金未到位' })).rejects.toThrow(
      /必须晚于/,
    );
    await edu.locator('dialog[open] button[type=button]').click();
    await plan.locator('button[data-action=request-extension]').click();
    await submitDialog(edu, { newDeadline: '2099-06-30', reason: '补建选址需重新论证' });
    await edu.locator('#kg-pending-extension').waitFor();
    expect(await edu.locator('#kg-pending-extension').textContent()).toContain('2099-06-30');
    expect(await plan.locator('button[data-action=request-extension]').count()).toBe(0);

    // 督查室 sees the request in the 预警中心's one extension queue, beside the supervision ones …
    const inspector = await signIn('inspector');
    await inspector.goto(`${base}/#/alerts`);
    const queued = inspector.locator(
      `#extension-queue tr[data-process=kindergarten][data-item="${buildCase}"]`,
    );
    await expect.poll(() => queued.count(), { timeout: 30_000, interval: 500 }).toBe(1);
    expect(await queued.textContent()).toContain('2099-06-30');
    expect(await queued.locator('a').getAttribute('href')).toBe(
      `#/kindergarten/cases/${encodeURIComponent(buildCase)}`,
    );
    // … and on the board, and opens the case from it.
    await inspector.goto(`${base}/#/kindergarten?campaign=${CAMPAIGN}`);
    const request = inspector.locator(`#kg-pending-extensions tr[data-case="${buildCase}"]`);
    await expect
      .poll(
        async () => {
          await inspector.reload();
          await inspector.locator('#kg-counts').waitFor();
          return request.count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    expect(await request.textContent()).toContain('2099-06-30');
    await request.locator('a', { hasText: '审批' }).click();
    await inspector.locator('#kg-pending-extension').waitFor();
    await shot(inspector, 'kg-case-extension-request');
    await inspector.locator('#kg-case-actions button[data-action=approve-extension]').click();
    await submitDialog(inspector, { note: '同意延期，请抓紧论证' });
    await inspector.locator('#kg-pending-extension').waitFor({ state: 'detached' });
    const row = inspector.locator('#kg-steps tr[data-step=plan]');
    expect(await row.textContent()).toContain('2099-06-30');
    expect(await row.locator('[data-colour]').getAttribute('data-colour')).toBe('green');
  });

  it('the leadership downloads the ledger as xlsx from the page, with every case and its phase', async () => {
    const leader = await signIn('leader');
    await leader.goto(`${base}/#/kindergarten/ledger?campaign=${CAMPAIGN}`);
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      leader.click('#kg-ledger-export'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^幼儿园治理台账-kg-2019-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = await readWorkbook(await download.path());
    const sheet = book.getWorksheet('台账')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['小区项目', '所在镇', '开发企业']);
    const at = (name: string) => header.indexOf(name) + 1;
    const rows = sheet.getRows(2, sheet.rowCount - 1)!;
    const row = (project: string) => rows.find((r) => r.getCell(1).value === project);
    expect(row(building)?.getCell(at('个案编号')).value).toBe(buildCase);
    expect(row(handover)?.getCell(at('当前阶段')).value).toBe('整改');
    expect(row(`坏行一${run}`)).toBeUndefined();
  });

  it('督查室 opens a new round from the board; its deadlines keep the 2019 offsets and it starts empty', async () => {
    const inspector = await signIn('inspector');
    await inspector.goto(`${base}/#/kindergarten`);
    await inspector.click('#kg-open-campaign');
    await submitDialog(inspector, {
      campaignId: `kg-${run}`,
      title: `测试轮次${run}`,
      startDate: '2027-01-01',
    });
    await inspector.waitForURL(new RegExp(`campaign=kg-${run}`));
    await expect.poll(() => inspector.locator('#kg-campaign').inputValue()).toBe(`kg-${run}`);
    await expect.poll(() => inspector.locator('#kg-counts [data-count=total] b').textContent()).toBe('0');
    expect(await inspector.locator('#kg-deadlines').textContent()).toMatch(/移交 2027-03-31/);
  });
});
