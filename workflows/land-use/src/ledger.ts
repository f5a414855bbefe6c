// The city's compensation ledger (耕地占补平衡台账) as pure state transitions: the ledger
// workflow calls them, unit tests check them without a server. No I/O, no clock: `now` is passed
// in, and every fact is handed to `emit` at the moment it happens, so each event carries the
// ledger exactly as it stood after that fact.
import { civilDateOf, colourFor, nextColourChangeAt } from '@duban/calendar';
import {
  AcceptCompensationSchema,
  LU_DOC_NO,
  LandUseEvents,
  RequestOccupationSchema,
  type AcceptCompensation,
  type LedgerBalance,
  type LedgerSnapshot,
  type Occupation,
  type RequestOccupationBody,
} from './contracts/index';
import { type Actor, type Colour, type EventType } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import {
  allocate,
  compareText,
  keyLevelName,
  reclamationDeadline,
  reservedBy,
  servingOrder,
  toCenti,
  toMu,
  type ParcelStock,
} from './rules';
import { afterSuspensionFact, isSuspended, suspensionRefusal, type TownSuspension } from './suspension';

export interface StartLedger {
  ledgerId: string;
  warningWindowDays?: number;
  /** Continue-as-new after this many changes in one run (history stays small). */
  continueAsNewAfter?: number;
}

export interface LedgerState {
  settings: { ledgerId: string; warningWindowDays: number; continueAsNewAfter: number };
  ledger: LedgerSnapshot;
  /** Permanent occupations approved, by town, in hundredths of a mu. */
  occupiedByTown: Record<string, number>;
  /** Sequence of occupation numbers per year (ZY-2019-0001 …). */
  sequence: Record<string, number>;
  /** Each town's land-business suspension (三(十)) as the assessment facts left it, by town code. */
  suspensions: Record<string, TownSuspension>;
  /**
   * The latest answers, by request (`<update>:<requestId>:<body>`), oldest first. Temporal drops a
   * repeated Update id only within one run; the ledger runs on across continue-as-new, so a
   * request retried after a new run began must find its answer here rather than act again.
   */
  answered: { key: string; answer: unknown }[];
}

/** How many answers the ledger keeps for retried requests. */
export const ANSWERS_KEPT = 200;

/** A ledger's state carried into a new run; older runs kept no suspensions and no answers. */
export type ResumedLedgerState = Omit<LedgerState, 'suspensions' | 'answered'> &
  Partial<Pick<LedgerState, 'suspensions' | 'answered'>>;

export function resumeLedgerState(resumed: ResumedLedgerState): LedgerState {
  return { ...resumed, suspensions: resumed.suspensions ?? {}, answered: resumed.answered ?? [] };
}

/** The answer already given to this request, if the ledger still has it. */
export function answerFor(state: LedgerState, key: string): { answer: unknown } | null {
  const found = state.answered.find((a) => a.key === key);
  return found ? { answer: found.answer } : null;
}

export function rememberAnswer(state: LedgerState, key: string, answer: unknown): void {
  state.answered.push({ key, answer });
  if (state.answered.length > ANSWERS_KEPT) state.answered.splice(0, state.answered.length - ANSWERS_KEPT);
}

export type Emit = (type: EventType, step: string, actor: Actor | null, extra: object) => void;

export function newLedgerState(input: StartLedger): LedgerState {
  const state: LedgerState = {
    settings: {
      ledgerId: input.ledgerId,
      warningWindowDays: input.warningWindowDays ?? 7,
      continueAsNewAfter: input.continueAsNewAfter ?? 500,
    },
    ledger: {
      ledgerId: input.ledgerId,
      docNo: LU_DOC_NO,
      balance: emptyBalance(),
      parcels: [],
      queue: [],
      temporary: [],
      version: 0,
    },
    occupiedByTown: {},
    sequence: {},
    suspensions: {},
    answered: [],
  };
  return state;
}

function emptyBalance(): LedgerBalance {
  return {
    acceptedMu: 0,
    consumedMu: 0,
    remainingMu: 0,
    occupiedMu: 0,
    temporaryMu: 0,
    queued: 0,
    byTown: [],
  };
}

