// One filed trip (青政办发〔2019〕34号 三) as pure state: filing in time, the claim in its window
// with the warning ladder, the counts of the spots and the hotel, the review. No I/O, no clock.
import { civilDateOf, colourFor, nextColourChangeAt } from '@duban/calendar';
import { isGranted, type Colour, type EventType } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import {
  MARKETING_CENTRE,
  StartTripSchema,
  TOURISM_DOC_NO,
  TourismEvents,
  TourismGrants,
  TripActionBodies,
  type StartTrip,
  type TripCommand,
  type TripSnapshot,
} from './contracts/index';
import { countedVisitors, isFourAOrAbove, tripRewardLines, tripTally, type VerifiedTrip } from './rules';
import { claimDeadline, claimRefusal, filingDeadline, filingRefusal, tripYear, TRIP_KINDS } from './windows';

export interface TripState {
  settings: ReturnType<typeof StartTripSchema.parse>;
  trip: TripSnapshot;
  /** The verified claim was told to the agency's settlement of the year. */
  settlementTold: boolean;
}

/** A fact to publish: its type, step name and what it carries besides the trip. */
export type TripFact = [EventType, string, object];

const CLOSED = new Set(['verified', 'rejected', 'unclaimable', 'refused']);
export const tripClosed = (t: TripSnapshot): boolean => CLOSED.has(t.status);

/** The trip as filed at `now`: `refused` when filed too late (三.1, 三.3(1), 三.4(1)). */
export function newTripState(input: StartTrip, now: number): { state: TripState; refusal: string | null } {
  const settings = StartTripSchema.parse(input);
  const { filing } = settings;
  const filedOn = civilDateOf(now);
  const refusal = filingRefusal(filing.kind, filing.arrival, filedOn);
  const at = new Date(now).toISOString();
  // The filing as registered (登记表), the documents a kind does not need written as null.
  const { contractRef, ticketSummary, ...registered } = filing;
  const trip: TripSnapshot = {
    ...registered,
    contractRef: contractRef ?? null,
    ticketSummary: ticketSummary ?? null,
    docNo: TOURISM_DOC_NO,
    agency: settings.agency,
    year: tripYear(filing.arrival),
    filedAt: at,
    filedOn,
    filingDeadline: filingDeadline(filing.kind, filing.arrival),
    claimDeadline: claimDeadline(filing.kind, filing.departure, settings.monthlyClaimMonth),
    status: refusal ? 'refused' : 'filed',
    colour: 'green',
    claim: null,
    confirmations: [],
    counted: null,
    rewards: [],
    tally: null,
    closedAt: refusal ? at : null,
    closedReason: refusal,
    version: 0,
  };
  const state: TripState = { settings, trip, settlementTold: false };
  if (!refusal) trip.colour = windowColour(state, now);
  return { state, refusal };
}

/** The units that confirm counts: each scenic spot of the itinerary and its hotel (三.2). */
export function confirmers(t: TripSnapshot): { code: string; name: string; role: 'spot' | 'hotel' }[] {
  const spots = t.itinerary.spots.map((s) => ({ code: s.code, name: s.name, role: 'spot' as const }));
  const hotel = t.itinerary.hotel ? [{ ...t.itinerary.hotel, role: 'hotel' as const }] : [];
  return [...spots, ...hotel];
}

/** Units whose count is still awaited. */
export const awaitedConfirmers = (t: TripSnapshot) =>
  confirmers(t).filter((c) => !t.confirmations.some((x) => x.unitCode === c.code));

const refuseUnless = (ok: boolean, reason: string) => {
  if (!ok) refuse(reason);
};

/** The Update validator: refuses with the rule and the dates, and changes nothing. */
export function checkTripAction(
  state: TripState,
  command: TripCommand,
  now: number,
): Record<string, unknown> {
  const t = state.trip;
  const body = TripActionBodies[command.action].parse(command.body ?? {}) as Record<string, unknown>;
  const { actor } = command;
  const today = civilDateOf(now);
  if (t.status === 'unclaimable' || t.status === 'refused') refuse(t.closedReason ?? '行程已关闭');
  if (tripClosed(t))
    refuse(`行程 ${t.tripId} 已${t.status === 'verified' ? '审核通过' : '审核未通过'}，不能再操作`);
  switch (command.action) {
    case 'claim': {
      refuseUnless(
        isGranted(TourismGrants.claim, actor) && actor.unitCode === t.agency.code,
        `只有备案单位${t.agency.name}可以申请（青政办发〔2019〕34号 三.2）`,
      );
      refuseUnless(t.status === 'filed', `行程 ${t.tripId} 已申请`);
      const late = claimRefusal(t.kind, t.departure, today, state.settings.monthlyClaimMonth);
      if (late) refuse(late);
      const photos = body.photos as string[];
      refuseUnless(
        t.kind !== 'coach' || photos.length > 0,
        '大巴团须附景区整体照片和正门口合影（青政办发〔2019〕34号 三.3(3)）',
      );
      return body;
    }
    case 'confirm-count': {
      const who = confirmers(t).find((c) => c.code === actor.unitCode);
      refuseUnless(
        isGranted(TourismGrants['confirm-count'], actor) && who !== undefined,
        `接待人数由行程中的景区和宾馆核实（青政办发〔2019〕34号 三.2）：${confirmers(t)
          .map((c) => c.name)
          .join('、')}`,
      );
      refuseUnless(today >= t.arrival, `团队 ${t.arrival} 抵达后方可核实人数`);
      return body;
    }
    case 'verify':
    case 'reject': {
      refuseUnless(
        isGranted(TourismGrants[command.action], actor) && actor.unitCode === MARKETING_CENTRE,
        '申请由青铜峡市旅游营销中心审核（青政办发〔2019〕34号 三）',
      );
      refuseUnless(t.status === 'claimed', `行程 ${t.tripId} 尚未申请`);
      const awaited = awaitedConfirmers(t);
      refuseUnless(
        command.action === 'reject' || awaited.length === 0,
        `尚待核实接待人数：${awaited.map((c) => c.name).join('、')}（青政办发〔2019〕34号 三.2）`,
      );
      return body;
    }
  }
}

