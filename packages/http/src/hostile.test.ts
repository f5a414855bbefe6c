import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { answerClientErrors } from './client-errors';
import { defineRoute, mountRoutes } from './define';
import { errorHandler, notFound } from './errors';
import { routeOperation } from './openapi';
import type { Principal, RouteAuth } from './principal';
import { problems } from './problem';

// Issue 12, defects 2 and 7: what the kit answers to requests no route should ever act on.

const inspector: Principal = { username: 'inspector', name: '督查室', role: 'inspector', unitCode: null };
// Every request is signed in unless it says `authorization: none`.
const auth: RouteAuth = {
  authenticate: () => (req, res, next) => {
    if (req.get('authorization') === 'none') throw problems.unauthenticated();
    res.locals.user = inspector;
    next();
  },
  principalOf: (res) => res.locals.user as Principal | undefined,
};

let acted = 0;
const routes = [
  defineRoute({
    method: 'get',
    path: '/things/:id',
    operationId: 'getThing',
    summary: 'one thing',
    tags: ['t'],
    access: 'user',
    params: z.object({ id: z.string() }),
    responses: { 200: { description: 'the thing' } },
    handler: ({ params, res }) => void res.json({ id: params.id }),
  }),
  defineRoute({
    method: 'post',
    path: '/things/:id',
    operationId: 'actOnThing',
    summary: 'act',
    tags: ['t'],
    access: { roles: ['inspector'] },
    body: z.object({ text: z.string() }),
    responses: { 200: { description: 'done' } },
    handler: ({ res }) => {
      acted += 1;
      res.json({ ok: true });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/list',
    operationId: 'list',
    summary: 'a list',
    tags: ['t'],
    access: 'user',
    query: z.object({ colour: z.string().optional() }),
    responses: { 200: { description: 'the list' } },
    handler: ({ query, res }) => void res.json(query),
  }),
  defineRoute({
    method: 'get',
    path: '/stream',
    operationId: 'stream',
    summary: 'token in the query',
    tags: ['t'],
    access: 'user',
    queryToken: true,
    responses: { 200: { description: 'ok' } },
    handler: ({ res }) => void res.json({ ok: true }),
  }),
  defineRoute({
    method: 'get',
    path: '/open',
    operationId: 'open',
    summary: 'public',
    tags: ['t'],
    access: 'public',
    responses: { 200: { description: 'ok' } },
    handler: ({ res }) => void res.json({ ok: true }),
  }),
];

describe('hostile input', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    const api = express.Router();
    api.use(express.json());
    mountRoutes(api, routes, auth);
    api.use(notFound());
    app.use('/api', api);
    app.use(errorHandler());
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    answerClientErrors(server);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(base + path, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, type: res.headers.get('content-type') ?? '', text };
  };

  it('a malformed percent-encoding in the path is a 400 naming it, before sign-in too', async () => {
    for (const headers of [{}, { authorization: 'none' }] as Record<string, string>[]) {
      const res = await call('/things/%zz', { headers });
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.text).toContain('百分号编码');
    }
  });

  it('a body not in its declared Content-Encoding is a 400 naming the encoding, and acts on nothing', async () => {
    const before = acted;
    for (const encoding of ['br', 'gzip', 'deflate']) {
      const res = await call('/things/1', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: '{"text":"x"}',
      });
      expect(res.status, encoding).toBe(400);
      expect(res.text).toContain(`${encoding} 压缩格式`);
    }
    expect(acted).toBe(before);
    // A body that is what it says is read as usual.
    const gz = await call('/things/1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync('{"text":"x"}'),
    });
    expect(gz.status).toBe(200);
  });

  it('a known path asked with another method is a 405 with Allow; an unknown path stays 404', async () => {
    const res = await call('/things/1', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(res.type).toContain('application/problem+json');
    expect((await call('/list', { method: 'PUT' })).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const options = await call('/list', { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS']);
    expect((await call('/nothing', { method: 'DELETE' })).status).toBe(404);
  });

  it('refuses unknown query keys on every route, naming each; the token route keeps access_token', async () => {
    const listed = await call('/list?colour=red&color=red');
    expect(listed.status).toBe(400);
    expect(JSON.parse(listed.text).errors).toEqual([{ field: 'query.color', message: '不允许的字段' }]);
    expect((await call('/list?colour=red')).status).toBe(200);
    expect((await call('/open?verbose=1')).text).toContain('query.verbose');
    expect((await call('/things/1?x=1')).status).toBe(400);
    expect((await call('/stream?access_token=abc')).status).toBe(200);
    expect((await call('/stream?access_token=abc&x=1')).status).toBe(400);
  });

  it('a 70 KB URL gets a 431 problem the client can read, not a reset connection', async () => {
    const res = await call(`/list?colour=${'a'.repeat(70_000)}`);
    expect(res.status).toBe(431);
    expect(JSON.parse(res.text)).toMatchObject({ status: 431, title: '请求头过大' });
  });

  it('a request that is not HTTP gets a 400 problem', async () => {
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('application/problem+json');
  });

  it('documents 400 on every operation and 401 on every one that needs a token', () => {
    for (const route of routes) {
      const statuses = Object.keys(routeOperation(route).responses);
      expect(statuses, route.operationId).toContain('400');
      if (route.access !== 'public') expect(statuses, route.operationId).toContain('401');
    }
    expect(Object.keys(routeOperation(routes[1]!).responses)).toContain('413');
  });
});
