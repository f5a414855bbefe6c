import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '@duban/config';
import { connectStore } from '@duban/store';
import { ReadModels, type InboxDoc, type TimelineDoc } from '@duban/contracts';
import { SupervisionEvents, supervisionWorkflowId } from '@duban/workflow-supervision/client';
import { createSupervisionWorker, type supervisionItemWorkflow } from '@duban/workflow-supervision';
import { EVENTS_STREAM, JetStreamHandledEventLedger, startConsumer } from '@duban/bus';
import { supervisionProcess } from '@duban/service-supervision';
import { connectEngines, eventually } from '../../../test/support/engines';
import { DEV_PASSWORDS, devUsers, seedUsers } from './auth/seed';
import { USERS, type UserDoc } from './auth/users';
import { startGateway } from './start';
import {
  api,
  EventStreamReader,
  insertItems,
  itemDoc,
  login,
  startHarness,
  type Harness,
} from './testing/harness';

// The gateway over the real engines (DESIGN §8): MongoDB-compatible store, NATS and Temporal.
// Items are read-model documents inserted here; the happy path through a live supervision
// workflow is covered by the end-to-end tests.

const NOW = new Date('2019-06-20T02:00:00Z'); // 2019-06-20 10:00 in Asia/Shanghai
const LEAD_UNITS = ['edu', 'hous', 'natres'];

