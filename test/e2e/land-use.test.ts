import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { EVENTS_STREAM, connectBus, ensureStreams, type Bus } from '@duban/bus';
import { LAND_LEDGER_WORKFLOW_ID, LandUseEvents } from '@duban/workflow-land-use/client';
import { ReadModels, type InboxDoc } from '@duban/contracts';
import { connectStore, type Store } from '@duban/store';
import type { RunningSystem } from '@duban/system';
import { api, conflictProblem, login, sentTwice } from '../../services/gateway/src/testing/harness';
import { publishSuspensionFact } from '../../services/land-use/src/testing';
import { eventually } from '../support/engines';
import { startOwnStack, type OwnStack } from '../support/own-stack';
import { startWithoutGazette } from '../support/whole-system';

// Issue 7 part B end to end (青政办发〔2019〕28号 二(三)、二(七)、三(十)): the whole system over
// the real engines and the HTTP API, with 自然资源局's own login.
type Balance = { acceptedMu: number; consumedMu: number; remainingMu: number; occupiedMu: number };
type Ledger = {
  balance: Balance & { byTown: { townCode: string; remainingMu: number; townName: string }[] };
  parcels: { parcelNo: string; remainingMu: number }[];
  version: number;
};
type Problem = {
  detail: string;
  errors?: { field: string }[];
  rule?: string;
  shortfallMu?: number;
  assessmentId?: string;
};

// The whole system runs in this process while the other tests load the machine: give the
// projections time.
const SLOW = { timeoutMs: 90_000 };

