import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { RunningSystem } from '@duban/system';
import {
  SUPERVISION_TASK_QUEUE,
  supervisionWorkflowId,
  type StartItem,
} from '@duban/workflow-supervision/client';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';
import { launchChromium, passwordOf, shot, submitDialog } from './harness';

// Issue 19 §5: from a phone-sized browser (390×844), a bureau user opens the link an alert gives
// (the item's page, signed out at first) and signs the step there. On the `whole` shared stack.

describe('the console on a phone', () => {
  let system: RunningSystem;
  let browser: Browser;
  let connection: Connection;
  const contexts: BrowserContext[] = [];
  const itemId = `phone-${Date.now().toString(36)}`;

  beforeAll(async () => {
    const config = sharedWholeStack();
    system = await startWithoutGazette(config, ['edu']);
    connection = await Connection.connect({ address: config.temporal.address });
    const temporal = new Client({ connection, namespace: config.temporal.namespace });
    const input: StartItem = {
      itemId,
      docNo: '青政办发〔2019〕31号',
      ref: '三(三)',
      title: '回收、置换、购置的小区配套幼儿园（手机办理）',
      leadUnits: ['edu'],
      deadline: '2019-06-30',
    };
    await temporal.workflow.start('supervisionItemWorkflow', {
      taskQueue: SUPERVISION_TASK_QUEUE,
      workflowId: supervisionWorkflowId(itemId),
      args: [input],
    });
    const token = await login({ url: system.gateway.url }, 'bureau-edu', passwordOf('bureau-edu'));
    await eventually(
      () => api(system.gateway, `/api/items/${itemId}`, { token }),
      (r) => r.status === 200,
      { timeoutMs: 30_000 },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await connection?.close();
    await system?.close();
  });

  it('a bureau opens an alert’s link to the item and signs the step, all within the screen', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[phone] ${error.message}`));
    /** How wide the page is drawn: wider than the screen means something runs off its right edge. */
    const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    // The link as a message carries it (services/delivery messages.ts): the console's #/items/<id>.
    await page.goto(`${system.gateway.url}/#/items/${encodeURIComponent(itemId)}`);
    await page.fill('input[name=username]', 'bureau-edu');
    await page.fill('input[name=password]', passwordOf('bureau-edu'));
    await page.click('#login button[type=submit]');
    // Signed in, the link's page opens, not the first page of the menu.
    await page.locator('#item-state [data-state=assigned]').waitFor();

    // Nothing runs off the right edge, and the top bar is no column of single characters.
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    expect((await page.locator('#topbar').boundingBox())!.height).toBeLessThan(120);

    const sign = page.locator('#item-actions button[data-action=sign]');
    const box = (await sign.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeGreaterThanOrEqual(40);
    await sign.tap();
    await submitDialog(page, { note: '手机签收' });
    await page.locator('#item-state [data-state=signed]').waitFor();
    await shot(page, 'phone-item-signed');

    // 我的待办 as cards: each cell says its column.
    await page.goto(`${system.gateway.url}/#/inbox`);
    const card = page.locator(`#inbox tr[data-item="${itemId}"]`);
    await card.waitFor();
    // The cells are named in the animation frame after the row is drawn (app.js): wait for that
    // frame, or a loaded machine counts the row before its cells have their names.
    await card.locator('td[data-label]').first().waitFor();
    expect(await card.locator('td[data-label=操作]').count()).toBe(1);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    await shot(page, 'phone-inbox');
  });
});