/** Recomputes the balance from the parcels: Σ remaining = accepted − consumed, by construction. */
export function refreshBalance(state: LedgerState): LedgerBalance {
  const { parcels, temporary, queue } = state.ledger;
  const towns = new Map<
    string,
    { accepted: number; remaining: number; occupied: number; temporary: number }
  >();
  const town = (name: string) => {
    let t = towns.get(name);
    if (!t) towns.set(name, (t = { accepted: 0, remaining: 0, occupied: 0, temporary: 0 }));
    return t;
  };
  for (const p of parcels) {
    town(p.townCode).accepted += toCenti(p.areaMu);
    town(p.townCode).remaining += toCenti(p.remainingMu);
  }
  for (const [name, centi] of Object.entries(state.occupiedByTown)) town(name).occupied += centi;
  for (const o of temporary) town(o.townCode).temporary += toCenti(o.areaMu);
  const byTown = [...towns.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, t]) => ({
      townCode: name,
      acceptedMu: toMu(t.accepted),
      consumedMu: toMu(t.accepted - t.remaining),
      remainingMu: toMu(t.remaining),
      occupiedMu: toMu(t.occupied),
      temporaryMu: toMu(t.temporary),
    }));
  const total = (
    f: (t: { accepted: number; remaining: number; occupied: number; temporary: number }) => number,
  ) => [...towns.values()].reduce((s, t) => s + f(t), 0);
  state.ledger.balance = {
    acceptedMu: toMu(total((t) => t.accepted)),
    consumedMu: toMu(total((t) => t.accepted - t.remaining)),
    remainingMu: toMu(total((t) => t.remaining)),
    occupiedMu: toMu(total((t) => t.occupied)),
    temporaryMu: toMu(total((t) => t.temporary)),
    queued: queue.length,
    byTown,
  };
  return state.ledger.balance;
}

const stockOf = (state: LedgerState): ParcelStock[] =>
  state.ledger.parcels.map((p) => ({
    parcelNo: p.parcelNo,
    remaining: toCenti(p.remainingMu),
    grade: p.grade,
  }));

