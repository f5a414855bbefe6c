import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadModels, type InboxDoc } from '@duban/contracts';
import { connectStore, type Store } from '@duban/store';
import type { RunningSystem } from '@duban/system';
import { MARKETING_CENTRE } from '@duban/workflow-tourism/client';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 16 end to end (青政办发〔2019〕34号) on the `whole` project's shared stack: agencies, a
// scenic spot and a hotel are outside users the administrator adds (unit kind `business`: their
// logins are outside users, served only what is opened to them); each
// agency sees its own trips only; a late filing is refused naming the rule and the dates and
// writes nothing; 旅游营销中心 voids an agency (四(一)) and downloads the settlement sheet. The
// clock is today's: the claim windows and the year-end settlement are walked on the time-skipping
// server in workflows/tourism/src/workflows.system.test.ts.
const SLOW = { timeoutMs: 60_000, intervalMs: 200 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('引客入青 over the running system', () => {
  let system: RunningSystem;
  let store: Store;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const run = Date.now().toString(36);
  const agencyA = `agency-a${run}`;
  const agencyB = `agency-b${run}`;
  const spot = `spot-tower${run}`;
  const hotel = `hotel-${run}`;
  /** The Shanghai civil date `days` from today (UTC+08:00 has no daylight saving). */
  const fromToday = (days: number) =>
    new Date(Date.now() + (8 * 3600 + days * 86400) * 1000).toISOString().slice(0, 10);
  const today = () => fromToday(0);
  const year = () => Number(today().slice(0, 4));

  beforeAll(async () => {
    const config = sharedWholeStack();
    system = await startWithoutGazette(config, [MARKETING_CENTRE]);
    store = await connectStore(config.mongo.uri, config.mongo.db);
    tokens.admin = await login(http(), 'admin', 'duban-admin-2019');
    tokens.leader = await login(http(), 'leader', 'duban-leader-2019');
    tokens.centre = await login(http(), `bureau-${MARKETING_CENTRE}`, 'duban-bureau-2019');
    const outside: [string, string][] = [
      [agencyA, '宁夏甲国际旅行社'],
      [agencyB, '银川乙自驾车俱乐部'],
      [spot, '黄河楼景区'],
      [hotel, '青铜峡某宾馆'],
    ];
    for (const [code, name] of outside) {
      const unit = await api(http(), '/api/units', {
        token: tokens.admin,
        body: { code, name, shortName: name, kind: 'business' },
      });
      expect(unit.status, JSON.stringify(unit.body)).toBe(201);
      const user = await api(http(), '/api/users', {
        token: tokens.admin,
        body: { username: code, name, role: 'bureau', unitCode: code, password: 'duban-outside-2019' },
      });
      expect(user.status, JSON.stringify(user.body)).toBe(201);
      tokens[code] = await login(http(), code, 'duban-outside-2019');
    }
  });

  afterAll(async () => {
    await store?.close();
    await system?.close();
  });

  const filing = (tripId: string, kind: string, arrival: string) => ({
    tripId: `${tripId}-${run}`,
    kind,
    guide: { name: '王导', phone: '13900000000' },
    arrival,
    departure: arrival,
    headCount: 120,
    itinerary: {
      spots: [{ code: spot, name: '黄河楼', grade: '5A' }],
      meals: [],
      hotel: { code: hotel, name: '青铜峡某宾馆' },
    },
    ...(kind === 'charter' ? { contractRef: 'BJ-1', ticketSummary: '机票汇总' } : {}),
  });

  it('files in time, refuses a late filing with the rule and dates and writes nothing; each agency sees its own trips', async () => {
    const arrival = fromToday(10);
    const filed = await api<{ tripId: string; claimDeadline: string }>(http(), '/api/tourism/trips', {
      token: tokens[agencyA],
      body: filing('day', 'day', arrival),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);

    const early = fromToday(2);
    const late = await api<{ detail: string }>(http(), '/api/tourism/trips', {
      token: tokens[agencyB],
      body: filing('charter', 'charter', early),
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('三.1');
    expect(late.body.detail).toContain(early);
    expect(late.body.detail).toContain(fromToday(-1));
    const invalid = await api<{ errors: { field: string }[] }>(http(), '/api/tourism/trips', {
      token: tokens[agencyB],
      body: { ...filing('charter', 'charter', arrival), contractRef: undefined },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.field)).toContain('body.contractRef');
    expect(await store.db.collection('tr_trips').countDocuments({ 'agency.code': agencyB })).toBe(0);

    const mine = await eventually(
      async () =>
        (await api<{ trips: { tripId: string }[] }>(http(), '/api/tourism/trips', { token: tokens[agencyA] }))
          .body,
      (b) => b.trips.length === 1,
      SLOW,
    );
    expect(mine.trips[0]!.tripId).toBe(`day-${run}`);
    expect(
      (await api<{ trips: unknown[] }>(http(), '/api/tourism/trips', { token: tokens[agencyB] })).body.trips,
    ).toEqual([]);
    const seenBySpot = await api<{ trips: unknown[] }>(http(), '/api/tourism/trips', { token: tokens[spot] });
    expect(seenBySpot.body.trips).toHaveLength(1);
    expect((await api(http(), `/api/tourism/trips/day-${run}`, { token: tokens[agencyB] })).status).toBe(404);

    // The agency's claim waits in its inbox with the window's deadline; none before the trip.
    const entry = await eventually(
      () =>
        store.db.collection<InboxDoc>(ReadModels.inbox).findOne({ process: 'tourism', unitCode: agencyA }),
      (e) => e !== null,
      SLOW,
    );
    expect(entry).toMatchObject({ step: 'claim', deadline: filed.body.claimDeadline });
    const early2 = await api<{ detail: string }>(http(), `/api/tourism/trips/day-${run}/actions/claim`, {
      token: tokens[agencyA],
      body: { claimedVisitors: 120 },
    });
    expect(early2.status).toBe(409);
    expect(early2.body.detail).toContain('离青后方可申请');
    const other = await api(http(), `/api/tourism/trips/day-${run}/actions/claim`, {
      token: tokens[agencyB],
      body: { claimedVisitors: 120 },
    });
    expect(other.status).toBe(404);
  });

  it('voids an agency with who and why (四(一)), and the sheet opens with a row naming it', async () => {
    await api(http(), '/api/tourism/trips', {
      token: tokens[agencyB],
      body: filing('overnight', 'overnight', fromToday(12)),
    });
    await eventually(
      () =>
        store.db.collection('tr_settlements').countDocuments({ 'agency.code': { $in: [agencyA, agencyB] } }),
      (n) => n === 2,
      SLOW,
    );
    const path = `/api/tourism/settlements/${agencyB}/${year()}/actions/void`;
    const refused = await api(http(), path, {
      token: tokens[agencyA],
      body: { ground: 'fraud', reason: '虚报' },
    });
    expect(refused.status).toBe(403);
    const voided = await api<{ voiding: { byName: string; reason: string } }>(http(), path, {
      token: tokens.centre,
      body: { ground: 'fraud', reason: '虚报接待人数' },
    });
    expect(voided.status, JSON.stringify(voided.body)).toBe(200);
    expect(voided.body.voiding.reason).toContain('弄虚作假');

    await eventually(
      () => store.db.collection('tr_settlements').findOne({ 'agency.code': agencyB, voiding: { $ne: null } }),
      (d) => d !== null,
      SLOW,
    );
    const totals = await api<{ agencies: number }>(http(), `/api/tourism/totals?year=${year()}`, {
      token: tokens.leader,
    });
    expect(totals.body.agencies).toBeGreaterThanOrEqual(2);
    expect((await api(http(), `/api/tourism/totals?year=${year()}`, { token: tokens[agencyA] })).status).toBe(
      403,
    );
    // An agency is an outside user: its own year only, not the others' figures (二.7 ranking), and
    // no government desk.
    const own = await api<{ settlements: { agency: { code: string } }[] }>(
      http(),
      `/api/tourism/settlements?year=${year()}`,
      { token: tokens[agencyB] },
    );
    expect(own.body.settlements.map((s) => s.agency.code)).toEqual([agencyB]);
    for (const path of [`/api/tourism/ranking?year=${year()}`, '/api/items'])
      expect((await api(http(), path, { token: tokens[agencyB] })).status, path).toBe(403);

    const res = await fetch(`${system.gateway.url}/api/tourism/sheet.xlsx?year=${year()}`, {
      headers: { authorization: `Bearer ${tokens.centre}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const voidedRow = rows.find((r) => r[1] === '银川乙自驾车俱乐部');
    expect(voidedRow?.slice(1, 4)).toEqual(['银川乙自驾车俱乐部', '不予奖励', '四(一)']);
    expect(String(voidedRow?.[7])).toContain('虚报接待人数');
  });
});
