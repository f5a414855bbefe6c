import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { refused, timeSkippingSuite } from '@duban/workflow-core/testing';
import {
  MARKETING_CENTRE,
  settlementWorkflowId,
  tripWorkflowId,
  type SettlementCommand,
  type StartTrip,
  type TripCommand,
  type TripFiling,
} from './contracts/index';
import { createTourismActivities } from './activities';
import { settlementActionUpdate, settlementQuery, tripActionUpdate, tripQuery } from './definitions';
import { rankBestAgencies } from './rules';
import { actor } from './testing';
import { tourismWorkflowsPath } from './worker';
import type { tourismSettlementWorkflow, tourismTripWorkflow } from './workflows';

// The server's clock starts on 2019-04-30 08:00 (UTC), the day 青政办发〔2019〕34号 was issued: the
// tests walk the 2019 claim windows (三.4(3)(4)) and the settlement due on 2020-01-31.
const TASK_QUEUE = 'tourism-test';
const run = Date.now().toString(36);

describe('tourism workflows on the time-skipping server (青政办发〔2019〕34号)', () => {
  const suite = timeSkippingSuite({
    workflowsPath: tourismWorkflowsPath,
    taskQueue: TASK_QUEUE,
    startAt: '2019-04-30 08:00:00',
    activities: (js) => createTourismActivities({ js }),
  });
  const agencyA = { code: `agency-a${run}`, name: '宁夏某国际旅行社' };
  const agencyB = { code: `agency-b${run}`, name: '银川某自驾车俱乐部' };
  // The Done-when of issue 16: two agencies' trips over 2019, settled at year end, one more voided.
  const agencyC = { code: `agency-c${run}`, name: '宁夏丙国际旅行社' };
  const agencyD = { code: `agency-d${run}`, name: '银川丁旅行社' };
  const agencyE = { code: `agency-e${run}`, name: '吴忠戊旅行社' };
  const spots = [
    { code: `spot-tower${run}`, name: '黄河楼', grade: '5A' as const },
    { code: `spot-canyon${run}`, name: '黄河大峡谷', grade: '4A' as const },
  ];
  const hotel = { code: `hotel-${run}`, name: '青铜峡宾馆' };
  const centre = () => actor('bureau', MARKETING_CENTRE);

  const filing = (tripId: string, over: Partial<TripFiling>): TripFiling => ({
    tripId: `${tripId}-${run}`,
    kind: 'overnight',
    guide: { name: '王导', phone: '13900000000' },
    arrival: '2019-05-10',
    departure: '2019-05-11',
    headCount: 300,
    itinerary: { spots, meals: ['黄河楼餐厅'], hotel },
    coaches: [],
    outOfRegion: true,
    blockBooking: false,
    ...over,
  });
  const file = async (agency: typeof agencyA, f: TripFiling) => {
    const input: StartTrip = { filing: f, agency, filedBy: actor('bureau', agency.code) };
    const h = await suite.env.client.workflow.start<typeof tourismTripWorkflow>('tourismTripWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: tripWorkflowId(f.tripId),
      args: [input],
    });
    return h as WorkflowHandle<typeof tourismTripWorkflow>;
  };
  const act = (h: WorkflowHandle, command: TripCommand) =>
    h.executeUpdate(tripActionUpdate, { args: [command] });
  const claim = (h: WorkflowHandle, agency: typeof agencyA, claimedVisitors: number, photos: string[] = []) =>
    act(h, {
      action: 'claim',
      actor: actor('bureau', agency.code),
      body: { claimedVisitors, meal: true, photos },
    });
  const confirm = (h: WorkflowHandle, unitCode: string, count: number) =>
    act(h, { action: 'confirm-count', actor: actor('bureau', unitCode), body: { count } });
  const confirmAll = async (h: WorkflowHandle, counts: [number, number, number?]) => {
    await confirm(h, spots[0]!.code, counts[0]);
    await confirm(h, spots[1]!.code, counts[1]);
    if (counts[2] !== undefined) await confirm(h, hotel.code, counts[2]);
  };
  const verify = (h: WorkflowHandle) => act(h, { action: 'verify', actor: centre(), body: {} });
  const startSettlement = async (agency: typeof agencyA) => {
    const h = await suite.env.client.workflow.start<typeof tourismSettlementWorkflow>(
      'tourismSettlementWorkflow',
      {
        taskQueue: TASK_QUEUE,
        workflowId: settlementWorkflowId(agency.code, 2019),
        args: [{ agency, year: 2019 }],
      },
    );
    return h as WorkflowHandle<typeof tourismSettlementWorkflow>;
  };
  const settle = (h: WorkflowHandle, command: Omit<SettlementCommand, 'actor'>) =>
    h.executeUpdate(settlementActionUpdate, { args: [{ ...command, actor: centre() }] });
  /** Queries until the settlement shows `n` recorded claims (the trip tells it after its turn). */
  const settlementWith = async (h: WorkflowHandle, n: number) => {
    for (let i = 0; i < 100; i += 1) {
      const s = await h.query(settlementQuery);
      if (s.trips.length >= n) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`settlement never reached ${n} claims`);
  };

  /** Waits for the workflow to end without `result()`, which would let the server skip time. */
  const ended = async (h: WorkflowHandle) => {
    for (let i = 0; i < 100; i += 1) {
      if ((await h.describe()).status.name === 'COMPLETED') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${h.workflowId} did not end`);
  };

  it('files in time or refuses, claims in the window with the smaller count, closes late trips unclaimable, settles in 2020 to the figures of the rules with the ranking of 二.7 and voided agencies', async () => {
    const settlementA = await startSettlement(agencyA);
    const settlementB = await startSettlement(agencyB);
    await suite.skipTo('2019-05-02T09:00:00');

    // 三.1: a charter arriving 05-04 had to be filed by 05-01.
    const lateFiling = await file(
      agencyA,
      filing('charter-late', {
        kind: 'charter',
        arrival: '2019-05-04',
        departure: '2019-05-05',
        contractRef: 'C-1',
        ticketSummary: '机票汇总',
      }),
    );
    await ended(lateFiling);
    const refusedTrip = await lateFiling.query(tripQuery);
    expect(refusedTrip.status).toBe('refused');
    expect(refusedTrip.closedReason).toMatch(/三\.1.*2019-05-04.*2019-05-01.*2019-05-02/);

    // A train of 05-10/11 (due 05-30), a coach group of 05-20/21 (due 05-30, left unclaimed).
    const train = await file(
      agencyA,
      filing('train', { kind: 'train', contractRef: 'ZL-1', ticketSummary: '火车票汇总' }),
    );
    const coach = await file(
      agencyB,
      filing('coach', {
        kind: 'coach',
        arrival: '2019-05-20',
        departure: '2019-05-21',
        coaches: [{ plate: '宁A12345', seats: 45 }],
      }),
    );
    expect((await train.query(tripQuery)).claimDeadline).toBe('2019-05-30');

    await suite.skipTo('2019-05-12T10:00:00');
    await refused(claim(train, agencyB, 300), /只有备案单位/);
    await claim(train, agencyA, 330);
    await refused(verify(train), /尚待核实接待人数：黄河楼、黄河大峡谷、青铜峡宾馆/);
    // 三.2: the two spots counted 322 and 305 — the smaller counts.
    await confirmAll(train, [322, 305, 310]);
    const verified = await verify(train);
    expect(verified).toMatchObject({ status: 'verified', counted: 305 });
    expect(verified.rewards).toEqual([
      { item: '二.2', kind: 'train', basis: '305 人 × 80 元', amount: 24_400 },
    ]);
    expect((await settlementWith(settlementA, 1)).amount).toBe(24_400);
    await ended(train);

    // 三.4(3): the coach group's window closes 05-30; on 05-31 the trip is closed for good (the
    // service answers a claim from then on with the reason kept on the trip).
    await suite.skipTo('2019-05-30T23:00:00');
    await refused(claim(coach, agencyB, 300), /三\.3\(3\)/);
    await suite.skipTo('2019-05-31T09:00:00');
    await ended(coach);
    const closed = await coach.query(tripQuery);
    expect(closed).toMatchObject({ status: 'unclaimable', colour: 'none' });
    expect(closed.closedReason).toMatch(/三\.4\(3\).*不再接受补报/);

    // 三.4(4): overnight tours of the second quarter (06-29/30) are due 07-15, the 15th itself in
    // time; a day tour of 06-10 left unclaimed turns blue on 07-09 and is closed on 07-16.
    await suite.skipTo('2019-06-20T09:00:00');
    const overnight = await file(
      agencyB,
      filing('overnight', { arrival: '2019-06-29', departure: '2019-06-30', headCount: 700 }),
    );
    await suite.skipTo('2019-06-21T09:00:00');
    const day = await file(
      agencyB,
      filing('day', {
        kind: 'day',
        arrival: '2019-06-25',
        departure: '2019-06-25',
        itinerary: { spots, meals: [], hotel: null },
      }),
    );
    expect((await overnight.query(tripQuery)).claimDeadline).toBe('2019-07-15');
    await suite.skipTo('2019-07-10T09:00:00');
    expect((await day.query(tripQuery)).colour).toBe('blue');
    await suite.skipTo('2019-07-15T20:00:00');
    await claim(overnight, agencyB, 700);
    await confirmAll(overnight, [690, 700, 650]);
    expect(await verify(overnight)).toMatchObject({ counted: 650, tally: { overnight: 650 } });
    await suite.skipTo('2019-07-16T09:00:00');
    await ended(day);
    expect((await day.query(tripQuery)).closedReason).toMatch(/2019-07-15.*三\.4\(4\)/);
    expect((await settlementWith(settlementB, 1)).rewardLines).toEqual([
      { item: '二.5', kind: 'overnight', basis: '650 人次 × 60 元', amount: 39_000 },
    ]);

    // 年底结算: not before every window of the year has closed (2020-01-31).
    await refused(settle(settlementA, { action: 'settle', body: { bestAgency: null } }), /2020-01-31/);
    // 四(一): agency B found to have cheated — who and why are kept; its reward goes.
    const voided = await settle(settlementB, {
      action: 'void',
      body: { ground: 'fraud', reason: '虚报接待人数' },
    });
    expect(voided).toMatchObject({
      amount: 0,
      rewardLines: [],
      voiding: { ground: 'fraud', by: `bureau-${MARKETING_CENTRE}` },
    });
    expect(voided.voiding?.reason).toContain('弄虚作假');

    // --- The Done-when of issue 16: agencies C and D file and claim over 2019 (the second half of
    // the year here); each figure is the rules' (二.2, 二.4, 二.5, 二.7) on the smaller counts (三.2).
    const settlementC = await startSettlement(agencyC);
    const settlementD = await startSettlement(agencyD);
    const settlementE = await startSettlement(agencyE);
    await suite.skipTo('2019-07-20T09:00:00');
    /** A trip of the year: its kind, arrival and departure, head count and what else it files. */
    const fileTrip = (
      agency: typeof agencyA,
      id: string,
      kind: TripFiling['kind'],
      [arrival, departure]: [string, string],
      headCount: number,
      over: Partial<TripFiling> = {},
    ) => file(agency, filing(id, { kind, arrival, departure, headCount, ...over }));
    const noHotel = (s: typeof spots) => ({ itinerary: { spots: s, meals: [], hotel: null } });
    const trainC = await fileTrip(agencyC, 'train-c', 'train', ['2019-08-01', '2019-08-02'], 4100, {
      contractRef: 'ZL-C',
      ticketSummary: '火车票汇总',
    });
    const overnightC = await fileTrip(
      agencyC,
      'overnight-c',
      'overnight',
      ['2019-08-10', '2019-08-11'],
      3200,
    );
    const coachC = await fileTrip(agencyC, 'coach-c', 'coach', ['2019-09-10', '2019-09-11'], 320, {
      coaches: [{ plate: '宁A00001', seats: 45 }],
    });
    const overnightD = await fileTrip(
      agencyD,
      'overnight-d',
      'overnight',
      ['2019-08-05', '2019-08-06'],
      2100,
    );
    const dayD = await fileTrip(agencyD, 'day-d', 'day', ['2019-08-20', '2019-08-20'], 3050, noHotel(spots));
    const lateDayD = await fileTrip(
      agencyD,
      'day-late-d',
      'day',
      ['2019-09-05', '2019-09-05'],
      900,
      noHotel([spots[0]!]),
    );
    const overnightE = await fileTrip(
      agencyE,
      'overnight-e',
      'overnight',
      ['2019-08-10', '2019-08-11'],
      7600,
    );

    // C's train (due 08-30): the spots counted 4022 and 3990, the hotel 4000: 3990 × ¥80 (二.2).
    await suite.skipTo('2019-08-03T09:00:00');
    await claim(trainC, agencyC, 4050);
    await confirmAll(trainC, [4022, 3990, 4000]);
    expect(await verify(trainC)).toMatchObject({
      counted: 3990,
      rewards: [{ item: '二.2', kind: 'train', basis: '3990 人 × 80 元', amount: 319_200 }],
      tally: { total: 3990, overnight: 0 },
    });

    // C's coach group (due 09-30) is not claimed: closed on 10-01, never counted (三.4(3)).
    await suite.skipTo('2019-10-01T09:00:00');
    await ended(coachC);
    expect(await coachC.query(tripQuery)).toMatchObject({ status: 'unclaimable', counted: null });
    expect((await coachC.query(tripQuery)).closedReason).toMatch(/2019-09-30.*三\.4\(3\).*不再接受补报/);

    // The third quarter's tours, claimed on 10-14 (due 10-15, 三.4(4)).
    await suite.skipTo('2019-10-14T09:00:00');
    await claim(overnightC, agencyC, 3200);
    await confirmAll(overnightC, [3200, 3150, 3180]);
    expect(await verify(overnightC)).toMatchObject({
      counted: 3150,
      rewards: [],
      tally: { overnight: 3150 },
    });
    await claim(overnightD, agencyD, 2100);
    await confirmAll(overnightD, [2100, 2080, 2090]);
    expect(await verify(overnightD)).toMatchObject({ counted: 2080, tally: { overnight: 2080 } });
    await claim(dayD, agencyD, 3050);
    await confirmAll(dayD, [3020, 3000]);
    expect(await verify(dayD)).toMatchObject({
      counted: 3000,
      tally: { total: 3000, dayOneSpot: 0, dayTwoSpots: 3000, overnight: 0 },
    });
    await claim(overnightE, agencyE, 7600);
    await confirmAll(overnightE, [7600, 7600, 7600]);
    expect(await verify(overnightE)).toMatchObject({ counted: 7600 });

    // D's day tour of 09-05 was not claimed by 10-15: closed on 10-16 and never counted (三.4(4)).
    await suite.skipTo('2019-10-16T09:00:00');
    await ended(lateDayD);
    expect(await lateDayD.query(tripQuery)).toMatchObject({ status: 'unclaimable', counted: null });
    expect((await lateDayD.query(tripQuery)).closedReason).toMatch(/2019-10-15.*三\.4\(4\).*不再接受补报/);
    // 四(一): E forced its tourists to shop — who and why are kept, and its year earns nothing.
    expect(
      await settle(settlementE, { action: 'void', body: { ground: 'harm', reason: '强迫游客购物' } }),
    ).toMatchObject({ amount: 0, voiding: { ground: 'harm', by: `bureau-${MARKETING_CENTRE}` } });

    // A fourth-quarter tour of D (12-28/29) is claimed in the next year's window (2020-01-15).
    const winterD = await fileTrip(
      agencyD,
      'overnight-winter-d',
      'overnight',
      ['2019-12-28', '2019-12-29'],
      2000,
    );
    expect((await winterD.query(tripQuery)).claimDeadline).toBe('2020-01-15');
    await suite.skipTo('2020-01-14T09:00:00');
    await claim(winterD, agencyD, 2000);
    await confirmAll(winterD, [1990, 2000, 1995]);
    expect(await verify(winterD)).toMatchObject({ counted: 1990, tally: { overnight: 1990 } });

    // The years as they stand: C 3990 + 3150 = 7140 (overnight 3150), D 2080 + 3000 + 1990 = 7070
    // (overnight 2080 + 1990 = 4070); the unclaimed trips count nowhere.
    expect((await settlementWith(settlementC, 2)).totals).toEqual({
      total: 7140,
      overnight: 3150,
      dayOneSpot: 0,
      dayTwoSpots: 0,
      rewardedTrains: 1,
      rewardedCharters: 0,
    });
    expect((await settlementWith(settlementD, 3)).totals).toEqual({
      total: 7070,
      overnight: 4070,
      dayOneSpot: 0,
      dayTwoSpots: 3000,
      rewardedTrains: 0,
      rewardedCharters: 0,
    });
    expect((await settlementWith(settlementE, 1)).totals).toMatchObject({ total: 7600, overnight: 7600 });

    await suite.skipTo('2020-01-31T09:00:00');
    expect((await settlementA.query(settlementQuery)).status).toBe('due');
    await refused(
      settle(settlementA, { action: 'settle', body: { bestAgency: { rank: 1, prize: 100_000 } } }),
      /超过 7000 人次/,
    );
    const settled = await settle(settlementA, { action: 'settle', body: { bestAgency: null } });
    expect(settled).toMatchObject({
      status: 'settled',
      amount: 24_400,
      totals: { total: 305, rewardedTrains: 1 },
    });
    await ended(settlementA);

    // 二.7 at year end: more than 7000 — C and D; the first five by total (C 7140, D 7070), then
    // the first three by overnight visitors: D (4070) first, C (3150) second. E (7600, all
    // overnight) would have been first; voided (四(一)), it is not ranked and the others move up.
    const years = await Promise.all(
      [settlementA, settlementB, settlementC, settlementD, settlementE].map((h) => h.query(settlementQuery)),
    );
    const standings = years.map((s) => ({
      agencyCode: s.agency.code,
      total: s.totals.total,
      overnight: s.totals.overnight,
      voided: s.voiding !== null,
    }));
    const ranked = rankBestAgencies(standings);
    expect(ranked.map((r) => [r.agencyCode, r.rank, r.prize])).toEqual([
      [agencyD.code, 1, 100_000],
      [agencyC.code, 2, 80_000],
    ]);
    expect(
      rankBestAgencies(standings.map((s) => ({ ...s, voided: false }))).map((r) => r.agencyCode),
    ).toEqual([agencyE.code, agencyD.code, agencyC.code]);
    await refused(
      settle(settlementE, { action: 'settle', body: { bestAgency: { rank: 1, prize: 100_000 } } }),
      /四\(一\)/,
    );
    expect(await settle(settlementE, { action: 'settle', body: { bestAgency: null } })).toMatchObject({
      status: 'settled',
      amount: 0,
      rewardLines: [],
    });
    // Each year settles with its place of 二.7: one line per reward kind, each figure the rules'.
    const settledWith = async (h: WorkflowHandle, rank: number, prize: number, lines: unknown[]) => {
      const s = await settle(h, { action: 'settle', body: { bestAgency: { rank, prize } } });
      expect(s.rewardLines).toEqual(lines);
      expect(s).toMatchObject({ status: 'settled', bestAgency: { rank, prize } });
      return s.amount;
    };
    expect(
      await settledWith(settlementD, 1, 100_000, [
        { item: '二.4', kind: 'day-tour', basis: '一景区 0 人次，二景区 3000 人次', amount: 45_000 },
        { item: '二.5', kind: 'overnight', basis: '4070 人次 × 60 元', amount: 244_200 },
        { item: '二.7', kind: 'best-agency', basis: '第 1 名', amount: 100_000 },
      ]),
    ).toBe(389_200);
    expect(
      await settledWith(settlementC, 2, 80_000, [
        { item: '二.2', kind: 'train', basis: '1 团', amount: 319_200 },
        { item: '二.5', kind: 'overnight', basis: '3150 人次 × 60 元', amount: 189_000 },
        { item: '二.7', kind: 'best-agency', basis: '第 2 名', amount: 80_000 },
      ]),
    ).toBe(588_200);

    await suite.recordAndReplay(overnight, 'trip-overnight-quarter-window.json');
    await suite.recordAndReplay(coach, 'trip-coach-late-unclaimable.json');
    await suite.recordAndReplay(settlementA, 'settlement-train-settled.json');
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
