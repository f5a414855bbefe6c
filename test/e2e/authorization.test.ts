import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { connectBus, ensureStreams, EVENTS_STREAM, type Bus } from '@duban/bus';
import { loadConfig } from '@duban/config';
import { isGranted, type Grant, type GrantTable, type Role } from '@duban/contracts';
import { connectStore, type Store } from '@duban/store';
import { seedUsers, startGateway, type RunningGateway } from '@duban/service-gateway';
import { MODULES } from '@duban/system';
import {
  AssessmentGrants,
  CultivatedLandGrants,
  OpenRectificationCampaignSchema,
  RectificationGrants,
  SetAssessmentTargetsSchema,
} from '@duban/workflow-cultivated-land/client';
import { CaseGrants, KindergartenGrants } from '@duban/workflow-kindergarten/client';
import { LandTransferGrants } from '@duban/workflow-land-transfer/client';
import {
  AcceptCompensationSchema,
  LandUseGrants,
  OpenLandCaseSchema,
  RequestOccupationSchema,
} from '@duban/workflow-land-use/client';
import { ProjectQualityGrants } from '@duban/workflow-project-quality/client';
import { CIVIL, SocialAssistanceGrants } from '@duban/workflow-social-assistance/client';
import { SupervisionGrants } from '@duban/workflow-supervision/client';
import { MARKETING_CENTRE, TourismGrants } from '@duban/workflow-tourism/client';
import { api, login } from '../../services/gateway/src/testing/harness';

// The authorization matrix (issue 12, item 9), generated from the OpenAPI document: every
// state-changing operation × {no token, garbage, expired, wrong secret} (401) × {the owning
// unit's bureau, another unit's bureau, 督查室, 领导, 管理员, an outside user (a travel agency's
// login: unit kind `business`)} (403 where the operation's grant — x-duban-roles, x-duban-units,
// x-duban-outside — refuses, otherwise through the gate). A refusal carries a
// body that would act if the gate let it through; an allowed caller sends an invalid body, so a
// 400 rather than a 403 proves the gate let it pass without acting. The state (every read model,
// the workflows, the event stream) is compared before and after each operation's requests and,
// after a pause, over the whole run. The gate is the gateway's, so the gateway alone serves every
// process's routes over the real engines (no workers: nothing may act, and anything that got
// through would show as a started workflow, a published event or a changed document).
// Measured alone: about 15 s, most of it the gateway's start.

const SECRET = 'authorization-matrix-secret-0123456789abcdef';
const OTHER_UNIT = 'fin';
/** An outside organisation the administrator adds (一、奖励范围 of 青政办发〔2019〕34号). */
const OUTSIDE_UNIT = 'authz-agency';
const BUSINESS_TABLES: Record<string, GrantTable<string>> = {
  SupervisionGrants,
  KindergartenGrants,
  CaseGrants,
  CultivatedLandGrants,
  RectificationGrants,
  AssessmentGrants,
  LandUseGrants,
  LandTransferGrants,
  TourismGrants,
  SocialAssistanceGrants,
  ProjectQualityGrants,
};

interface Operation {
  method: string;
  path: string;
  operationId: string;
  grant: Grant;
  /** `json`, a raw content type, or null when it takes no body. */
  body: string | null;
  pathParams: { name: string; values?: string[] }[];
}

interface Who {
  label: string;
  username: string;
  role: Role;
  unitCode: string | null;
  outside?: boolean;
  /** The unit's 督办员 (issue 23): the seeded unit logins are; the clerks the administrator makes are not. */
  unitSupervisor?: boolean;
}