function requireNatres(actor: Actor, what: string): void {
  if (actor.role !== 'bureau' || actor.unitCode !== 'natres')
    refuse(`${what}由自然资源局办理（青政办发〔2019〕28号 二(三)）`);
}

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return refuse(
      `参数错误：${parsed.error.issues.map((i) => `body.${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

// ——— 补充耕地验收入库 ———

export function checkAcceptCompensation(
  state: LedgerState,
  actor: Actor,
  body: unknown,
  now: number,
): AcceptCompensation {
  requireNatres(actor, '补充耕地验收入库');
  const parcel = parse(AcceptCompensationSchema, body);
  if (state.ledger.parcels.some((p) => p.parcelNo === parcel.parcelNo))
    refuse(`补充耕地地块 ${parcel.parcelNo} 已入库，不能重复入库`);
  if (parcel.acceptedOn > civilDateOf(now))
    refuse(`验收日期 ${parcel.acceptedOn} 晚于今天，先补后占须验收后入库`);
  return parcel;
}

export function acceptCompensation(
  state: LedgerState,
  actor: Actor,
  body: AcceptCompensation,
  now: number,
  emit: Emit,
  suspendedTowns: string[] = [],
): void {
  const parcel = {
    ...body,
    remainingMu: body.areaMu,
    acceptedAt: new Date(now).toISOString(),
    acceptedBy: actor.userId,
  };
  state.ledger.parcels.push(parcel);
  emit(LandUseEvents.CompensationAccepted.type, `accepted-${parcel.parcelNo}`, actor, {
    parcel: { ...parcel },
  });
  serveQueue(state, actor, now, emit, suspendedTowns);
}

// ——— 建设占用耕地 ———

export function checkRequestOccupation(
  state: LedgerState,
  actor: Actor,
  body: unknown,
): RequestOccupationBody {
  requireNatres(actor, '建设占用耕地审批');
  const request = parse(RequestOccupationSchema, body);
  if (request.kind === 'temporary' && request.waitIfShort)
    refuse('临时用地不占用补充耕地指标，不需要排队（body.waitIfShort）');
  const hold = state.suspensions[request.townCode];
  if (hold && isSuspended(hold)) refuse(suspensionRefusal(hold, request.kind));
  return request;
}

function nextOccupationId(state: LedgerState, now: number): string {
  const year = civilDateOf(now).slice(0, 4);
  const n = (state.sequence[year] ?? 0) + 1;
  state.sequence[year] = n;
  return `ZY-${year}-${String(n).padStart(4, '0')}`;
}

function consume(
  state: LedgerState,
  occupation: Occupation,
  consumed: { parcelNo: string; centi: number; grade: number }[],
) {
  for (const c of consumed) {
    const parcel = state.ledger.parcels.find((p) => p.parcelNo === c.parcelNo)!;
    parcel.remainingMu = toMu(toCenti(parcel.remainingMu) - c.centi);
  }
  occupation.consumed = consumed.map((c) => ({
    parcelNo: c.parcelNo,
    areaMu: toMu(c.centi),
    grade: c.grade,
  }));
  occupation.state = 'approved';
  occupation.refusal = null;
  state.occupiedByTown[occupation.townCode] =
    (state.occupiedByTown[occupation.townCode] ?? 0) + toCenti(occupation.areaMu);
}

/** Approves (consuming compensation), queues or refuses one request; returns it as decided. */
export function requestOccupation(
  state: LedgerState,
  actor: Actor,
  body: RequestOccupationBody,
  now: number,
  emit: Emit,
  /** 复垦期限 in years the request came with (land.temporary-use-years); older requests: 第57条's two. */
  reclamationYears?: number,
): Occupation {
  const at = new Date(now).toISOString();
  const occupation: Occupation = {
    occupationId: nextOccupationId(state, now),
    project: body.project,
    townCode: body.townCode,
    areaMu: body.areaMu,
    grade: body.grade,
    keyLevel: body.keyLevel,
    kind: body.kind,
    state: 'queued',
    filedAt: at,
    filedBy: actor.userId,
    decidedAt: null,
    consumed: [],
    refusal: null,
    reclamation: null,
  };
  const step = `occupation-${occupation.occupationId}`;
  if (body.kind === 'temporary') {
    // 临时用地 does not consume compensation; the land is reclaimed when the use ends (第57条).
    occupation.state = 'approved';
    occupation.decidedAt = at;
    const deadline = reclamationDeadline(civilDateOf(now), reclamationYears);
    occupation.reclamation = {
      deadline,
      colour: reclamationColour(deadline, now, state.settings.warningWindowDays),
      reclaimedAt: null,
      reclaimedBy: null,
      note: null,
    };
    state.ledger.temporary.push(occupation);
    emit(LandUseEvents.TemporaryOccupationApproved.type, step, actor, { occupation });
    return occupation;
  }
  const ahead = state.ledger.queue.filter((q) => servingOrder(q, occupation) < 0);
  const stock = stockOf(state);
  const outcome = allocate(stock, toCenti(body.areaMu), body.grade, reservedBy(ahead, stock));
  if (outcome.ok) {
    occupation.decidedAt = at;
    consume(state, occupation, outcome.consumed);
    emit(LandUseEvents.OccupationApproved.type, step, actor, { occupation });
    return occupation;
  }
  occupation.refusal = outcome.refusal;
  if (body.waitIfShort) {
    state.ledger.queue.push(occupation);
    state.ledger.queue.sort(servingOrder);
    const position = state.ledger.queue.indexOf(occupation) + 1;
    emit(LandUseEvents.OccupationQueued.type, step, actor, {
      occupation,
      refusal: outcome.refusal,
      position,
    });
    return occupation;
  }
  occupation.state = 'refused';
  occupation.decidedAt = at;
  emit(LandUseEvents.OccupationRefused.type, step, actor, {
    occupation,
    refusal: outcome.refusal,
  });
  return occupation;
}

/**
 * New compensation serves the waiting requests in order (key projects first, then by filing):
 * a request that still cannot be served keeps the parcels it could use from those behind it.
 * Requests in a town whose land business is suspended keep waiting.
 */
export function serveQueue(
  state: LedgerState,
  actor: Actor | null,
  now: number,
  emit: Emit,
  suspendedTowns: string[] = [],
): void {
  const blocked: Occupation[] = [];
  for (const waiting of [...state.ledger.queue]) {
    if (suspendedTowns.includes(waiting.townCode)) {
      blocked.push(waiting);
      continue;
    }
    const stock = stockOf(state);
    const outcome = allocate(stock, toCenti(waiting.areaMu), waiting.grade, reservedBy(blocked, stock));
    if (!outcome.ok) {
      waiting.refusal = outcome.refusal;
      blocked.push(waiting);
      continue;
    }
    state.ledger.queue.splice(state.ledger.queue.indexOf(waiting), 1);
    waiting.decidedAt = new Date(now).toISOString();
    consume(state, waiting, outcome.consumed);
    emit(LandUseEvents.OccupationApproved.type, `occupation-${waiting.occupationId}`, actor, {
      occupation: waiting,
    });
  }
}

// ——— 暂停办理 (三(十)) ———

export function checkSuspensionFact(fact: TownSuspension | undefined): TownSuspension {
  if (!fact || typeof fact.townCode !== 'string' || typeof fact.assessmentId !== 'string' || !fact.at)
    return refuse('暂停办理的事实须指明镇、考核和时间');
  return fact;
}

/** The assessment's fact about a town, as the land-use service tells it; an older fact changes nothing. */
export function applySuspensionFact(state: LedgerState, fact: TownSuspension): void {
  const next = afterSuspensionFact(state.suspensions[fact.townCode], fact);
  if (next) state.suspensions[fact.townCode] = { ...next };
}

/** Towns whose land business is suspended now. */
export function suspendedTownsOf(state: LedgerState): string[] {
  return Object.values(state.suspensions)
    .filter(isSuspended)
    .map((s) => s.townCode)
    .sort(compareText);
}

// ——— 临时用地复垦 ———

export function reclamationColour(deadline: string, now: number, windowDays: number): Colour {
  return colourFor({ now, deadline, warningWindowDays: windowDays, reportMissing: false });
}

export function checkConfirmReclamation(state: LedgerState, actor: Actor, occupationId: string): Occupation {
  requireNatres(actor, '临时用地复垦验收');
  const occupation = state.ledger.temporary.find((o) => o.occupationId === occupationId);
  if (!occupation) return refuse(`没有待复垦的临时用地 ${occupationId}`);
  return occupation;
}

export function confirmReclamation(
  state: LedgerState,
  actor: Actor,
  occupationId: string,
  note: string | null,
  now: number,
  emit: Emit,
): Occupation {
  const occupation = state.ledger.temporary.find((o) => o.occupationId === occupationId)!;
  state.ledger.temporary.splice(state.ledger.temporary.indexOf(occupation), 1);
  occupation.state = 'reclaimed';
  occupation.reclamation = {
    ...occupation.reclamation!,
    colour: 'none',
    reclaimedAt: new Date(now).toISOString(),
    reclaimedBy: actor.userId,
    note,
  };
  emit(LandUseEvents.ReclamationConfirmed.type, `reclaimed-${occupationId}`, actor, {
    occupation,
  });
  return occupation;
}

/** Moves each open reclamation to its colour at `now`; each change is a fact. */
export function refreshReclamationColours(state: LedgerState, now: number, emit: Emit): void {
  for (const o of state.ledger.temporary) {
    const r = o.reclamation!;
    const colour = reclamationColour(r.deadline, now, state.settings.warningWindowDays);
    if (colour === r.colour) continue;
    const from = r.colour;
    r.colour = colour;
    const reason =
      colour === 'red'
        ? `临时用地 ${o.occupationId}（${o.project}）已超过复垦期限 ${r.deadline}`
        : colour === 'blue'
          ? `临时用地 ${o.occupationId}（${o.project}）临近复垦期限 ${r.deadline}`
          : `临时用地 ${o.occupationId}（${o.project}）复垦按期推进`;
    emit(LandUseEvents.ReclamationColourChanged.type, `reclamation-${o.occupationId}-${colour}`, null, {
      occupation: o,
      from,
      to: colour,
      reason,
    });
  }
}

export function nextLedgerWakeAt(state: LedgerState, now: number): number | null {
  const times = state.ledger.temporary
    .map((o) =>
      nextColourChangeAt({
        now,
        deadline: o.reclamation!.deadline,
        warningWindowDays: state.settings.warningWindowDays,
      }),
    )
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime())
    .filter((t) => t > now);
  return times.length ? Math.min(...times) : null;
}

export { keyLevelName };
