import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUnit, resolveUnitList, withUnitRegistry } from '@duban/units';
import { loadUnitRegistry, UNIT_ADDITIONS, UNIT_CHANGES } from '@duban/units/store';
import { DEV_PASSWORDS, seedUsers } from './auth/seed';
import { api, login, startHarness, type Harness } from './testing/harness';

// 单位管理 over the real store (issue 13): the administrator maps a name an import did not know
// and creates a unit, and the next parse, wrapped in the loaded registry, resolves both. Refused
// changes (400, 403, 404, 409) leave the additions as they were.

const NOW = new Date('2019-06-20T02:00:00Z');

describe('unit registry API', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const additions = async () =>
    (await h.db.collection(UNIT_ADDITIONS).find().sort({ _id: 1 }).toArray()).map((d) => d._id);

  beforeAll(async () => {
    h = await startHarness('units', { now: () => NOW });
    await seedUsers(h.db, { leadUnitCodes: ['edu'] });
    tokens.admin = await login(h, 'admin', DEV_PASSWORDS.admin);
    tokens.inspector = await login(h, 'inspector', DEV_PASSWORDS.inspector);
  });

  afterAll(async () => {
    await h?.close();
  });

  it('creates a unit and maps names; the next parse resolves them, attributed to the admin', async () => {
    expect(resolveUnit('市教体局').ok).toBe(false);
    const created = await api(h, '/api/units', {
      token: tokens.admin,
      body: {
        code: 'big-data',
        name: '青铜峡市大数据中心',
        shortName: '大数据中心',
        kind: 'agency',
        aliases: ['大数据中心'],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      code: 'big-data',
      kind: 'agency',
      created: { username: 'admin', at: NOW.toISOString() },
    });
    const mapped = await api(h, '/api/units/edu/aliases', { token: tokens.admin, body: { alias: '教体局' } });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    expect(mapped.body).toEqual({
      code: 'edu',
      alias: '教体局',
      added: { username: 'admin', name: expect.any(String), at: NOW.toISOString() },
    });
    expect(
      (await api(h, '/api/units/big-data/aliases', { token: tokens.admin, body: { alias: '数据局' } }))
        .status,
    ).toBe(201);

    const registry = await loadUnitRegistry(h.db);
    expect(withUnitRegistry(registry, () => resolveUnit('市教体局'))).toMatchObject({
      ok: true,
      unit: { code: 'edu' },
    });
    expect(
      withUnitRegistry(registry, () => resolveUnitList('市教体局、数据局').units.map((u) => u.code)),
    ).toEqual(['edu', 'big-data']);
    expect(resolveUnit('市教体局').ok).toBe(false); // outside the call: the built-in catalog

    const list = await api<{
      cityName: string;
      units: { code: string; aliases: string[]; officeAliases: { alias: string }[] }[];
    }>(h, '/api/units', { token: tokens.admin });
    expect(list.status).toBe(200);
    expect(list.body.cityName).toBe('青铜峡市');
    const edu = list.body.units.find((u) => u.code === 'edu');
    expect(edu?.aliases).toContain('教育局');
    expect(edu?.officeAliases.map((a) => a.alias)).toEqual(['教体局']);
  });

  it('refuses bad input (400), a name or code already taken (409), an unknown unit (404) and other roles (403), changing nothing', async () => {
    const before = await additions();
    const cases: [string, string, unknown, number, string?][] = [
      [
        'POST',
        '/api/units',
        { code: 'Bad Code', name: '青铜峡市某中心', shortName: '某中心', kind: 'agency' },
        400,
        'body.code',
      ],
      [
        'POST',
        '/api/units',
        { code: 'x-centre', name: '青铜峡市某中心', shortName: '某中心', kind: 'planet' },
        400,
        'body.kind',
      ],
      [
        'POST',
        '/api/units',
        { code: 'x-centre', name: '某中心', shortName: '某中心', kind: 'agency', parent: 'nope' },
        400,
        'body.parent',
      ],
      ['POST', '/api/units/edu/aliases', { alias: '财政局、审计局' }, 400, 'body.alias'],
      ['POST', '/api/units/edu/aliases', {}, 400, 'body.alias'],
      [
        'POST',
        '/api/units',
        { code: 'edu', name: '青铜峡市新教育局', shortName: '新教育局', kind: 'bureau' },
        409,
      ],
      ['POST', '/api/units', { code: 'x-centre', name: '某中心', shortName: '财政局', kind: 'agency' }, 409],
      ['POST', '/api/units/edu/aliases', { alias: '市财政局' }, 409],
      ['POST', '/api/units/edu/aliases', { alias: '教体局' }, 409],
      ['POST', '/api/units/fin/aliases', { alias: '教体局' }, 409],
      ['POST', '/api/units/no-such/aliases', { alias: '某某局' }, 404],
      ['DELETE', `/api/units/edu/aliases/${encodeURIComponent('教育局')}`, undefined, 404],
      ['DELETE', `/api/units/fin/aliases/${encodeURIComponent('教体局')}`, undefined, 404],
    ];
    for (const [method, path, body, status, field] of cases) {
      const res = await api<{ errors?: { field: string }[]; detail: string }>(h, path, {
        method,
        token: tokens.admin,
        body,
      });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`).toBe(
        status,
      );
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    const taken = await api<{ detail: string }>(h, '/api/units/edu/aliases', {
      token: tokens.admin,
      body: { alias: '市财政局' },
    });
    expect(taken.body.detail).toBe('「市财政局」已是青铜峡市财政局（fin）的名称');

    for (const [method, path, body] of [
      ['GET', '/api/units', undefined],
      ['POST', '/api/units/edu/aliases', { alias: '教科局' }],
      ['DELETE', `/api/units/edu/aliases/${encodeURIComponent('教体局')}`, undefined],
    ] as const) {
      expect(
        (await api(h, path, { method, token: tokens.inspector, body })).status,
        `${method} ${path}`,
      ).toBe(403);
    }
    expect(await additions()).toEqual(before);
  });

  it('removes a name the office added, on record with who and when', async () => {
    const res = await api(h, `/api/units/edu/aliases/${encodeURIComponent('教体局')}`, {
      method: 'DELETE',
      token: tokens.admin,
    });
    expect(res.status).toBe(204);
    expect(withUnitRegistry(await loadUnitRegistry(h.db), () => resolveUnit('教体局').ok)).toBe(false);
    const changes = await h.db.collection(UNIT_CHANGES).find().sort({ at: 1, _id: 1 }).toArray();
    expect(changes.map((c) => [c.action, c.code, c.alias ?? null, c.by.username])).toEqual([
      ['unit-created', 'big-data', null, 'admin'],
      ['alias-added', 'edu', '教体局', 'admin'],
      ['alias-added', 'big-data', '数据局', 'admin'],
      ['alias-removed', 'edu', '教体局', 'admin'],
    ]);
  });
});