describe('compensation ledger and illegal-occupation cases over the running system', () => {
  let ownStack: OwnStack | undefined;
  let system: RunningSystem;
  let store: Store;
  let bus: Bus;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });

  beforeAll(async () => {
    ownStack = await startOwnStack('land-use', 25);
    const config = ownStack.config;
    bus = await connectBus(config.nats.url);
    await ensureStreams(bus.jsm);
    await bus.jsm.streams.purge(EVENTS_STREAM);
    system = await startWithoutGazette(config, ['natres', 'edu']);
    store = await connectStore(config.mongo.uri, config.mongo.db);
    tokens.natres = await login(http(), 'bureau-natres', 'duban-bureau-2019');
    tokens.edu = await login(http(), 'bureau-edu', 'duban-bureau-2019');
    tokens.leader = await login(http(), 'leader', 'duban-leader-2019');
    tokens.inspector = await login(http(), 'inspector', 'duban-inspector-2019');
  });

  afterAll(async () => {
    await bus?.close();
    await store?.close();
    await system?.close();
    await ownStack?.stop();
  });

  const ledger = () => api<Ledger>(http(), '/api/land/ledger', { token: tokens.natres });
  /** The read model once it shows the ledger at `version` or later. */
  const ledgerAt = async (version: number) => {
    const res = await eventually(ledger, (r) => (r.body.version ?? 0) >= version, SLOW);
    expect(res.body.version).toBe(version);
    return res.body;
  };

  it('runs the city ledger from system start under its fixed id (二(三) 统筹协调解决全市的耕地占补平衡问题)', async () => {
    const connection = await Connection.connect({ address: ownStack!.config.temporal.address });
    try {
      const client = new Client({ connection, namespace: ownStack!.config.temporal.namespace });
      const described = await client.workflow.getHandle(LAND_LEDGER_WORKFLOW_ID).describe();
      expect(described).toMatchObject({ type: 'landLedgerWorkflow', status: { name: 'RUNNING' } });
    } finally {
      await connection.close();
    }
    const res = await ledger();
    expect(res.status).toBe(200);
    expect(res.body.parcels).toEqual([]);
    expect((await api(http(), '/api/land/ledger', { token: tokens.edu })).status).toBe(403);
  });

  it('accepts compensation, approves an occupation consuming it, refuses one with the rule and shortfall (二(三))', async () => {
    const accept = (body: Record<string, unknown>) =>
      api<{ balance: Balance; parcel: { parcelNo: string } } & Problem>(
        http(),
        '/api/land/ledger/compensations',
        {
          token: tokens.natres,
          body,
        },
      );
    let res = await accept({
      parcelNo: 'BC-2019-001',
      townCode: 'town-xiaoba',
      areaMu: 12.5,
      grade: 6,
      sourceProject: '小坝镇土地整治项目',
      acceptedOn: '2019-06-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    res = await accept({
      parcelNo: 'BC-2019-002',
      townCode: 'town-yesheng',
      areaMu: 5,
      grade: 4,
      sourceProject: '叶盛镇高标准农田建设项目',
      acceptedOn: '2019-06-03',
    });
    expect(res.body.balance).toMatchObject({ acceptedMu: 17.5, remainingMu: 17.5, consumedMu: 0 });
    expect(
      (await api(http(), '/api/land/ledger/compensations', { token: tokens.edu, body: { parcelNo: 'X' } }))
        .status,
    ).toBe(403);

    const approved = await api<{
      occupation: { occupationId: string; state: string; consumed: unknown[] };
      balance: Balance;
    }>(http(), '/api/land/occupations', {
      token: tokens.natres,
      body: { project: '青铜峡工业园区纬三路', townCode: 'town-xiaoba', areaMu: 14, grade: 7 },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    expect(approved.body.occupation.consumed).toEqual([
      { parcelNo: 'BC-2019-001', areaMu: 12.5, grade: 6 },
      { parcelNo: 'BC-2019-002', areaMu: 1.5, grade: 4 },
    ]);
    expect(approved.body.balance).toMatchObject({
      acceptedMu: 17.5,
      consumedMu: 14,
      remainingMu: 3.5,
      occupiedMu: 14,
    });

    const refused = await api<Problem>(http(), '/api/land/occupations', {
      token: tokens.natres,
      body: { project: '物流园二期', townCode: 'town-daba', areaMu: 5, grade: 8 },
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ rule: 'quantity', shortfallMu: 1.5 });
    expect(refused.body.detail).toMatch(/占一补一：.*差 1\.5 亩/);

    const read = await ledgerAt(4);
    expect(read.balance).toMatchObject({ acceptedMu: 17.5, consumedMu: 14, remainingMu: 3.5 });
    expect(read.parcels.map((p) => [p.parcelNo, p.remainingMu])).toEqual([
      ['BC-2019-001', 0],
      ['BC-2019-002', 3.5],
    ]);
    const sum = read.parcels.reduce((s, p) => s + Math.round(p.remainingMu * 100), 0);
    expect(sum).toBe(Math.round((read.balance.acceptedMu - read.balance.consumedMu) * 100));
    expect(read.balance.byTown.find((t) => t.townCode === 'town-yesheng')).toMatchObject({
      townName: '叶盛镇',
      remainingMu: 3.5,
    });
    const list = await eventually(
      () =>
        api<{ occupations: { state: string }[] }>(http(), '/api/land/occupations?state=refused', {
          token: tokens.leader,
        }),
      (r) => r.body.occupations.length === 1,
      SLOW,
    );
    expect(list.body.occupations).toHaveLength(1);
  });

  it('a bad body is 400 naming the field and changes nothing (DESIGN §4)', async () => {
    const before = (await ledger()).body;
    for (const [body, field] of [
      [{ project: '道路', townCode: 'town-xiaoba', areaMu: 1.234, grade: 7 }, 'body.areaMu'],
      [{ project: '道路', townCode: 'town-xiaoba', areaMu: 1, grade: 0 }, 'body.grade'],
      [{ project: '道路', townCode: 'town-nowhere', areaMu: 1, grade: 7 }, 'body.townCode'],
    ] as const) {
      const res = await api<Problem>(http(), '/api/land/occupations', { token: tokens.natres, body });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field)).toContain(field);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await ledger()).body).toEqual(before);
  });

  it('a town suspended by its failed assessment is refused with 409 naming the assessment (三(十))', async () => {
    // The assessment's fact, as the cultivated-land workflow publishes it; land-use learns of it.
    await publishSuspensionFact(bus, {
      id: `e2e-suspended-town-qujing-${Date.now()}`,
      time: new Date().toISOString(),
      townName: '瞿靖镇',
      suspension: {
        townCode: 'town-qujing',
        assessmentId: 'cl-assess-2019-town-qujing',
        year: 2019,
        reason: '2019年度耕地保护责任目标考核未通过（cl-assess-2019-town-qujing）',
        since: '2020-03-01T00:00:00.000Z',
        rectificationDeadline: '2020-06-30',
        liftedAt: null,
      },
    });
    await eventually(
      () => api<{ suspendedTowns: string[] }>(http(), '/api/land/ledger', { token: tokens.natres }),
      (r) => r.body.suspendedTowns?.includes('town-qujing'),
      SLOW,
    );
    const before = (await ledger()).body;
    for (const kind of ['permanent', 'temporary']) {
      const res = await api<Problem>(http(), '/api/land/occupations', {
        token: tokens.natres,
        body: { project: '瞿靖镇农产品加工园', townCode: 'town-qujing', areaMu: 1, grade: 9, kind },
      });
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('2019年度耕地保护责任目标考核未通过');
      expect(res.body.assessmentId).toBe('cl-assess-2019-town-qujing');
    }
    expect((await ledger()).body.version).toBe(before.version);
    // Another town is not held.
    const other = await api(http(), '/api/land/occupations', {
      token: tokens.natres,
      body: { project: '峡口镇输水管线', townCode: 'town-xiakou', areaMu: 2, grade: 9, kind: 'temporary' },
    });
    expect(other.status).toBe(201);
    const inbox = await eventually(
      () =>
        store.db
          .collection<InboxDoc>(ReadModels.inbox)
          .find({ process: 'land-use', step: 'reclamation' })
          .toArray(),
      (docs) => docs.length === 1,
      SLOW,
    );
    expect(inbox[0]).toMatchObject({ unitCode: 'natres', stepLabel: '临时用地复垦验收' });
  });

  it('a major illegal case reaches the leaders; its transfer to the judiciary is an event on the bus (二(七))', async () => {
    const opened = await api<{ caseId: string; created: boolean }>(http(), '/api/land/cases', {
      token: tokens.natres,
      body: {
        source: 'patrol',
        parcelNo: 'QTX-2019-031',
        townCode: 'town-daba',
        areaMu: 3.2,
        landKind: 'basic_farmland',
        party: '某建材有限公司',
        description: '在永久基本农田上堆放建材、硬化地面',
        foundOn: '2019-07-01',
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = opened.body.caseId;
    const alerts = await eventually(
      () =>
        api<{ alerts: { itemId: string; message: string; kind: string; process: string; href: string }[] }>(
          http(),
          `/api/alerts?itemId=${caseId}`,
          {
            token: tokens.leader,
          },
        ),
      (r) => r.body.alerts?.some((a) => /挂牌督办/.test(a.message)),
      SLOW,
    );
    expect(alerts.body.alerts.map((a) => a.message).join('\n')).toMatch(/永久基本农田/);
    // The leaders' alert says what happened and leads to the case in the console.
    expect(alerts.body.alerts.find((a) => /挂牌督办/.test(a.message))).toMatchObject({
      kind: 'listed_for_supervision',
      process: 'land-use',
      href: `#/land/cases/${encodeURIComponent(caseId)}`,
    });

    const act = (action: string, body: unknown, token = tokens.natres) =>
      api<{ step: string; transfers: unknown[] } & Problem>(
        http(),
        `/api/land/cases/${caseId}/actions/${action}`,
        {
          token,
          body,
        },
      );
    expect((await act('investigate', { note: '已查明' }, tokens.edu)).status).toBe(403);
    expect((await act('decide', { decision: '罚款' })).status).toBe(409);
    expect((await act('investigate', { note: '现场勘测 3.2 亩' })).status).toBe(200);
    const transferred = await act('transfer', { to: 'judiciary', reason: '涉嫌非法占用农用地罪' });
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200);

    const event = await eventually(
      async () => {
        const msg = await bus.jsm.streams
          .getMessage(EVENTS_STREAM, { last_by_subj: LandUseEvents.CaseTransferred.subject })
          .catch(() => null);
        return (
          msg?.json<{ subject: string; actorid: string; data: { to: string; bodyName: string } }>() ?? null
        );
      },
      (e) => e?.subject === caseId,
      SLOW,
    );
    expect(event).toMatchObject({
      subject: caseId,
      actorid: 'bureau-natres',
      data: { to: 'judiciary', bodyName: '司法机关' },
    });

    const detail = await eventually(
      () =>
        api<{ case: { colour: string; major: boolean }; timeline: { fact: string }[] }>(
          http(),
          `/api/land/cases/${caseId}`,
          {
            token: tokens.inspector,
          },
        ),
      (r) => r.body.timeline?.some((t) => t.fact === 'case_transferred'),
      SLOW,
    );
    // Found on 2019-07-01 with 60 days to handle it: long past today.
    expect(detail.body.case).toMatchObject({ major: true, colour: 'red' });
    expect(detail.body.timeline.map((t) => t.fact)).toEqual(
      expect.arrayContaining(['case_registered', 'case_listed_for_supervision', 'case_transferred']),
    );
    const inbox = await store.db
      .collection<InboxDoc>(ReadModels.inbox)
      .find({ process: 'land-use', itemId: caseId })
      .toArray();
    expect(inbox.map((d) => d.step)).toEqual(['decided']);
  });

  it('a retried occupation or case action (same x-request-id) acts once and answers the same; a refusal is one problem shape', async () => {
    const occupy = () =>
      api<{ occupation: { occupationId: string } }>(http(), '/api/land/occupations', {
        token: tokens.natres,
        body: { project: '峡口镇临时便道', townCode: 'town-xiakou', areaMu: 1, grade: 9, kind: 'temporary' },
        headers: { 'x-request-id': 'retry-occupation-1' },
      });
    // Filed twice, the second would be another occupation with a number of its own.
    await sentTwice(occupy, 201);

    const opened = await api<{ caseId: string }>(http(), '/api/land/cases', {
      token: tokens.natres,
      body: {
        source: 'report',
        parcelNo: 'QTX-2019-077',
        townCode: 'town-xiaoba',
        areaMu: 1.5,
        landKind: 'cultivated',
        party: '某养殖户',
        description: '在耕地上建设养殖棚',
        foundOn: '2019-08-01',
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const path = `/api/land/cases/${opened.body.caseId}/actions/investigate`;
    const investigate = (requestId: string) =>
      api<{ step: string }>(http(), path, {
        token: tokens.natres,
        body: { note: '现场勘测' },
        headers: { 'x-request-id': requestId },
      });
    await sentTwice(() => investigate('retry-investigate-1'), 200);
    const refused = await investigate('refused-investigate');
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(conflictProblem(path, 'refused-investigate'));
  });

  it('lists the land-use routes in the OpenAPI document', async () => {
    const doc = await api<{ paths: Record<string, unknown> }>(http(), '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/land/ledger',
        '/api/land/occupations',
        '/api/land/cases/{id}/actions/{action}',
      ]),
    );
  });
});