// Bodies that would change something if a refused caller got through (the gate answers first).
const ACTING_BODIES: Record<string, unknown> = {
  createUser: { username: 'authz-intruder', name: '越权', role: 'admin', password: 'authz-password-123456' },
  resetPassword: { newPassword: 'authz-password-123456' },
  createUnitUser: {
    username: 'authz-intruder-2',
    name: '越权',
    unitCode: 'edu',
    password: 'authz-password-123456',
  },
  disableUnitUser: { reason: '越权停用' },
  changeOwnPassword: { currentPassword: 'duban-inspector-2019', newPassword: 'authz-password-123456' },
  openKgCampaign: { campaignId: 'authz-kg', startDate: '2026-01-01' },
  openLandRectificationCampaign: {
    campaignId: 'authz-rect',
    startDate: '2026-01-01',
    townCodes: ['town-xiaoba'],
    deadlines: {
      verify: '2026-02-28',
      problems: '2026-03-31',
      plan: '2026-04-30',
      rectify: '2026-05-31',
      zones: '2026-06-30',
      amend: '2026-07-31',
    },
  },
  setLandAssessmentTargets: {
    year: 2031,
    reportDeadline: '2031-12-31',
    towns: [{ townCode: 'town-xiaoba' }],
    targets: { cultivatedLandMu: 1000, basicFarmlandMu: 800, highStandardMu: 200 },
  },
  openLandCase: {
    source: 'patrol',
    parcelNo: 'AUTHZ-1',
    townCode: 'town-xiaoba',
    areaMu: 1,
    landKind: 'cultivated',
    party: '越权者',
    foundOn: '2019-06-01',
  },
  acceptCompensation: {
    parcelNo: 'AUTHZ-BC',
    townCode: 'town-xiaoba',
    areaMu: 1,
    grade: 6,
    sourceProject: '越权项目',
    acceptedOn: '2019-06-01',
  },
  requestOccupation: {
    project: '越权项目',
    townCode: 'town-xiaoba',
    areaMu: 1,
    grade: 6,
    keyLevel: 'none',
    kind: 'permanent',
    waitIfShort: false,
  },
};
// A path value that names a real thing where one is at hand (the user whose password would be reset).
const PATH_VALUES: Record<string, Record<string, string>> = {
  resetPassword: { id: 'inspector' },
  disableUnitUser: { id: 'authz-clerk-edu' },
};
/** The units whose logins sign in; each also gets an ordinary user (a clerk, not its 督办员). */
const UNITS = ['edu', 'hous', 'natres', MARKETING_CENTRE, CIVIL, 'ndrc', 'stats', OTHER_UNIT];
const clerkOf = (unit: string) => `authz-clerk-${unit}`;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An HS256 token as the gateway signs them (services/gateway/src/auth/tokens.ts). */
function signToken(claims: Record<string, unknown>, secret: string): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'get' || !(op.security as unknown[]).length) continue;
      const content = Object.keys(
        (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {},
      );
      const parameters = (op.parameters ?? []) as {
        in: string;
        name: string;
        schema?: { enum?: string[] };
      }[];
      out.push({
        method,
        path,
        operationId: op.operationId as string,
        grant: {
          roles: op['x-duban-roles'] as Role[],
          ...(op['x-duban-units'] ? { units: op['x-duban-units'] as string[] } : {}),
          ...(op['x-duban-outside'] ? { outside: true } : {}),
          ...(op['x-duban-unit-supervisor'] ? { unitSupervisor: true } : {}),
        },
        body: content.length === 0 ? null : content.includes('application/json') ? 'json' : content[0]!,
        pathParams: parameters
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, ...(p.schema?.enum ? { values: p.schema.enum } : {}) })),
      });
    }
  return out;
}

