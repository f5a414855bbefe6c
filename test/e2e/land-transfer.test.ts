import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import type { ApplicationSnapshot } from '@duban/workflow-land-transfer/client';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 15 end to end (青政发〔2019〕34号): the whole system on the `whole` project's shared stack,
// each party with its own login: two operators and a village added as units by the administrator,
// the town, 农经站, 督查室 and the leaders.
const SLOW = { timeoutMs: 90_000 };
type Problem = { status: number; detail: string; article?: string; currentMu?: number; resultingMu?: number };
type Inbox = { items: { itemId: string; step: string; colour: string; deadline: string | null }[] };

describe('land-transfer review over the running system (青政发〔2019〕34号)', () => {
  let system: RunningSystem;
  const run = Date.now().toString(36);
  const village = `village-minle-${run}`;
  const operator = `operator-huinong-${run}`;
  const other = `operator-fengyuan-${run}`;
  const third = `operator-jinsui-${run}`;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const as = (who: string, path: string, body?: unknown) =>
    api<ApplicationSnapshot & Problem>(http(), path, { token: tokens[who], ...(body ? { body } : {}) });

  /** The administrator adds a unit and its login (a bureau user of that unit). */
  async function addUnitWithLogin(code: string, name: string, kind: string, parent?: string) {
    const unit = await api(http(), '/api/units', {
      token: tokens.admin,
      body: { code, name, shortName: name, kind, ...(parent ? { parent } : {}) },
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const user = await api(http(), '/api/users', {
      token: tokens.admin,
      body: {
        username: `bureau-${code}`,
        name,
        role: 'bureau',
        unitCode: code,
        password: 'land-transfer-2019',
      },
    });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    tokens[code] = await login(http(), `bureau-${code}`, 'land-transfer-2019');
  }

  beforeAll(async () => {
    system = await startWithoutGazette(sharedWholeStack(), ['town-xiaoba', 'agri', 'agri-econ-station']);
    for (const who of ['admin', 'inspector', 'leader'])
      tokens[who] = await login(http(), who, `duban-${who}-2019`);
    for (const unit of ['town-xiaoba', 'agri', 'agri-econ-station'])
      tokens[unit] = await login(http(), `bureau-${unit}`, 'duban-bureau-2019');
    await addUnitWithLogin(village, `民乐村村委会${run}`, 'village', 'town-xiaoba');
    await addUnitWithLogin(operator, `惠农农业发展有限公司${run}`, 'operator');
    await addUnitWithLogin(other, `丰源种植专业户${run}`, 'operator');
    await addUnitWithLogin(third, `金穗农业合作社${run}`, 'operator');
  });

  afterAll(async () => {
    await system?.close();
  });

  const application = (operatorCode: string, areaMu: number, over: Record<string, unknown> = {}) => ({
    operatorCode,
    operatorName:
      { [operator]: '惠农农业发展有限公司', [other]: '丰源种植专业户' }[operatorCode] ?? '金穗农业',
    operatorKind: 'enterprise',
    local: true,
    villageCode: village,
    villageName: '民乐村',
    townCode: 'town-xiaoba',
    parcels: [{ name: '一组东滩', location: '民乐村一组', areaMu }],
    use: '设施蔬菜种植',
    termStart: '2019-06-01',
    termEnd: '2028-12-31',
    rentPerMuYear: 600,
    ...over,
  });
  const listOf = async (who: string) =>
    (
      await api<{ applications: ApplicationSnapshot[] }>(http(), '/api/land-transfer/applications', {
        token: tokens[who],
      })
    ).body.applications;
  const inboxOf = (who: string) => api<Inbox>(http(), '/api/inbox', { token: tokens[who] });
  const step = (id: string, who: string, action: string, body: unknown) =>
    as(who, `/api/land-transfer/applications/${encodeURIComponent(id)}/actions/${action}`, body);
  const ok = { passed: true, note: '符合' };
  const checks = { qualification: ok, capability: ok, project: ok, credit: ok, contract: ok };

  it('refuses bad input with nothing written, and a term past 2028-12-31 or the 5000-亩 cap naming the article and figures', async () => {
    const bad = await as(
      operator,
      '/api/land-transfer/applications',
      application(operator, -5, { filedOn: '2019-05-06' }),
    );
    expect(bad.status).toBe(400);
    const late = await as(
      operator,
      '/api/land-transfer/applications',
      application(operator, 50, { filedOn: '2019-05-06', termEnd: '2029-01-01' }),
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ article: '第二十二条' });
    expect(late.body.detail).toContain('2028-12-31');
    expect(await listOf(operator)).toEqual([]);

    // The other operator: 4900 亩 in hand, then 100 more is exactly 5000; one more 亩 is refused.
    const big = await as(
      other,
      '/api/land-transfer/applications',
      application(other, 4900, { filedOn: '2019-05-07' }),
    );
    expect(big.status, JSON.stringify(big.body)).toBe(201);
    await eventually(
      () => listOf(other),
      (rows) => rows.length === 1,
      SLOW,
    );
    const over = await as(
      other,
      '/api/land-transfer/applications',
      application(other, 101, { filedOn: '2019-05-08' }),
    );
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ article: '第二十三条', currentMu: 4900, resultingMu: 5001 });
    expect(over.body.detail).toContain('合计将为 5001 亩');
    const exact = await as(
      other,
      '/api/land-transfer/applications',
      application(other, 100, { filedOn: '2019-05-08' }),
    );
    expect(exact.status).toBe(201);
  });

  it('walks a town-tier application from the village to use, each step in the right inbox; the late report turns red and reaches 农经站 and the leaders', async () => {
    const filed = await as(
      operator,
      '/api/land-transfer/applications',
      application(operator, 200, { filedOn: '2019-05-09' }),
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = (filed.body as unknown as { applicationId: string }).applicationId;
    expect(filed.body).toMatchObject({ tier: 'town', areaMu: 200 });

    // The operator sees only its own; the other operator does not see it at all.
    const mine = await eventually(
      () => listOf(operator),
      (rows) => rows.length === 1,
      SLOW,
    );
    expect(mine.map((a) => a.applicationId)).toEqual([id]);
    expect((await listOf(other)).map((a) => a.applicationId)).not.toContain(id);
    expect((await as(other, `/api/land-transfer/applications/${encodeURIComponent(id)}`)).status).toBe(404);

    const inInbox = (who: string, stepName: string) =>
      eventually(
        () => inboxOf(who),
        (r) => r.body.items.some((i) => i.itemId === id && i.step === stepName),
        SLOW,
      );
    await inInbox(village, 'meeting');
    const failing = await step(id, 'town-xiaoba', 'meeting', {
      heldOn: '2019-05-10',
      members: 40,
      present: 40,
      inFavour: 32,
    });
    expect(failing.status).toBe(409);
    expect(failing.body.detail).toContain('村委会');
    expect(
      (await step(id, village, 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 32 }))
        .status,
    ).toBe(200);
    await inInbox('town-xiaoba', 'decide');
    const decided = await step(id, 'town-xiaoba', 'decide', {
      on: '2019-05-20',
      checks,
      decision: 'implement',
      reasons: '群众意见一致',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await inInbox(village, 'contract');
    await step(id, village, 'contract', {
      signedOn: '2019-05-25',
      copies: ['承包方', '受让方', '发包方', '镇土地流转服务中心'],
    });
    await inInbox('agri-econ-station', 'file');
    await step(id, 'agri-econ-station', 'file', { on: '2019-05-27' });
    await inInbox(village, 'settle');
    const short = await step(id, village, 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'cash',
      paidYuan: 30000,
    });
    expect(short.status).toBe(409);
    expect(short.body.detail).toContain('36000 元');
    const settled = await step(id, village, 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'cash',
      paidYuan: 36000,
    });
    expect(settled.body).toMatchObject({ stage: 'in-use', reports: { period: '2019H2', due: '2020-01-31' } });
    // Today is long after 2020-01-31 + 30 days: the report is red at once.
    expect(settled.body.colour).toBe('red');
    await inInbox(operator, 'report');
    await inInbox('agri-econ-station', 'report-late');
    const alerts = await eventually(
      () =>
        api<{ alerts: { itemId: string; colour: string }[] }>(http(), '/api/alerts', {
          token: tokens.leader,
        }),
      (r) => r.body.alerts.some((a) => a.itemId === id && a.colour === 'red'),
      SLOW,
    );
    expect(alerts.status).toBe(200);
    // 第三十九条: the 2019 supervision (due 2019-12-31, setting land-transfer.supervision-due) is
    // long overdue too: red, and it reaches the leaders as its own alert.
    expect(settled.body.supervision).toMatchObject({ year: 2019, due: '2019-12-31', colour: 'red' });
    await eventually(
      () =>
        api<{ alerts: { itemId: string; colour: string; ref: string }[] }>(http(), '/api/alerts', {
          token: tokens.leader,
        }),
      (r) => r.body.alerts.some((a) => a.itemId === id && a.colour === 'red' && a.ref === '第三十九条'),
      SLOW,
    );
    // 第三十二条: the reports are made to 农经站, which sees the red report's alert as well.
    await eventually(
      () =>
        api<{ alerts: { itemId: string; colour: string; ref: string }[] }>(http(), '/api/alerts', {
          token: tokens['agri-econ-station'],
        }),
      (r) => r.body.alerts.some((a) => a.itemId === id && a.colour === 'red' && a.ref === '第三十二条'),
      SLOW,
    );

    const summary = await eventually(
      () =>
        api<{ deposits: { held: number }; operators: { operatorCode: string; totalMu: number }[] }>(
          http(),
          '/api/land-transfer/summary',
          { token: tokens.agri },
        ),
      (r) => r.body.deposits.held >= 1,
      SLOW,
    );
    expect(summary.body.operators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operatorCode: operator, totalMu: 200 }),
        expect.objectContaining({ operatorCode: other, totalMu: 5000 }),
      ]),
    );
  });
  it('two filings at the same moment that together pass 5000 亩: exactly one is accepted, the other refused with the figures (第二十三条)', async () => {
    const [a, b] = await Promise.all([
      as(third, '/api/land-transfer/applications', application(third, 3000, { filedOn: '2019-06-01' })),
      as(third, '/api/land-transfer/applications', application(third, 2500, { filedOn: '2019-06-02' })),
    ]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([201, 409]);
    const refused = a.status === 409 ? a : b;
    const acceptedMu = a.status === 409 ? 2500 : 3000;
    expect(refused.body).toMatchObject({
      article: '第二十三条',
      currentMu: acceptedMu,
      resultingMu: 5500,
    });
    expect(refused.body.detail).toContain('合计将为 5500 亩');
    // A retried filing of the accepted one finds it and reserves nothing more.
    const again = await as(
      third,
      '/api/land-transfer/applications',
      application(third, acceptedMu, { filedOn: acceptedMu === 3000 ? '2019-06-01' : '2019-06-02' }),
    );
    expect(again.status).toBe(200);
    const rest = await as(
      third,
      '/api/land-transfer/applications',
      application(third, 5000 - acceptedMu + 1, { filedOn: '2019-06-03' }),
    );
    expect(rest.body).toMatchObject({ article: '第二十三条', currentMu: acceptedMu });
  });

  /** Files and passes the villagers' meeting (第三十五条); the application is then in review. */
  async function filedAndMet(areaMu: number, filedOn: string): Promise<string> {
    const filed = await as(third, '/api/land-transfer/applications', application(third, areaMu, { filedOn }));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = (filed.body as unknown as { applicationId: string }).applicationId;
    const met = await step(id, village, 'meeting', {
      heldOn: filedOn,
      members: 20,
      present: 18,
      inFavour: 16,
    });
    expect(met.body).toMatchObject({ stage: 'review' });
    return id;
  }
  const decideBody = (on: string) => ({ on, checks, decision: 'implement', reasons: '现场查看，群众同意' });
  const awaits = (who: string, id: string, stepName: string) =>
    eventually(
      () => inboxOf(who),
      (r) => r.body.items.some((i) => i.itemId === id && i.step === stepName),
      SLOW,
    );

  it('village tier (<100 亩): the village decides, the town refused as decider (第三十六条), the town files', async () => {
    const id = await filedAndMet(60, '2019-06-10');
    await awaits(village, id, 'decide');
    const wrong = await step(id, 'town-xiaoba', 'decide', decideBody('2019-06-12'));
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toContain('第三十六条');
    const decided = await step(id, village, 'decide', decideBody('2019-06-12'));
    expect(decided.body).toMatchObject({
      stage: 'contract',
      tier: 'village',
      decision: { decision: 'implement' },
    });
    await step(id, village, 'contract', {
      signedOn: '2019-06-15',
      copies: ['承包方', '受让方', '发包方', '镇土地流转服务中心'],
    });
    await awaits('town-xiaoba', id, 'file');
    const byStation = await step(id, 'agri-econ-station', 'file', { on: '2019-06-16' });
    expect(byStation.status).toBe(409);
    expect(byStation.body.detail).toContain('第三十六条');
    const filed = await step(id, 'town-xiaoba', 'file', { on: '2019-06-16' });
    expect(filed.body).toMatchObject({ stage: 'settlement', filing: { unitCode: 'town-xiaoba' } });
  });

  it('city tier (>500 亩): the town reviews first, then the city group decides; the town refused as decider (第三十八条)', async () => {
    const id = await filedAndMet(600, '2019-06-20');
    const early = await step(id, 'leader', 'decide', decideBody('2019-06-22'));
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('第三十八条');
    await awaits('town-xiaoba', id, 'town-review');
    const reviewed = await step(id, 'town-xiaoba', 'town-review', decideBody('2019-06-22'));
    expect(reviewed.body).toMatchObject({ stage: 'city-review', tier: 'city' });
    const byTown = await step(id, 'town-xiaoba', 'decide', decideBody('2019-06-25'));
    expect(byTown.status).toBe(409);
    expect(byTown.body.detail).toContain('第三十八条');
    const byVillage = await step(id, village, 'decide', decideBody('2019-06-25'));
    expect(byVillage.status).toBe(409);
    await awaits('agri', id, 'decide');
    const decided = await step(id, 'leader', 'decide', decideBody('2019-06-25'));
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ stage: 'contract', decision: { decision: 'implement' } });
  });
});
