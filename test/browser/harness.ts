import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// What every browser test file shares: Debian's Chromium (no browser download), the dev users'
// passwords, signing in through the login form, screenshots into .screenshots/ (git-ignored),
// the action dialog, and reading a downloaded workbook back.

export const SHOTS = path.resolve(import.meta.dirname, '../../.screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const PASSWORDS: Record<string, string> = {
  inspector: 'duban-inspector-2019',
  leader: 'duban-leader-2019',
  admin: 'duban-admin-2019',
};
export const passwordOf = (user: string) =>
  PASSWORDS[user] ?? (user.startsWith('bureau-') ? 'duban-bureau-2019' : '');

export async function launchChromium(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh browser context per user (its own localStorage session), signed in through the form. */
export async function signIn(
  browser: Browser,
  base: string,
  user: string,
  contexts: BrowserContext[],
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  // A script error in the console is a bug: say it in the test output.
  page.on('pageerror', (error) => console.error(`[browser ${user}] ${error.message}`));
  await page.goto(`${base}/`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', passwordOf(user));
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#topbar:not([hidden])');
  return page;
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Fills and submits the action dialog that a button opened; throws with the refusal shown. */
export async function submitDialog(page: Page, values: Record<string, string> = {}) {
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  for (const [name, value] of Object.entries(values)) {
    const field = dialog.locator(`[name=${name}]`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await dialog.locator('button[type=submit]').click();
  // Either the action is accepted (the dialog closes) or the dialog shows the problem's detail.
  const error = dialog.locator('.error');
  await Promise.race([dialog.waitFor({ state: 'detached' }), error.waitFor()]);
  if (await error.isVisible().catch(() => false))
    throw new Error(`action refused: ${await error.textContent()}`);
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const bytes = await readFile(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

/** Submits the open dialog expecting a refusal; returns what it showed and closes the dialog. */
export async function refusedIn(page: Page, values: Record<string, string>): Promise<string> {
  const error = await submitDialog(page, values).then(
    () => '',
    (e: Error) => e.message,
  );
  await page.locator('dialog[open] button[type=button]').click();
  return error;
}

/** Opens `url` until `selector` shows: a read model is projected a moment after its workflow acts. */
export async function openWhenShown(page: Page, url: string, selector: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  await page.goto(url);
  for (;;) {
    const shown = await page
      .locator(selector)
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    if (shown) return;
    if (Date.now() > deadline) throw new Error(`${selector} not shown at ${url} within ${timeoutMs} ms`);
    await page.reload();
  }
}