describe('the authorization matrix', () => {
  let gateway: RunningGateway;
  let store: Store;
  let bus: Bus;
  let connection: Connection;
  let temporal: Client;
  let operations: Operation[] = [];
  const tokens: Record<string, string> = {};
  const badTokens: Record<string, string | null> = {};
  const base = () => gateway.url;

  beforeAll(async () => {
    // The whole project's shared stack, on a database of its own (the digest is of this run's
    // read models only) and a secret of its own (the wrong-secret token must differ from it).
    const env = {
      ...inject('wholeStackEnv'),
      MONGODB_DB: 'duban_authz',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'error',
    };
    const config = loadConfig(env);
    store = await connectStore(config.mongo.uri, config.mongo.db);
    await store.db.dropDatabase();
    await seedUsers(store.db, {
      leadUnitCodes: UNITS,
    });
    // Every module whose routes `duban start` serves, the delivery of alerts (提醒设置) with the processes.
    gateway = await startGateway(config, { port: 0, host: '127.0.0.1', processes: MODULES });
    bus = await connectBus(config.nats.url);
    await ensureStreams(bus.jsm); // as every start does: the stream whose sequence is compared
    connection = await Connection.connect({ address: config.temporal.address });
    temporal = new Client({ connection, namespace: config.temporal.namespace });

    for (const [username, password] of [
      ['inspector', 'duban-inspector-2019'],
      ['leader', 'duban-leader-2019'],
      ['admin', 'duban-admin-2019'],
      ...UNITS.map((u) => [`bureau-${u}`, 'duban-bureau-2019']),
    ] as const)
      tokens[username] = await login({ url: base() }, username, password);
    const unit = await api({ url: base() }, '/api/units', {
      token: tokens.admin!,
      body: { code: OUTSIDE_UNIT, name: '宁夏越权国际旅行社', shortName: '越权旅行社', kind: 'business' },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const user = await api<{ outsideKind: string }>({ url: base() }, '/api/users', {
      token: tokens.admin!,
      body: {
        username: OUTSIDE_UNIT,
        name: '越权旅行社',
        role: 'bureau',
        unitCode: OUTSIDE_UNIT,
        password: 'duban-outside-2019',
      },
    });
    expect(user.body.outsideKind).toBe('business');
    tokens[OUTSIDE_UNIT] = await login({ url: base() }, OUTSIDE_UNIT, 'duban-outside-2019');
    for (const unitCode of UNITS) {
      const clerk = await api({ url: base() }, '/api/users', {
        token: tokens.admin!,
        body: {
          username: clerkOf(unitCode),
          name: '办事员',
          role: 'bureau',
          unitCode,
          password: 'duban-clerk-2019',
        },
      });
      expect(clerk.status, JSON.stringify(clerk.body)).toBe(201);
      tokens[clerkOf(unitCode)] = await login({ url: base() }, clerkOf(unitCode), 'duban-clerk-2019');
    }

    const real = claimsOf(tokens.inspector!);
    const now = Math.floor(Date.now() / 1000);
    badTokens['no token'] = null;
    badTokens['garbage token'] = 'not-a-token';
    badTokens['expired token'] = signToken({ ...real, iat: now - 9 * 3600, exp: now - 3600 }, SECRET);
    badTokens['wrong-secret token'] = signToken(real, 'another-secret-that-is-long-enough-0123456789');

    const doc = (await (await fetch(`${base()}/api/openapi.json`)).json()) as Parameters<
      typeof operationsOf
    >[0];
    operations = operationsOf(doc);
  });

  afterAll(async () => {
    await connection?.close();
    await bus?.close();
    await store?.close();
    await gateway?.close();
  });

  /** Every read model's documents, the workflows and the event stream, as one digest. */
  async function digest(): Promise<string> {
    const hash = createHash('sha256');
    const names = (await store.db.listCollections({}, { nameOnly: true }).toArray())
      .map((c) => c.name)
      .sort();
    for (const name of names) {
      const docs = await store.db.collection(name).find({}).sort({ _id: 1 }).toArray();
      hash.update(`${name}:${JSON.stringify(docs)}\n`);
    }
    hash.update(`workflows:${await temporal.workflow.count().then((c) => c.count)}\n`);
    const stream = await bus.jsm.streams.info(EVENTS_STREAM);
    hash.update(`events:${stream.state.last_seq}\n`);
    return hash.digest('hex');
  }

  function urlOf(op: Operation): string {
    let path = op.path;
    for (const p of op.pathParams)
      path = path.replace(
        `{${p.name}}`,
        PATH_VALUES[op.operationId]?.[p.name] ?? p.values?.[0] ?? 'authz-none',
      );
    return `${base()}${path}`;
  }

  async function send(op: Operation, token: string | null, acting: boolean): Promise<number> {
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    let body: string | undefined;
    if (op.body === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(acting ? (ACTING_BODIES[op.operationId] ?? {}) : []);
    } else if (op.body) {
      headers['content-type'] = op.body;
      body = acting ? 'x' : '';
    }
    const res = await fetch(urlOf(op), { method: op.method.toUpperCase(), headers, body });
    await res.arrayBuffer();
    return res.status;
  }

  it('is generated from a document where every action names its grant, and no business action is the administrator’s', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) expect(op.grant.roles, op.operationId).toBeInstanceOf(Array);
    for (const [table, grants] of Object.entries(BUSINESS_TABLES))
      for (const [action, grant] of Object.entries(grants))
        expect(grant.roles, `${table}.${action}`).not.toContain('admin');
    const adminOps = operations.filter((op) => op.grant.roles.includes('admin')).map((op) => op.operationId);
    expect(adminOps.sort()).toEqual([
      'addRegistryUnitAlias',
      'changeOwnPassword',
      // 政策参数 (issue 14): settings that name their source, not a business action.
      'changePolicySetting',
      'createRegistryUnit',
      'createUnitUser',
      'createUser',
      // 本单位人员 (issue 23): the unit's users, for its 督办员 or the administrator.
      'disableUnitUser',
      'removeRegistryUnitAlias',
      'resetPassword',
      // 提醒设置 (issue 19): anyone's own channels, a unit's for the administrator, and dead letters.
      'retryDeadLetter',
      'setMySubscription',
      'setUnitSubscription',
    ]);
    // The example bodies are valid: a refused caller really asked for something.
    const valid: [z: { safeParse(v: unknown): { success: boolean } }, string][] = [
      [OpenRectificationCampaignSchema, 'openLandRectificationCampaign'],
      [SetAssessmentTargetsSchema, 'setLandAssessmentTargets'],
      [OpenLandCaseSchema, 'openLandCase'],
      [AcceptCompensationSchema, 'acceptCompensation'],
      [RequestOccupationSchema, 'requestOccupation'],
    ];
    for (const [schema, id] of valid) expect(schema.safeParse(ACTING_BODIES[id]).success, id).toBe(true);
  });

  it('lets an outside user read only what is opened to outside users: its session, its inbox and its own trips', async () => {
    const token = tokens[OUTSIDE_UNIT]!;
    const status = async (path: string) => (await api({ url: base() }, path, { token })).status;
    const session = await api<{ user: { outsideKind: string } }>({ url: base() }, '/api/session', { token });
    expect(session.body.user.outsideKind).toBe('business');
    expect(await status('/api/tourism/trips')).toBe(200);
    expect(await status('/api/tourism/settlements?year=2019')).toBe(200);
    expect(await status('/api/inbox')).toBe(200);
    // Government desks and city-wide views, and the other agencies' figures (二.7 ranking).
    for (const path of ['/api/items', '/api/alerts', '/api/overview', '/api/tourism/ranking?year=2019'])
      expect(await status(path), path).toBe(403);
  });

  it('shows a unit’s users to its 督办员 and the administrator only (本单位人员, issue 23)', async () => {
    const list = (who: string, query = '') =>
      api<{ users: { username: string; unitCode: string }[] }>({ url: base() }, `/api/unit-users${query}`, {
        token: tokens[who]!,
      });
    const own = await list('bureau-edu');
    expect(own.status).toBe(200);
    expect(own.body.users.map((u) => u.username).sort()).toEqual(['authz-clerk-edu', 'bureau-edu']);
    expect((await list('bureau-edu', `?unit=${OTHER_UNIT}`)).body).toMatchObject({
      errors: [{ field: 'query.unit' }],
    });
    expect(
      (await list('admin', `?unit=${OTHER_UNIT}`)).body.users.every((u) => u.unitCode === OTHER_UNIT),
    ).toBe(true);
    for (const who of [clerkOf('edu'), 'inspector', 'leader', OUTSIDE_UNIT])
      expect((await list(who)).status, who).toBe(403);
  });

  it('refuses every bad token with 401, and every role or unit the grant does not name with 403, changing nothing', async () => {
    const start = await digest();
    const cells: string[] = [];
    for (const op of operations) {
      const owner = op.grant.units?.[0] ?? 'edu';
      const callers: Who[] = [
        {
          label: 'owning bureau',
          username: `bureau-${owner}`,
          role: 'bureau',
          unitCode: owner,
          unitSupervisor: true,
        },
        { label: 'owning unit clerk', username: clerkOf(owner), role: 'bureau', unitCode: owner },
        {
          label: 'other bureau',
          username: `bureau-${OTHER_UNIT}`,
          role: 'bureau',
          unitCode: OTHER_UNIT,
          unitSupervisor: true,
        },
        { label: 'inspector', username: 'inspector', role: 'inspector', unitCode: null },
        { label: 'leader', username: 'leader', role: 'leader', unitCode: null },
        { label: 'admin', username: 'admin', role: 'admin', unitCode: null },
        {
          label: 'outside user',
          username: OUTSIDE_UNIT,
          role: 'bureau',
          unitCode: OUTSIDE_UNIT,
          outside: true,
        },
      ];
      const before = await digest();
      const answers: string[] = [];
      const expected: string[] = [];
      for (const [label, token] of Object.entries(badTokens)) {
        answers.push(`${label} ${await send(op, token, true)}`);
        expected.push(`${label} 401`);
      }
      for (const who of callers) {
        const allowed = isGranted(op.grant, who);
        const status = await send(op, tokens[who.username]!, !allowed);
        // Through the gate: an invalid body is a 400; without a body, whatever the route answers.
        const through =
          op.body === 'json' ? status === 400 : status !== 401 && status !== 403 && status < 500;
        answers.push(`${who.label} ${allowed ? (through ? 'through' : status) : status}`);
        expected.push(`${who.label} ${allowed ? 'through' : 403}`);
      }
      expect(answers, `${op.method} ${op.path}`).toEqual(expected);
      expect(await digest(), `${op.method} ${op.path} changed the state`).toBe(before);
      cells.push(...answers);
    }
    expect(cells.length).toBe(operations.length * 11);
    // Facts published by anything that got through reach the read models a little later.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await digest()).toBe(start);
  });
});
