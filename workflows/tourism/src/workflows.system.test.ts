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
  const confirmAll = async (h: WorkflowHandle, counts: [number, number, number]) => {
    await confirm(h, spots[0]!.code, counts[0]);
    await confirm(h, spots[1]!.code, counts[1]);
    await confirm(h, hotel.code, counts[2]);
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

  it('files in time or refuses, claims in the window with the smaller count, closes late trips unclaimable, settles in 2020 with one agency voided', async () => {
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

    await suite.recordAndReplay(overnight, 'trip-overnight-quarter-window.json');
    await suite.recordAndReplay(coach, 'trip-coach-late-unclaimable.json');
    await suite.recordAndReplay(settlementA, 'settlement-train-settled.json');
  });

  it('replays the recorded histories without non-determinism', () => suite.replayRecorded());
});
