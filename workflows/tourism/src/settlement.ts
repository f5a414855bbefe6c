// One agency's year (三.4 年底结算): its verified claims, express lines, yearly thresholds, voiding
// (四(一)) and the settlement. Pure state; the ranking of 二.7 across agencies comes in `settle`.
import { startOfCivilDay } from '@duban/calendar';
import { isGranted, type Actor, type EventType } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import {
  ClaimVerifiedSignalSchema,
  MARKETING_CENTRE,
  SettlementActionBodies,
  StartSettlementSchema,
  TOURISM_DOC_NO,
  TourismEvents,
  TourismGrants,
  VoidGrounds,
  settlementId,
  type ClaimVerifiedSignal,
  type ExpressLineRecord,
  type SettlementCommand,
  type SettlementSnapshot,
  type StartSettlement,
} from './contracts/index';
import { BEST_AGENCY_MIN_EXCLUSIVE, agencyRewardLines, agencyTotals, type AgencyYear } from './rules';
import { settlementDueOn } from './windows';

export interface SettlementState {
  settings: ReturnType<typeof StartSettlementSchema.parse>;
  settlement: SettlementSnapshot;
}

export type SettlementFact = [EventType, string, object];

export function newSettlementState(input: StartSettlement): SettlementState {
  const settings = StartSettlementSchema.parse(input);
  const state: SettlementState = {
    settings,
    settlement: {
      settlementId: settlementId(settings.agency.code, settings.year),
      docNo: TOURISM_DOC_NO,
      agency: settings.agency,
      year: settings.year,
      dueOn: settlementDueOn(settings.year),
      status: 'open',
      trips: [],
      lines: [],
      totals: agencyTotals({ trips: [], lines: [] }),
      rewardLines: [],
      amount: 0,
      voiding: null,
      bestAgency: null,
      settledAt: null,
      version: 0,
    },
  };
  return state;
}

const yearOf = (s: SettlementSnapshot): AgencyYear => ({
  trips: s.trips,
  lines: s.lines as ExpressLineRecord[],
});

/** Totals and reward lines as they stand; a voided agency gets nothing (四(一) 不予奖励). */
export function recompute(state: SettlementState): void {
  const s = state.settlement;
  s.totals = agencyTotals(yearOf(s));
  s.rewardLines = s.voiding ? [] : agencyRewardLines(yearOf(s), state.settings.dayTourScope, s.bestAgency);
  s.amount = s.rewardLines.reduce((sum, l) => sum + l.amount, 0);
}

/** A verified claim of the agency's trip; a repeat or a claim after settlement changes nothing. */
export function recordClaim(state: SettlementState, signal: unknown): SettlementFact[] {
  const parsed = ClaimVerifiedSignalSchema.safeParse(signal);
  if (!parsed.success) return [];
  const claim: ClaimVerifiedSignal = parsed.data;
  const s = state.settlement;
  if (s.status === 'settled' || s.trips.some((t) => t.tripId === claim.tripId)) return [];
  s.trips.push(claim);
  recompute(state);
  return [[TourismEvents.SettlementClaimRecorded.type, `claim-${claim.tripId}`, { tripId: claim.tripId }]];
}

export function checkSettlementAction(
  state: SettlementState,
  command: SettlementCommand,
  now: number,
): Record<string, unknown> {
  const s = state.settlement;
  const body = SettlementActionBodies[command.action].parse(command.body ?? {}) as Record<string, unknown>;
  const { actor } = command;
  if (!isGranted(TourismGrants[command.action], actor) || actor.unitCode !== MARKETING_CENTRE)
    refuse('引客入青奖励由青铜峡市旅游营销中心审核结算（青政办发〔2019〕34号 三）');
  if (s.status === 'settled') refuse(`${s.agency.name} ${s.year} 年度已结算`);
  if (command.action === 'void' && s.voiding) refuse(`${s.agency.name} ${s.year} 年度已认定不予奖励`);
  if (command.action === 'record-line' && s.lines.some((l) => l.lineId === body.lineId))
    refuse(`专线 ${String(body.lineId)} 已登记`);
  if (command.action === 'settle') {
    if (now < startOfCivilDay(s.dueOn).getTime())
      refuse(`年底结算须在各申报期结束后（${s.dueOn} 起，青政办发〔2019〕34号 三.4(3)(4)）`);
    const best = body.bestAgency as { rank: number } | null;
    if (best && s.voiding) refuse(`${s.agency.name} 已认定不予奖励（四(一)），不参加最佳送团社排名`);
    if (best && s.totals.total <= BEST_AGENCY_MIN_EXCLUSIVE)
      refuse(
        `最佳送团社须年度累计送团超过 ${BEST_AGENCY_MIN_EXCLUSIVE} 人次（二.7），本社 ${s.totals.total} 人次`,
      );
  }
  return body;
}

export function applySettlementAction(
  state: SettlementState,
  command: SettlementCommand,
  body: Record<string, unknown>,
  now: number,
): SettlementFact[] {
  const s = state.settlement;
  const at = new Date(now).toISOString();
  const actor: Actor = command.actor;
  switch (command.action) {
    case 'record-line':
      s.lines.push(body as ExpressLineRecord);
      recompute(state);
      return [
        [TourismEvents.ExpressLineRecorded.type, `line-${String(body.lineId)}`, { lineId: body.lineId }],
      ];
    case 'void': {
      const ground = body.ground as keyof typeof VoidGrounds;
      s.voiding = {
        ground,
        reason: `${VoidGrounds[ground]}：${String(body.reason)}`,
        at,
        by: actor.userId,
        byName: actor.name,
        unitCode: actor.unitCode ?? null,
      };
      recompute(state);
      return [[TourismEvents.AgencyVoided.type, 'voided', {}]];
    }
    case 'settle':
      s.bestAgency = (body.bestAgency as SettlementSnapshot['bestAgency']) ?? null;
      s.status = 'settled';
      s.settledAt = at;
      recompute(state);
      return [[TourismEvents.SettlementSettled.type, 'settled', {}]];
  }
}

/** The settlement falls due the day after the year's last claim window (三.4(3)(4)). */
export function dueFacts(state: SettlementState, now: number): SettlementFact[] {
  const s = state.settlement;
  if (s.status !== 'open' || now < startOfCivilDay(s.dueOn).getTime()) return [];
  s.status = 'due';
  return [[TourismEvents.SettlementDue.type, 'due', {}]];
}

export function nextSettlementWakeAt(state: SettlementState, now: number): number | null {
  const s = state.settlement;
  if (s.status !== 'open') return null;
  const at = startOfCivilDay(s.dueOn).getTime();
  return at > now ? at : now + 1;
}
