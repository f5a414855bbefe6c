import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleRouter } from './index';

describe('the console router', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const handler = createConsoleRouter({ units: [{ code: 'edu', name: '青铜峡市教育局' }] });
    server = createServer((req, res) =>
      handler(req, res, () => {
        res.writeHead(404).end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the page, its modules and the vendored echarts', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/app.js');
    const app = await fetch(`${base}/app.js`);
    expect(app.headers.get('content-type')).toMatch(/javascript/);
    const echarts = await fetch(`${base}/vendor/echarts.min.js`);
    expect(echarts.status).toBe(200);
    expect((await echarts.text()).length).toBeGreaterThan(100_000);
  });

  it('names the units and passes on everything else', async () => {
    expect(await (await fetch(`${base}/units.json`)).json()).toEqual({
      units: [{ code: 'edu', name: '青铜峡市教育局' }],
    });
    expect(await (await fetch(`${base}/nothing-here.js`)).text()).toBe('next');
    expect(await (await fetch(`${base}/%2e%2e/package.json`)).text()).toBe('next');
    expect(await (await fetch(`${base}/app.js`, { method: 'POST' })).text()).toBe('next');
  });
});