/** What the rules of 二 see of the verified claim: the smallest count (三.2), the 4A spots with tickets. */
export function verifiedTrip(t: TripSnapshot): VerifiedTrip {
  const spots = t.confirmations.filter((c) => c.role === 'spot');
  const hotel = t.confirmations.find((c) => c.role === 'hotel');
  const grade = (code: string) => t.itinerary.spots.find((s) => s.code === code)?.grade ?? 'other';
  const night = hotel !== undefined && hotel.count > 0;
  const visitors = Math.min(
    t.claim?.claimedVisitors ?? 0,
    countedVisitors(
      spots.map((s) => s.count),
      night ? hotel.count : null,
    ),
  );
  return {
    kind: t.kind,
    visitors,
    fourASpots: spots.filter((s) => s.ticket && s.count > 0 && isFourAOrAbove(grade(s.unitCode))).length,
    night,
    meal: t.claim?.meal ?? false,
    coachSeats: t.coaches.map((c) => c.seats),
    outOfRegion: t.outOfRegion,
    blockBooking: t.blockBooking,
  };
}

/** Applies a checked action; returns its facts. */
export function applyTripAction(
  state: TripState,
  command: TripCommand,
  body: Record<string, unknown>,
  now: number,
): TripFact[] {
  const t = state.trip;
  const at = new Date(now).toISOString();
  const { actor } = command;
  switch (command.action) {
    case 'claim':
      t.status = 'claimed';
      t.claim = {
        claimedAt: at,
        claimedOn: civilDateOf(now),
        claimedBy: actor.userId,
        claimedVisitors: Number(body.claimedVisitors),
        meal: Boolean(body.meal),
        photos: body.photos as string[],
      };
      return [[TourismEvents.TripClaimed.type, 'claimed', {}], ...colourFacts(state, now)];
    case 'confirm-count': {
      const who = confirmers(t).find((c) => c.code === actor.unitCode)!;
      const count = Number(body.count);
      t.confirmations = t.confirmations.filter((c) => c.unitCode !== who.code);
      t.confirmations.push({
        unitCode: who.code,
        name: who.name,
        role: who.role,
        count,
        ticket: Boolean(body.ticket),
        at,
        by: actor.userId,
      });
      return [[TourismEvents.CountConfirmed.type, `confirmed-${who.code}`, { unitCode: who.code, count }]];
    }
    case 'verify': {
      const verified = verifiedTrip(t);
      t.status = 'verified';
      t.counted = verified.visitors;
      t.rewards = tripRewardLines(verified);
      t.tally = tripTally(verified);
      t.closedAt = at;
      t.closedReason = typeof body.note === 'string' ? body.note : null;
      return [[TourismEvents.ClaimVerified.type, 'verified', {}]];
    }
    case 'reject':
      t.status = 'rejected';
      t.closedAt = at;
      t.closedReason = String(body.reason);
      return [[TourismEvents.ClaimRejected.type, 'rejected', { reason: t.closedReason }]];
  }
}

function windowColour(state: TripState, now: number): Colour {
  if (state.trip.status !== 'filed') return 'none';
  return colourFor({
    now,
    deadline: state.trip.claimDeadline,
    warningWindowDays: state.settings.warningWindowDays,
    reportMissing: false,
  });
}

/**
 * The warning ladder of the claim window, for the agency: blue as the window is about to close;
 * past it the trip is closed and cannot be claimed later (三.4(4) 过申报期后不在接受未申报材料团队补报).
 */
export function colourFacts(state: TripState, now: number): TripFact[] {
  const t = state.trip;
  const to = windowColour(state, now);
  if (to === t.colour) return [];
  const from = t.colour;
  t.colour = to;
  const what = `${TRIP_KINDS[t.kind]}申请期限 ${t.claimDeadline}`;
  const reason =
    to === 'blue'
      ? `${what}临近，尚未申请`
      : to === 'red'
        ? `已过${what}，未申请`
        : to === 'none'
          ? '已申请'
          : '按期';
  const facts: TripFact[] = [[TourismEvents.ClaimWindowColourChanged.type, 'colour', { from, to, reason }]];
  if (to === 'red') {
    t.status = 'unclaimable';
    t.colour = 'none';
    t.closedAt = new Date(now).toISOString();
    t.closedReason =
      `已过申报期：${what}（青政办发〔2019〕34号 ${t.kind === 'day' || t.kind === 'overnight' ? '三.4(4)' : '三.4(3)'}），` +
      '不再接受补报';
    facts.push([TourismEvents.TripClosedUnclaimed.type, 'unclaimable', { reason: t.closedReason }]);
  }
  return facts;
}

export function nextTripWakeAt(state: TripState, now: number): number | null {
  if (state.trip.status !== 'filed') return null;
  const at = nextColourChangeAt({
    now,
    deadline: state.trip.claimDeadline,
    warningWindowDays: state.settings.warningWindowDays,
  });
  return at && at.getTime() > now ? at.getTime() : null;
}