describe('gateway', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness('gateway', { now: () => NOW });
    await seedUsers(h.db, { leadUnitCodes: LEAD_UNITS });
    await insertItems(h.db, [
      itemDoc('qzbf-2019-31.p1', {
        title: '全面摸底排查城镇小区配套幼儿园',
        overallColour: 'red',
        colour: 'red',
        deadline: '2019-04-30',
        leadUnits: ['edu'],
        cooperatingUnits: ['natres', 'hous'],
      }),
      itemDoc('qzbf-2019-31.p2', {
        title: '已建成幼儿园办理移交',
        overallColour: 'blue',
        deadline: '2019-06-30',
        leadUnits: ['hous'],
        cooperatingUnits: ['natres', 'edu'],
      }),
      itemDoc('qzbf-2019-31.p3', {
        title: '回收、置换、购置幼儿园',
        overallColour: 'red',
        deadline: '2019-03-31',
        leadUnits: ['hous'],
      }),
      itemDoc('qzbf-2019-28.p1', {
        docNo: '青政办发〔2019〕28号',
        title: '永久基本农田核实整改',
        overallColour: 'green',
        deadline: '2019-09-30',
        leadUnits: ['natres'],
      }),
      itemDoc('qdf-2019-14.p1', {
        docNo: '青党发〔2019〕14号',
        title: '落实主体责任',
        overallColour: 'green',
        deadline: null,
        leadUnits: ['natres'],
      }),
      itemDoc('qzbf-2019-30.p1', {
        docNo: '青政办发〔2019〕30号',
        title: '互联网+教育 网络覆盖',
        overallColour: 'none',
        colour: 'none',
        state: 'closed',
        deadline: '2019-05-31',
        leadUnits: ['edu'],
      }),
      itemDoc('qzbf-2019-30.p2', {
        docNo: '青政办发〔2019〕30号',
        title: '互联网+教育 教师培训',
        overallColour: 'yellow',
        reportMissing: true,
        deadline: '2019-12-31',
        leadUnits: ['edu'],
      }),
    ]);
    const timeline: TimelineDoc[] = [2, 1].map((version) => ({
      _id: `supervision-qzbf-2019-31.p1/step/${version}`,
      itemId: 'qzbf-2019-31.p1',
      version,
      type: 'cn.gov.qtx.duban.supervision.item_assigned.v1',
      fact: version === 1 ? 'item_assigned' : 'item_signed',
      summary: version === 1 ? '交办' : '教育局签收',
      at: new Date(`2019-04-2${version}T01:00:00Z`),
      actor: { userId: version === 1 ? null : 'bureau-edu', unitCode: null, requestId: null },
      data: {},
    }));
    await h.db.collection<TimelineDoc>(ReadModels.timeline).insertMany(timeline);
    const inbox = (
      itemId: string,
      unitCode: string,
      colour: InboxDoc['colour'],
      deadline: string | null,
    ): InboxDoc => ({
      _id: `${itemId}|${unitCode}`,
      process: 'supervision',
      itemId,
      href: `#/items/${itemId}`,
      unitCode,
      role: 'lead',
      step: 'assigned',
      stepLabel: '待签收',
      docNo: '青政办发〔2019〕31号',
      ref: '一',
      title: itemId,
      deadline,
      colour,
      updatedAt: new Date('2019-04-21T01:00:00Z'),
    });
    await h.db.collection<InboxDoc>(ReadModels.inbox).insertMany([
      inbox('qzbf-2019-30.p2', 'edu', 'yellow', '2019-12-31'),
      inbox('qzbf-2019-31.p1', 'edu', 'red', '2019-04-30'),
      {
        ...inbox('qzbf-2019-31.p2', 'edu', 'blue', '2019-06-30'),
        role: 'cooperating',
        step: 'subtask_assigned',
      },
      inbox('qzbf-2019-31.p2', 'hous', 'blue', '2019-06-30'),
      inbox('qzbf-2019-31.p3', 'hous', 'red', '2019-03-31'),
    ]);
    for (const user of ['admin', 'inspector', 'leader'] as const) {
      tokens[user] = await login(h, user, DEV_PASSWORDS[user]);
    }
    tokens.edu = await login(h, 'bureau-edu', DEV_PASSWORDS.bureau);
    tokens.hous = await login(h, 'bureau-hous', DEV_PASSWORDS.bureau);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('session', () => {
    it('logs in every role and tells who is signed in', async () => {
      const expected = {
        admin: { role: 'admin', unitCode: null },
        inspector: { role: 'inspector', unitCode: null, name: '督查室' },
        leader: { role: 'leader', unitCode: null, name: '分管领导' },
        'bureau-edu': { role: 'bureau', unitCode: 'edu', name: '青铜峡市教育局' },
      };
      for (const [username, user] of Object.entries(expected)) {
        const password = username.startsWith('bureau-')
          ? DEV_PASSWORDS.bureau
          : DEV_PASSWORDS[username as 'admin' | 'inspector' | 'leader'];
        const res = await api<{ token: string; tokenType: string; expiresAt: string; user: object }>(
          h,
          '/api/session',
          { body: { username, password } },
        );
        expect(res.status).toBe(200);
        expect(res.body.tokenType).toBe('Bearer');
        expect(res.body.user).toMatchObject({ username, ...user });
        expect(res.body.user).not.toHaveProperty('passwordHash');
        expect(new Date(res.body.expiresAt).getTime() - NOW.getTime()).toBe(8 * 3600 * 1000);
        const [, payload] = res.body.token.split('.');
        expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
          sub: username,
          role: user.role,
          iss: 'duban',
        });
        const me = await api(h, '/api/session', { token: res.body.token });
        expect(me.status).toBe(200);
        expect(me.body.user).toMatchObject({ username, ...user });
      }
    });

    it('a wrong password and an unknown user get the same 401 problem, and nothing leaks', async () => {
      const wrong = await api(h, '/api/session', {
        body: { username: 'inspector', password: 'not-the-password' },
      });
      const unknown = await api(h, '/api/session', {
        body: { username: 'nobody', password: 'not-the-password' },
      });
      for (const res of [wrong, unknown]) {
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.body).toMatchObject({
          status: 401,
          title: '未登录或登录已失效',
          detail: '用户名或密码不正确',
        });
        expect(res.body).not.toHaveProperty('token');
        expect(JSON.stringify(res.body)).not.toMatch(/scrypt|hash|nobody|inspector/);
      }
    });

    it('every other route needs a valid bearer token', async () => {
      for (const path of [
        '/api/items',
        '/api/inbox',
        '/api/overview',
        '/api/alerts',
        '/api/users',
        '/api/session',
      ]) {
        const res = await api(h, path);
        expect(res.status, path).toBe(401);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
      const forged = `${tokens.inspector!.slice(0, -4)}AAAA`;
      expect((await api(h, '/api/items', { token: forged })).status).toBe(401);
      expect(
        (await api(h, '/api/items', { headers: { authorization: `Basic ${tokens.inspector}` } })).status,
      ).toBe(401);
      // The query token is for the event stream only.
      expect((await api(h, `/api/items?access_token=${tokens.inspector}`)).status).toBe(401);
    });

    it('health and the OpenAPI document are public', async () => {
      const health = await api(h, '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'ok',
        engines: { mongodb: { ok: true }, nats: { ok: true }, temporal: { ok: true } },
      });
    });
  });

  describe('request plumbing', () => {
    it('echoes a caller-supplied request id, makes one otherwise, and puts it in problems', async () => {
      const own = await api(h, '/api/nowhere', { headers: { 'x-request-id': 'trace-42' } });
      expect(own.headers.get('x-request-id')).toBe('trace-42');
      expect(own.status).toBe(404);
      expect(own.body).toMatchObject({ status: 404, instance: '/api/nowhere', requestId: 'trace-42' });
      const made = await api(h, '/api/health', { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets security headers and rate-limit headers', async () => {
      const res = await api(h, '/api/health');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('ratelimit-policy')).toBeTruthy();
    });

    it('unknown routes under /api are 404 problems; malformed JSON is a 400 problem', async () => {
      const missing = await api(h, '/api/does-not-exist', { token: tokens.inspector });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const res = await fetch(`${h.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"username": ',
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'body' }] });
    });

    it('a body over the limit is refused with 413', async () => {
      const res = await api(h, '/api/session', { body: { username: 'x', password: 'y'.repeat(200_000) } });
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  describe('OpenAPI', () => {
    it('documents every route with its schemas and security', async () => {
      const res = await api<{
        openapi: string;
        paths: Record<
          string,
          Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>
        >;
        components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
      }>(h, '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      const operations = Object.entries(res.body.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(operations).toEqual(
        expect.arrayContaining([
          'POST /api/session',
          'GET /api/session',
          'POST /api/users/me/password',
          'GET /api/users',
          'POST /api/users',
          'POST /api/users/{id}/password',
          'GET /api/items',
          'GET /api/items/{id}',
          'GET /api/inbox',
          'GET /api/overview',
          'GET /api/alerts',
          'GET /api/alerts/stream',
          'GET /api/health',
          'GET /api/openapi.json',
          ...[
            'sign',
            'progress',
            'request-close',
            'review',
            'close',
            'return',
            'request-extension',
            'decide-extension',
            'instruct',
          ].map((a) => `POST /api/items/{id}/actions/${a}`),
        ]),
      );
      const ext = res.body.paths['/api/items/{id}/actions/request-extension']!.post!;
      expect(ext.security).toEqual([{ bearerAuth: [] }]);
      expect(ext.requestBody).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/RequestExtensionBody' } } },
      });
      expect(ext.responses['409']).toBeDefined();
      expect(res.body.components.schemas.RequestExtensionBody).toMatchObject({
        required: expect.arrayContaining(['newDeadline', 'reason']),
      });
      expect(res.body.paths['/api/health']!.get!.security).toEqual([]);
      expect(res.body.paths['/api/alerts/stream']!.get!.security).toEqual([
        { bearerAuth: [] },
        { accessTokenQuery: [] },
      ]);
      expect(res.body.components.securitySchemes).toHaveProperty('bearerAuth');
    });
  });

  describe('actions', () => {
    it('a bad body is a 400 naming the field, and nothing is sent to Temporal', async () => {
      const before = h.temporalCalls.length;
      const res = await api(h, '/api/items/qzbf-2019-31.p1/actions/request-extension', {
        token: tokens.edu,
        body: { newDeadline: 'soon', reason: '需要更多时间' },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'urn:duban:problem:invalid-request',
        status: 400,
        errors: [{ field: 'body.newDeadline', message: 'expected a date YYYY-MM-DD' }],
      });
      expect(res.body.detail).toContain('body.newDeadline: expected a date YYYY-MM-DD');

      // A well-formed date that does not exist never reaches a workflow timer.
      const impossible = await api(h, '/api/items/qzbf-2019-31.p1/actions/request-extension', {
        token: tokens.edu,
        body: { newDeadline: '2027-02-30', reason: '需要更多时间' },
      });
      expect(impossible.status).toBe(400);
      expect(impossible.body).toMatchObject({
        errors: [{ field: 'body.newDeadline', message: 'not a calendar date (no such day)' }],
      });

      const extra = await api(h, '/api/items/qzbf-2019-31.p1/actions/progress', {
        token: tokens.edu,
        body: { text: '', attachments: [{ name: 'x', url: 'not a url' }], surprise: true },
      });
      expect(extra.status).toBe(400);
      expect((extra.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'body.attachments.0.url',
        'body.surprise',
        'body.text',
      ]);
      expect(h.temporalCalls.length).toBe(before);
    });

    it('a bureau acting on an item its unit is not on gets 403, and nothing is sent', async () => {
      const before = h.temporalCalls.length;
      const res = await api(h, '/api/items/qzbf-2019-31.p3/actions/sign', { token: tokens.edu, body: {} });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toContain('qzbf-2019-31.p3');
      expect(h.temporalCalls.length).toBe(before);
    });

    it('inspector-only and leader-only actions by a bureau are 403, and nothing is sent', async () => {
      const before = h.temporalCalls.length;
      for (const [action, body] of [
        ['close', { opinion: '同意销号' }],
        ['review', {}],
        ['decide-extension', { approve: true, opinion: '同意' }],
        ['instruct', { text: '抓紧办理' }],
      ] as const) {
        const res = await api(h, `/api/items/qzbf-2019-31.p1/actions/${action}`, { token: tokens.edu, body });
        expect(res.status, action).toBe(403);
      }
      const admin = await api(h, '/api/items/qzbf-2019-31.p1/actions/close', {
        token: tokens.admin,
        body: { opinion: '同意' },
      });
      expect(admin.status).toBe(403);
      const inspectorSigns = await api(h, '/api/items/qzbf-2019-31.p1/actions/sign', {
        token: tokens.inspector,
        body: {},
      });
      expect(inspectorSigns.status).toBe(403);
      expect(h.temporalCalls.length).toBe(before);
    });

    it('an unknown action is a 400 naming params.action', async () => {
      const res = await api(h, '/api/items/qzbf-2019-31.p1/actions/approve-everything', {
        token: tokens.inspector,
        body: {},
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ errors: [{ field: 'params.action' }] });
    });

    it('an action on an item with no workflow is a 404 from Temporal', async () => {
      const before = h.temporalCalls.length;
      const res = await api(h, '/api/items/qzbf-2019-99.p1/actions/instruct', {
        token: tokens.leader,
        body: { text: '请尽快落实' },
        headers: { 'x-request-id': 'instruct-404' },
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ status: 404, requestId: 'instruct-404' });
      expect(h.temporalCalls.slice(before)).toEqual([
        { kind: 'update', workflowId: supervisionWorkflowId('qzbf-2019-99.p1'), name: 'itemAction' },
      ]);
    });

    it('a bureau acting on an item not yet projected asks the workflow; none → 404', async () => {
      const res = await api(h, '/api/items/qzbf-2019-98.p1/actions/sign', { token: tokens.edu, body: {} });
      expect(res.status).toBe(404);
      expect(h.temporalCalls.at(-1)).toMatchObject({ kind: 'query', name: 'itemSnapshot' });
    });
  });

  describe('items', () => {
    type Page = {
      items: { itemId: string; overallColour: string }[];
      total: number;
      page: number;
      pageSize: number;
    };

    it('lists every item in urgency order for inspectors and leaders', async () => {
      for (const token of [tokens.inspector, tokens.leader, tokens.admin]) {
        const res = await api<Page>(h, '/api/items', { token });
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(7);
        expect(res.body.items.map((i) => i.itemId)).toEqual([
          'qzbf-2019-31.p3', // red, 2019-03-31
          'qzbf-2019-31.p1', // red, 2019-04-30
          'qzbf-2019-30.p2', // yellow
          'qzbf-2019-31.p2', // blue
          'qzbf-2019-28.p1', // green, dated
          'qdf-2019-14.p1', // green, no deadline
          'qzbf-2019-30.p1', // closed
        ]);
        expect(res.body.items[0]).not.toHaveProperty('_id');
      }
    });

    it('pages across colours without losing or repeating an item', async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await api<Page>(h, `/api/items?page=${page}&pageSize=3`, { token: tokens.inspector });
        expect(res.body).toMatchObject({ total: 7, page, pageSize: 3 });
        seen.push(...res.body.items.map((i) => i.itemId));
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      expect(seen[0]).toBe('qzbf-2019-31.p3');
    });

    it('filters by document, unit, colour, state, due dates and title text', async () => {
      const ids = async (query: string) =>
        (await api<Page>(h, `/api/items?${query}`, { token: tokens.inspector })).body.items
          .map((i) => i.itemId)
          .sort();
      expect(await ids(`docNo=${encodeURIComponent('青政办发〔2019〕30号')}`)).toEqual([
        'qzbf-2019-30.p1',
        'qzbf-2019-30.p2',
      ]);
      expect(await ids('unit=natres')).toEqual([
        'qdf-2019-14.p1',
        'qzbf-2019-28.p1',
        'qzbf-2019-31.p1',
        'qzbf-2019-31.p2',
      ]);
      expect(await ids('colour=red')).toEqual(['qzbf-2019-31.p1', 'qzbf-2019-31.p3']);
      expect(await ids('state=closed')).toEqual(['qzbf-2019-30.p1']);
      expect(await ids('dueBefore=2019-04-30')).toEqual(['qzbf-2019-31.p1', 'qzbf-2019-31.p3']);
      expect(await ids('dueAfter=2019-07-01&dueBefore=2019-12-31')).toEqual([
        'qzbf-2019-28.p1',
        'qzbf-2019-30.p2',
      ]);
      expect(await ids(`q=${encodeURIComponent('幼儿园')}`)).toEqual([
        'qzbf-2019-31.p1',
        'qzbf-2019-31.p2',
        'qzbf-2019-31.p3',
      ]);
      expect(await ids(`q=${encodeURIComponent('互联网+')}`)).toEqual(['qzbf-2019-30.p1', 'qzbf-2019-30.p2']);
    });

    it('refuses bad filters and paging with the field named', async () => {
      const res = await api(h, '/api/items?dueBefore=2019-02-30&pageSize=500&colour=purple', {
        token: tokens.inspector,
      });
      expect(res.status).toBe(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'query.colour',
        'query.dueBefore',
        'query.pageSize',
      ]);
    });

    it('a bureau lists only items its unit leads or co-operates on', async () => {
      const res = await api<Page>(h, '/api/items', { token: tokens.edu });
      expect(res.body.items.map((i) => i.itemId).sort()).toEqual([
        'qzbf-2019-30.p1',
        'qzbf-2019-30.p2',
        'qzbf-2019-31.p1',
        'qzbf-2019-31.p2',
      ]);
      const narrowed = await api<Page>(h, '/api/items?unit=hous', { token: tokens.edu });
      expect(narrowed.body.items.map((i) => i.itemId).sort()).toEqual(['qzbf-2019-31.p1', 'qzbf-2019-31.p2']);
    });

    it('shows one item with its timeline in version order', async () => {
      const res = await api<{
        item: { itemId: string; updatedAt: string };
        timeline: { id: string; version: number }[];
      }>(h, '/api/items/qzbf-2019-31.p1', { token: tokens.leader });
      expect(res.status).toBe(200);
      expect(res.body.item).toMatchObject({
        itemId: 'qzbf-2019-31.p1',
        updatedAt: '2019-04-21T01:00:00.000Z',
      });
      expect(res.body.timeline.map((t) => t.version)).toEqual([1, 2]);
      expect(res.body.timeline[0]!.id).toBe('supervision-qzbf-2019-31.p1/step/1');
    });

    it('an item that does not exist is a 404 problem; another unit’s item is 403 for a bureau', async () => {
      const missing = await api(h, '/api/items/nope', { token: tokens.inspector });
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await api(h, '/api/items/qzbf-2019-31.p3', { token: tokens.edu })).status).toBe(403);
      expect((await api(h, '/api/items/qzbf-2019-31.p2', { token: tokens.edu })).status).toBe(200);
    });
  });

  describe('inbox', () => {
    type Inbox = {
      unitCode: string;
      today: string;
      total: number;
      items: { itemId: string; unitCode: string; daysLeft: number | null }[];
    };

    it('a bureau sees only its own unit’s open steps, most urgent first, with days left', async () => {
      const res = await api<Inbox>(h, '/api/inbox', { token: tokens.edu });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ unitCode: 'edu', today: '2019-06-20', total: 3 });
      expect(res.body.items.map((i) => [i.itemId, i.daysLeft])).toEqual([
        ['qzbf-2019-31.p1', -51],
        ['qzbf-2019-30.p2', 194],
        ['qzbf-2019-31.p2', 10],
      ]);
      expect(res.body.items.every((i) => i.unitCode === 'edu')).toBe(true);
      const hous = await api<Inbox>(h, '/api/inbox', { token: tokens.hous });
      expect(hous.body.items.map((i) => i.itemId)).toEqual(['qzbf-2019-31.p3', 'qzbf-2019-31.p2']);
    });

    it('a bureau cannot read another unit’s inbox; others name the unit', async () => {
      expect((await api(h, '/api/inbox?unit=hous', { token: tokens.edu })).status).toBe(403);
      const noUnit = await api(h, '/api/inbox', { token: tokens.inspector });
      expect(noUnit.status).toBe(400);
      expect(noUnit.body).toMatchObject({ errors: [{ field: 'query.unit' }] });
      const leader = await api<Inbox>(h, '/api/inbox?unit=hous', { token: tokens.leader });
      expect(leader.body.total).toBe(2);
    });
  });

  describe('overview', () => {
    it('counts open items by colour, by lead unit and by document, and lists the longest overdue', async () => {
      const res = await api<Record<string, unknown>>(h, '/api/overview', { token: tokens.leader });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        today: '2019-06-20',
        total: 7,
        open: 6,
        closed: 1,
        byColour: { red: 2, yellow: 1, blue: 1, green: 2, none: 0 },
      });
      const byUnit = res.body.byUnit as { unitCode: string; open: number; colours: Record<string, number> }[];
      expect(byUnit.map((u) => [u.unitCode, u.open, u.colours.red])).toEqual([
        ['edu', 2, 1],
        ['hous', 2, 1],
        ['natres', 2, 0],
      ]);
      expect(byUnit[0]!.unitCode).toBe('edu'); // tie on red: more yellow first
      const byDocument = res.body.byDocument as {
        docNo: string;
        open: number;
        colours: Record<string, number>;
      }[];
      expect(byDocument.find((d) => d.docNo === '青政办发〔2019〕31号')).toMatchObject({
        open: 3,
        colours: { red: 2, blue: 1 },
      });
      expect(byDocument.find((d) => d.docNo === '青政办发〔2019〕30号')).toMatchObject({ open: 1 });
      const overdue = res.body.longestOverdue as { itemId: string; daysOverdue: number }[];
      expect(overdue.map((o) => [o.itemId, o.daysOverdue])).toEqual([
        ['qzbf-2019-31.p3', 81],
        ['qzbf-2019-31.p1', 51],
      ]);
      // Each process of the list counts its own open things; supervision's are the items above.
      expect(res.body.byProcess).toEqual([
        {
          process: 'supervision',
          label: '督办事项',
          counted: '事项',
          open: 6,
          colours: { red: 2, yellow: 1, blue: 1, green: 2, none: 0 },
        },
      ]);
    });

    it('is for inspectors, leaders and administrators', async () => {
      expect((await api(h, '/api/overview', { token: tokens.edu })).status).toBe(403);
      expect((await api(h, '/api/overview', { token: tokens.inspector })).status).toBe(200);
    });
  });

  describe('users', () => {
    it('seeding is idempotent and lists one bureau user per lead unit', async () => {
      const again = await seedUsers(h.db, { leadUnitCodes: LEAD_UNITS });
      expect(again.created).toEqual([]);
      expect(again.existing.sort()).toEqual(
        devUsers(LEAD_UNITS)
          .map((u) => u.username)
          .sort(),
      );
      expect(devUsers(['edu']).map((u) => u.username)).toEqual([
        'admin',
        'inspector',
        'leader',
        'bureau-edu',
      ]);
      const stored = await h.db.collection<UserDoc>(USERS).findOne({ _id: 'bureau-hous' });
      expect(stored).toMatchObject({ role: 'bureau', unitCode: 'hous', name: '青铜峡市住房和城乡建设局' });
      expect(stored!.passwordHash).toMatch(/^scrypt\$/);
      expect(stored!.passwordHash).not.toContain(DEV_PASSWORDS.bureau);
    });

    it('an administrator lists, creates and resets users; nobody else can', async () => {
      const list = await api<{ users: { username: string }[]; total: number }>(h, '/api/users?role=bureau', {
        token: tokens.admin,
      });
      expect(list.status).toBe(200);
      expect(list.body.users.map((u) => u.username)).toEqual(['bureau-edu', 'bureau-hous', 'bureau-natres']);
      expect(JSON.stringify(list.body)).not.toContain('passwordHash');
      expect((await api(h, '/api/users', { token: tokens.inspector })).status).toBe(403);

      const bad = await api(h, '/api/users', {
        token: tokens.admin,
        body: { username: 'edu-2', name: '教育局二', role: 'bureau', password: 'short' },
      });
      expect(bad.status).toBe(400);
      expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'body.password',
        'body.unitCode',
      ]);

      const created = await api(h, '/api/users', {
        token: tokens.admin,
        body: {
          username: 'edu-2',
          name: '教育局二',
          role: 'bureau',
          unitCode: 'edu',
          password: 'edu-2-password',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'edu-2', role: 'bureau', unitCode: 'edu' });
      const dup = await api(h, '/api/users', {
        token: tokens.admin,
        body: {
          username: 'edu-2',
          name: '教育局二',
          role: 'bureau',
          unitCode: 'edu',
          password: 'edu-2-password',
        },
      });
      expect(dup.status).toBe(409);

      const token = await login(h, 'edu-2', 'edu-2-password');
      const reset = await api(h, '/api/users/edu-2/password', {
        token: tokens.admin,
        body: { newPassword: 'edu-2-new-password' },
      });
      expect(reset.status).toBe(200);
      expect((await api(h, '/api/session', { token })).status).toBe(401); // tokens before the reset end
      await login(h, 'edu-2', 'edu-2-new-password');
      expect(
        (
          await api(h, '/api/users/nobody/password', {
            token: tokens.admin,
            body: { newPassword: '0123456789' },
          })
        ).status,
      ).toBe(404);
    });

    it('a user changes their own password; old tokens end, and seeding never resets it', async () => {
      const oldToken = await login(h, 'bureau-natres', DEV_PASSWORDS.bureau);
      const wrong = await api(h, '/api/users/me/password', {
        token: oldToken,
        body: { currentPassword: 'not-it', newPassword: 'natres-secret-2019' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ errors: [{ field: 'body.currentPassword' }] });
      const tooShort = await api(h, '/api/users/me/password', {
        token: oldToken,
        body: { currentPassword: DEV_PASSWORDS.bureau, newPassword: 'short' },
      });
      expect(tooShort.body).toMatchObject({ errors: [{ field: 'body.newPassword' }] });

      const changed = await api<{ token: string }>(h, '/api/users/me/password', {
        token: oldToken,
        body: { currentPassword: DEV_PASSWORDS.bureau, newPassword: 'natres-secret-2019' },
      });
      expect(changed.status).toBe(200);
      expect((await api(h, '/api/session', { token: oldToken })).status).toBe(401);
      expect((await api(h, '/api/session', { token: changed.body.token })).status).toBe(200);

      await seedUsers(h.db, { leadUnitCodes: LEAD_UNITS });
      expect(
        (
          await api(h, '/api/session', {
            body: { username: 'bureau-natres', password: DEV_PASSWORDS.bureau },
          })
        ).status,
      ).toBe(401);
      await login(h, 'bureau-natres', 'natres-secret-2019');
    });
  });
});

describe('gateway rate limits', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('gateway_limits', { rateLimit: { sessionLimit: 2, limit: 20 } });
    await seedUsers(h.db, { leadUnitCodes: [] });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('failed logins are limited per client and username, with a 429 problem', async () => {
    const attempt = (username: string, password: string) =>
      api(h, '/api/session', { body: { username, password } });
    expect((await attempt('leader', 'guess-1')).status).toBe(401);
    expect((await attempt('leader', 'guess-2')).status).toBe(401);
    const limited = await attempt('leader', DEV_PASSWORDS.leader);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ status: 429, title: '请求过于频繁' });
    // Another username from the same client is not locked out by those failures.
    expect((await attempt('inspector', DEV_PASSWORDS.inspector)).status).toBe(200);
  });

  it('the general API limit applies to every /api route', async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++) last = (await api(h, '/api/health')).status;
    expect(last).toBe(429);
  });
});

describe('gateway request logs', () => {
  let h: Harness;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness('gateway_logs', { logger: pino({ level: 'info' }, stream) });
    await seedUsers(h.db, { leadUnitCodes: [] });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('writes one structured line per request with its id and user, and never the token', async () => {
    const token = await login(h, 'inspector', DEV_PASSWORDS.inspector);
    await api(h, '/api/items?page=1', { token, headers: { 'x-request-id': 'log-check-1' } });
    await api(h, `/api/items?access_token=${token}`, { headers: { 'x-request-id': 'log-check-2' } });
    await expect.poll(() => lines.filter((l) => JSON.stringify(l).includes('log-check-2')).length).toBe(1);
    const first = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'log-check-1');
    expect(first).toMatchObject({
      level: 30,
      req: { method: 'GET', url: '/api/items?page=1' },
      res: { statusCode: 200 },
      user: { id: 'inspector', role: 'inspector' },
    });
    expect(first).toHaveProperty('responseTime');
    const second = lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'log-check-2');
    expect(second).toMatchObject({ level: 40, res: { statusCode: 401 } });
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain(DEV_PASSWORDS.inspector);
  });
});

describe('startGateway', () => {
  it('connects to the configured engines, serves, and closes even with a stream open', async () => {
    const stack = inject('stack');
    const config = loadConfig({ ...stack.env, MONGODB_DB: `${stack.mongoDb}_gateway_start` });
    const gateway = await startGateway(config, {
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    let stream: EventStreamReader | undefined;
    try {
      const health = await api({ url: gateway.url }, '/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', temporalNamespace: 'default' });
      const store = await connectStore(config.mongo.uri, config.mongo.db);
      await seedUsers(store.db, { leadUnitCodes: [] });
      await store.close();
      const token = await login({ url: gateway.url }, 'leader', DEV_PASSWORDS.leader);
      stream = await EventStreamReader.open(`${gateway.url}/api/alerts/stream?access_token=${token}`);
      expect(await stream.until(() => stream!.comments.includes('connected'))).toBe(true);
    } finally {
      await gateway.close();
      await stream?.close();
    }
    await expect(fetch(`${gateway.url}/api/health`)).rejects.toThrow();
  });

  it('serves /metrics: the action by route, its Update by process, and the consumer of its event', async () => {
    const stack = inject('stack');
    const config = loadConfig({ ...stack.env, MONGODB_DB: `${stack.mongoDb}_gateway_metrics` });
    const engines = await connectEngines();
    const taskQueue = 'gateway-metrics-test';
    const worker = await createSupervisionWorker({
      connection: engines.nativeConnection,
      namespace: 'default',
      js: engines.bus.js,
      taskQueue,
    });
    const running = worker.run();
    // A consumer of this file's own (new) signing facts, as a projector would be.
    const durable = `gateway-metrics-${Date.now()}`;
    const ledger = new JetStreamHandledEventLedger(engines.bus);
    const consumer = await startConsumer(engines.bus, {
      durable,
      startAt: 'new',
      ledger,
      handlers: { [SupervisionEvents.ItemSigned.type]: async () => {} },
    });
    const gateway = await startGateway(config, {
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
      processes: [supervisionProcess],
      metricsToken: 'metrics-test-token-0123456789',
    });
    try {
      const store = await connectStore(config.mongo.uri, config.mongo.db);
      await store.db.dropDatabase();
      await seedUsers(store.db, { leadUnitCodes: ['edu'] });
      await store.close();
      const itemId = `metrics-${Date.now()}`;
      await engines.client.workflow.start<typeof supervisionItemWorkflow>('supervisionItemWorkflow', {
        taskQueue,
        workflowId: supervisionWorkflowId(itemId),
        args: [
          {
            itemId,
            docNo: '青政办发〔2019〕31号',
            ref: '三.(一)',
            title: '幼儿园移交',
            leadUnits: ['edu'],
            cooperatingUnits: [],
            deadline: '2019-12-31',
          },
        ],
      });
      const token = await login({ url: gateway.url }, 'bureau-edu', DEV_PASSWORDS.bureau);
      const signed = await api({ url: gateway.url }, `/api/items/${itemId}/actions/sign`, {
        token,
        body: {},
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
      // Signing again is refused by the workflow: an Update that ended `refused`, not `failed`.
      expect(
        (await api({ url: gateway.url }, `/api/items/${itemId}/actions/sign`, { token, body: {} })).status,
      ).toBe(409);

      const scrape = async () => (await fetch(`${gateway.url}/metrics`)).text();
      // The backlog is read from JetStream when scraped (cached 5 s): wait until it has caught up.
      const text = await eventually(
        scrape,
        (t) =>
          t.includes(`duban_consumer_events_total{durable="${durable}",outcome="handled"} 1`) &&
          t.includes(`duban_consumer_pending_messages{durable="${durable}"} 0`) &&
          t.includes(`duban_consumer_ack_pending_messages{durable="${durable}"} 0`),
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(text).toContain(`duban_consumer_events_total{durable="${durable}",outcome="handled"} 1`);
      expect(text).toContain(
        'duban_http_request_duration_seconds_count{method="POST",route="/api/items/:id/actions/sign",status="200"} 1',
      );
      expect(text).not.toContain(itemId);
      expect(text).toContain(
        'duban_temporal_update_duration_seconds_count{process="supervision",update="itemAction",outcome="answered"} 1',
      );
      expect(text).toContain(
        'duban_temporal_update_duration_seconds_count{process="supervision",update="itemAction",outcome="refused"} 1',
      );
      expect(text).toMatch(new RegExp(`duban_consumer_delay_seconds_count\\{durable="${durable}"\\} 1`));
      expect(text).toContain(`duban_consumer_pending_messages{durable="${durable}"} 0`);
      expect(text).toMatch(/duban_open_workflows\{process="supervision"\} \d+/);
      // From another host (here: a request a proxy forwarded) only with the operator token.
      const proxied = { 'x-forwarded-for': '203.0.113.9' };
      expect((await fetch(`${gateway.url}/metrics`, { headers: proxied })).status).toBe(403);
      const withToken = await fetch(`${gateway.url}/metrics`, {
        headers: { ...proxied, authorization: 'Bearer metrics-test-token-0123456789' },
      });
      expect(withToken.status).toBe(200);
      await withToken.text();
    } finally {
      await gateway.close();
      await consumer.stop();
      await engines.bus.jsm.consumers.delete(EVENTS_STREAM, durable).catch(() => false);
      await ledger.forgetConsumer(durable);
      worker.shutdown();
      await running;
      await engines.close();
    }
  });

  it('refuses to start in production without a JWT secret', async () => {
    const config = loadConfig({ ...inject('stack').env, NODE_ENV: 'production' });
    await expect(startGateway(config, { port: 0 })).rejects.toThrow(/JWT_SECRET/);
  });
});
