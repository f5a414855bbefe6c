// One land-transfer application (青政发〔2019〕34号) as pure state: which step is open, who may take
// it, and what it changes. No I/O and no clock of its own (the workflow passes `now`).
import { addCivilDays, endOfCivilDay } from '@duban/calendar';
import type { Actor, Colour, EventType } from '@duban/contracts';
import { ActionRefusedError, refuse } from '@duban/workflow-core/refusal';
import {
  AGRI,
  CONTRACT_COPIES,
  Decisions,
  ECON_STATION,
  LandTransferEvents as E,
  REVIEW_ITEMS,
  RISK_CLAUSES,
  StartApplicationSchema,
  SUPERVISION_DUE_DEFAULT,
  TransferActionBodies,
  type ApplicationSnapshot,
  type ReviewChecks,
  type ReviewItem,
  type Stage,
  type StartApplication,
  type TransferActionName,
  type TransferCommand,
} from './contracts/index';
import {
  areaOf,
  capRefusal,
  depositRule,
  halfYearEnd,
  halfYearOf,
  holdsDeposit,
  meetingPasses,
  meetingRefusal,
  meetingShare,
  nextHalfYear,
  nextReportChangeAt,
  nextSupervisionYear,
  reportColour,
  reportDue,
  settlementRefusal,
  supervisionDue,
  termRefusal,
  tierOf,
  townDecides,
} from './rules';

export type ApplicationSettings = ReturnType<typeof StartApplicationSchema.parse>;
export interface ApplicationState {
  settings: ApplicationSettings;
  app: ApplicationSnapshot;
  /**
   * 第三十九条 kept as a deadline (the workflow sets it behind patched('lt-yearly-supervision')):
   * applications started before it run as they were recorded.
   */
  yearlySupervision?: boolean;
}

/** A fact to publish: its type, its step name and what it adds to the application. */
export type Fact = [type: EventType, step: string, extra: object];

/** The actions each stage waits for. */
const OPEN: Record<Stage, readonly TransferActionName[]> = {
  meeting: ['meeting'],
  review: ['decide', 'town-review'],
  'city-review': ['decide'],
  contract: ['contract'],
  filing: ['file'],
  settlement: ['settle'],
  'in-use': ['report', 'supervise', 'risk-event'],
  risk: ['close-risk', 'supervise'],
  expired: ['refund'],
  closed: [],
};

export function newApplicationState(input: StartApplication, now: number): ApplicationState {
  const settings = StartApplicationSchema.parse(input);
  const a = settings.application;
  const areaMu = areaOf(a.parcels);
  const rule = depositRule({ ...a, areaMu });
  return {
    settings,
    app: {
      applicationId: settings.applicationId,
      version: 0,
      stage: 'meeting',
      outcome: null,
      application: a,
      areaMu,
      tier: tierOf(areaMu),
      meeting: null,
      townReview: null,
      decision: null,
      contract: null,
      filing: null,
      deposit: {
        ...rule,
        arrangement: null,
        rentPaidOn: null,
        settledOn: null,
        held: false,
        refundedOn: null,
        drawn: null,
      },
      reports: { period: null, due: null, colour: 'green', submitted: [] },
      supervisions: [],
      riskCase: null,
      colour: 'green',
      history: [{ step: 'filed', at: new Date(now).toISOString(), by: settings.filedBy, note: null }],
    },
  };
}

const unitOf = (actor: Actor) => actor.unitCode ?? '';

/** Which unit must act on an action of this application (null: a city-level check apart). */
function ownerCheck(app: ApplicationSnapshot, action: TransferActionName, actor: Actor): void {
  const { application: a, tier } = app;
  const unit = unitOf(actor);
  const must = (units: string[], who: string) => {
    if (actor.role !== 'bureau' || !units.includes(unit)) refuse(`${who}（${unit || actor.role} 无权办理）`);
  };
  switch (action) {
    case 'meeting':
    case 'contract':
    case 'refund':
      return must([a.villageCode], `须由${a.villageName}村委会办理`);
    case 'town-review':
      return must([a.townCode], '500亩以上的先由所在镇政府审查（第三十八条）');
    case 'decide':
      if (tier === 'village') return must([a.villageCode], '100亩以下由村委会审查决定（第三十六条）');
      if (tier === 'town') return must([a.townCode], '100亩至500亩由镇政府审查决定（第三十七条）');
      if (actor.role === 'leader') return;
      return must([AGRI], '500亩以上由市政府分管领导组织的土地流转审查小组决定（第三十八条）');
    case 'file':
      return tier === 'village'
        ? must([a.townCode], '村级审查决定上报镇政府备案（第三十六条）')
        : must([ECON_STATION], '镇级、市级审查决定报市农经站备案（第三十七、三十八条）');
    case 'settle':
      return; // by arrangement, in checkAction
    case 'report':
      return must([a.operatorCode], '半年情况报告由经营主体本人报送（第三十二条）');
    case 'supervise':
    case 'risk-event':
    case 'close-risk':
      return must(
        [AGRI, ECON_STATION, a.townCode],
        '由农业农村局、农经站或所在镇政府办理（第三十九、四十九条）',
      );
  }
}

/**
 * The steps this actor may take now: open in the stage, allowed by the tier, and its unit's (the
 * owner check above; for the deposit, the village or the town by arrangement). The console shows
 * only these; the workflow still checks each when it comes.
 */
export function actionsOpenTo(app: ApplicationSnapshot, actor: Actor): TransferActionName[] {
  return OPEN[app.stage].filter((action) => {
    if (action === 'town-review' && app.tier !== 'city') return false;
    if (action === 'decide' && app.tier === 'city' && app.stage !== 'city-review') return false;
    if (action === 'settle')
      return (
        actor.role === 'bureau' &&
        [app.application.villageCode, app.application.townCode].includes(unitOf(actor))
      );
    try {
      ownerCheck(app, action, actor);
      return true;
    } catch (error) {
      if (error instanceof ActionRefusedError) return false;
      throw error;
    }
  });
}

function failedItems(checks: ReviewChecks): string[] {
  return (Object.keys(REVIEW_ITEMS) as ReviewItem[])
    .filter((k) => !checks[k].passed)
    .map((k) => REVIEW_ITEMS[k]);
}

/** Refuses what may not be done now, or returns the parsed body. */
export function checkAction(state: ApplicationState, command: TransferCommand): Record<string, unknown> {
  const { app } = state;
  const { action, actor } = command;
  if (!OPEN[app.stage].includes(action)) refuse(`当前环节为“${stageLabel(app.stage)}”，不能办理 ${action}`);
  if (action === 'town-review' && app.tier !== 'city')
    refuse('镇级先行审查只适用于500亩以上的申请（第三十八条）');
  if (action === 'decide' && app.tier === 'city' && app.stage !== 'city-review')
    refuse('500亩以上的须先经镇政府审查同意（第三十八条）');
  ownerCheck(app, action, actor);
  const body = TransferActionBodies[action].parse(command.body) as Record<string, unknown>;
  const a = app.application;
  switch (action) {
    case 'meeting': {
      const m = body as { members: number; present: number; inFavour: number };
      const wrong = meetingRefusal(m);
      if (wrong) refuse(wrong);
      break;
    }
    case 'town-review':
    case 'decide': {
      const d = body as { decision: 'implement' | 'reject'; checks: ReviewChecks };
      if (d.decision !== 'implement') break;
      const failed = failedItems(d.checks);
      if (failed.length)
        refuse(`第三十条：审核评估事项未全部通过（${failed.join('、')}），不能作出“实施”决定`);
      const term = termRefusal(a.termStart, a.termEnd);
      if (term) refuse(term);
      const other = command.context?.operatorOtherMu ?? state.settings.operatorOtherMu;
      const cap = capRefusal(other, app.areaMu);
      if (cap) refuse(cap);
      break;
    }
    case 'contract': {
      const copies = new Set(body.copies as string[]);
      const missing = CONTRACT_COPIES.filter((c) => !copies.has(c));
      if (missing.length) refuse(`第二十条：流转合同一式四份，缺${missing.join('、')}一份`);
      break;
    }
    case 'settle': {
      const s = body as unknown as Parameters<typeof settlementRefusal>[1];
      if (townDecides(s.arrangement)) {
        if (unitOf(actor) !== a.townCode || actor.role !== 'bureau')
          refuse('以资产抵押、集体“三资”或不收取保证金，由所在镇政府决定（第四十五–四十七条）');
      } else if (unitOf(actor) !== a.villageCode || actor.role !== 'bureau') {
        refuse('租金和风险保障金交村集体，由村委会登记（第四十三、四十四条）');
      }
      const wrong = settlementRefusal({ ...a, areaMu: app.areaMu }, s);
      if (wrong) refuse(wrong);
      break;
    }
    case 'report':
      if (body.period !== app.reports.period)
        refuse(
          app.reports.period
            ? `应报送 ${app.reports.period} 的半年情况报告（第三十二条）`
            : '合同期内的半年情况报告已全部报送',
        );
      break;
    default:
      break;
  }
  return body;
}

export const stageLabel = (stage: Stage): string =>
  ({
    meeting: '村民小组会议',
    review: '审查评估',
    'city-review': '市级审查',
    contract: '签订合同',
    filing: '备案',
    settlement: '交清租金和保障金',
    'in-use': '经营中',
    risk: '风险处置',
    expired: '期满退还保障金',
    closed: '已办结',
  })[stage];

const record = (
  state: ApplicationState,
  step: string,
  actor: Actor | null,
  now: number,
  note: string | null,
) => state.app.history.push({ step, at: new Date(now).toISOString(), by: actor?.userId ?? null, note });

/** Does the action (already checked) and returns its facts; the colour is refreshed after. */
export function applyAction(state: ApplicationState, command: TransferCommand, now: number): Fact[] {
  const body = checkAction(state, command);
  const { app } = state;
  const { actor } = command;
  const facts: Fact[] = [];
  const close = (outcome: NonNullable<ApplicationSnapshot['outcome']>) => {
    app.stage = 'closed';
    app.outcome = outcome;
    facts.push([E.ApplicationClosed.type, 'closed', {}]);
  };
  switch (command.action) {
    case 'meeting': {
      const m = body as { heldOn: string; members: number; present: number; inFavour: number };
      const passed = meetingPasses(m.members, m.inFavour);
      const share = meetingShare(m.members, m.inFavour);
      app.meeting = { ...m, passed };
      record(state, 'meeting', actor, now, `同意 ${m.inFavour}/${m.members}（${share}）`);
      if (passed) {
        app.stage = 'review';
        facts.push([E.MeetingPassed.type, 'meeting', { share }]);
      } else {
        facts.push([
          E.MeetingFailed.type,
          'meeting',
          {
            share,
            reason: `第三十五条(二)：须经村民小组全体成员80%以上通过，同意 ${m.inFavour} 人，占 ${share}`,
          },
        ]);
        close('meeting-failed');
      }
      break;
    }
    case 'town-review':
    case 'decide': {
      const d = body as {
        on: string;
        checks: ReviewChecks;
        decision: 'implement' | 'reject';
        reasons: string;
        requirements?: string;
      };
      const made = { checks: d.checks, on: d.on, by: actor.userId, unitCode: actor.unitCode ?? null };
      record(state, command.action, actor, now, `${Decisions[d.decision]}：${d.reasons}`);
      if (command.action === 'town-review') {
        app.townReview = made;
        facts.push([E.TownReviewed.type, 'town-review', { decision: d.decision }]);
        if (d.decision === 'implement') {
          app.stage = 'city-review';
          break;
        }
      }
      app.decision = {
        ...made,
        decision: d.decision,
        reasons: d.reasons,
        requirements: d.requirements ?? null,
      };
      facts.push([E.ReviewDecided.type, 'decided', { decision: d.decision, reasons: d.reasons }]);
      if (d.decision === 'implement') app.stage = 'contract';
      else close('not-implemented');
      break;
    }
    case 'contract':
      app.contract = { signedOn: String(body.signedOn), copies: [...CONTRACT_COPIES] };
      app.stage = 'filing';
      record(state, 'contract', actor, now, null);
      facts.push([E.ContractSigned.type, 'contract', {}]);
      break;
    case 'file':
      app.filing = { on: String(body.on), unitCode: actor.unitCode ?? '' };
      app.stage = 'settlement';
      record(state, 'file', actor, now, null);
      facts.push([E.ContractFiled.type, 'filed', { unitCode: actor.unitCode ?? '' }]);
      break;
    case 'settle': {
      const s = body as {
        on: string;
        rentPaidOn: string;
        arrangement: ApplicationSnapshot['deposit']['arrangement'];
      };
      const arrangement = s.arrangement ?? 'not-required';
      Object.assign(app.deposit, {
        arrangement,
        rentPaidOn: s.rentPaidOn,
        settledOn: s.on,
        held: holdsDeposit(arrangement),
      });
      app.stage = 'in-use';
      const period = halfYearOf(s.on);
      app.reports.period = period;
      app.reports.due = reportDue(period, state.settings.reportDueDays);
      if (state.yearlySupervision) awaitSupervision(state, Number(s.on.slice(0, 4)), 'green');
      record(state, 'settle', actor, now, arrangement);
      facts.push([E.RentAndDepositSettled.type, 'settled', {}]);
      break;
    }
    case 'report': {
      const period = String(body.period);
      const late = now > endOfCivilDay(app.reports.due ?? String(body.on)).getTime();
      app.reports.submitted.push({ period, on: String(body.on), late });
      const next = nextHalfYear(period);
      const nextStart = addCivilDays(halfYearEnd(period), 1);
      const more = nextStart <= app.application.termEnd;
      app.reports.period = more ? next : null;
      app.reports.due = more ? reportDue(next, state.settings.reportDueDays) : null;
      record(state, 'report', actor, now, period);
      facts.push([E.ReportSubmitted.type, `report-${period}`, { period, late }]);
      break;
    }
    case 'supervise': {
      const s = body as { year: number; on: string; findings: string };
      app.supervisions.push({ year: s.year, on: s.on, findings: s.findings });
      if (app.supervision) awaitSupervision(state, app.supervision.year, app.supervision.colour);
      record(state, 'supervise', actor, now, s.findings);
      facts.push([E.Supervised.type, `supervised-${s.year}-${app.supervisions.length}`, { year: s.year }]);
      break;
    }
    case 'risk-event': {
      const r = body as { clause: keyof typeof RISK_CLAUSES; on: string; note: string };
      const clauseText = `第四十九条(${'一二三四五六'[r.clause - 1]})：${RISK_CLAUSES[r.clause]}`;
      app.riskCase = {
        clause: r.clause,
        clauseText,
        note: r.note,
        openedOn: r.on,
        closedOn: null,
        resolution: null,
      };
      app.stage = 'risk';
      app.reports.period = null;
      app.reports.due = null;
      if (app.supervision) app.supervision = null;
      record(state, 'risk-event', actor, now, clauseText);
      facts.push([E.RiskCaseOpened.type, 'risk-opened', { clause: r.clause }]);
      if (app.deposit.held) {
        app.deposit.held = false;
        app.deposit.drawn = { clause: r.clause, clauseText, on: r.on, amountYuan: app.deposit.cashYuan };
        facts.push([
          E.DepositDrawn.type,
          'deposit-drawn',
          { clause: r.clause, amountYuan: app.deposit.cashYuan, arrangement: app.deposit.arrangement ?? '' },
        ]);
      }
      break;
    }
    case 'close-risk': {
      const c = body as { on: string; resolution: string };
      if (app.riskCase) Object.assign(app.riskCase, { closedOn: c.on, resolution: c.resolution });
      record(state, 'close-risk', actor, now, c.resolution);
      facts.push([E.RiskCaseClosed.type, 'risk-closed', {}]);
      close('terminated');
      break;
    }
    case 'refund':
      app.deposit.held = false;
      app.deposit.refundedOn = String(body.on);
      record(state, 'refund', actor, now, null);
      facts.push([E.DepositRefunded.type, 'refunded', {}]);
      close('completed');
      break;
  }
  return facts;
}

/** 第三十九条: the first year from `from` not yet supervised becomes the awaited one (none after the term). */
function awaitSupervision(state: ApplicationState, from: number, colour: Colour): void {
  const { app } = state;
  const years = app.supervisions.map((s) => s.year);
  const year = nextSupervisionYear(from, years, app.application.termEnd);
  // A state resumed from before the setting has no month-day: 12-31, as it ran.
  const monthDay = (state.settings.supervisionDue as string | undefined) ?? SUPERVISION_DUE_DEFAULT;
  app.supervision = year === null ? null : { year, due: supervisionDue(year, monthDay), colour };
}

const termEndsAt = (state: ApplicationState) => endOfCivilDay(state.app.application.termEnd).getTime() + 1;

/** The application's colour now: its awaited report's, while the land is in use. */
export function colourNow(state: ApplicationState, now: number): Colour {
  const { app, settings } = state;
  if (app.stage === 'closed') return 'none';
  // A 第四十九条 event: the contract cannot go on; red until the risk case is settled.
  if (app.stage === 'risk') return 'red';
  if (app.stage !== 'in-use' || !app.reports.due) return 'green';
  return reportColour(now, app.reports.due, {
    warningWindowDays: settings.warningWindowDays,
    redAfterDays: settings.reportRedAfterDays,
  });
}

const COLOUR_REASONS: Partial<Record<Colour, string>> = {
  blue: '半年情况报告临近报送期限',
  yellow: '半年情况报告逾期未报（滞后）',
  red: '半年情况报告逾期未报已超过期限，报农业农村局和领导小组',
  green: '半年情况报告已报送',
};

/** Time passed (or an action was taken): the term's end, then the report's colour. */
export function onTime(state: ApplicationState, now: number): Fact[] {
  const { app } = state;
  const facts: Fact[] = [];
  if (app.stage === 'in-use' && now >= termEndsAt(state)) {
    app.reports.period = null;
    app.reports.due = null;
    if (app.supervision) app.supervision = null;
    record(state, 'term-ended', null, now, app.application.termEnd);
    facts.push([E.TermEnded.type, 'term-ended', {}]);
    if (app.deposit.held) app.stage = 'expired';
    else {
      app.stage = 'closed';
      app.outcome = 'completed';
      facts.push([E.ApplicationClosed.type, 'closed', {}]);
    }
  }
  facts.push(...supervisionColour(state, now));
  const to = colourNow(state, now);
  if (to !== app.colour) {
    const from = app.colour;
    app.colour = to;
    app.reports.colour = to === 'none' ? app.reports.colour : to;
    if (app.stage === 'in-use' && (from !== 'none' || to !== 'none'))
      facts.push([
        E.ReportColourChanged.type,
        `colour-${to}-${app.reports.period ?? 'none'}`,
        {
          from,
          to,
          reason: `${COLOUR_REASONS[to] ?? ''}（${app.reports.period ?? ''} 应于 ${app.reports.due ?? ''} 前报送，第三十二条）`,
        },
      ]);
  }
  return facts;
}

/** 第三十九条: the awaited supervision's colour on the ladder of its due date (the report settings). */
function supervisionColour(state: ApplicationState, now: number): Fact[] {
  const { app, settings } = state;
  const awaited = app.supervision;
  if (app.stage !== 'in-use' || !awaited) return [];
  const to = reportColour(now, awaited.due, {
    warningWindowDays: settings.warningWindowDays,
    redAfterDays: settings.reportRedAfterDays,
  });
  if (to === awaited.colour) return [];
  const from = awaited.colour;
  awaited.colour = to;
  const reason = `${awaited.year} 年度监督检查${SUPERVISION_REASONS[to] ?? ''}（应于 ${awaited.due} 前完成，第三十九条）`;
  return [
    [
      E.SupervisionColourChanged.type,
      `supervision-${to}-${awaited.year}`,
      { year: awaited.year, from, to, reason },
    ],
  ];
}
const SUPERVISION_REASONS: Partial<Record<Colour, string>> = {
  blue: '临近年底',
  yellow: '逾期未开展（滞后）',
  red: '逾期未开展已超过期限',
  green: '待开展',
};

/** When time next matters: the report's next colour, the supervision's, or the term's end. */
export function nextWakeAt(state: ApplicationState, now: number): number | null {
  const { app, settings } = state;
  if (app.stage !== 'in-use') return null;
  const marks = [termEndsAt(state)];
  if (app.reports.due) {
    const next = nextReportChangeAt(now, app.reports.due, {
      warningWindowDays: settings.warningWindowDays,
      redAfterDays: settings.reportRedAfterDays,
    });
    if (next !== null) marks.push(next);
  }
  if (app.supervision) {
    const next = nextReportChangeAt(now, app.supervision.due, {
      warningWindowDays: settings.warningWindowDays,
      redAfterDays: settings.reportRedAfterDays,
    });
    if (next !== null) marks.push(next);
  }
  const future = marks.filter((m) => m > now);
  return future.length ? Math.min(...future) : null;
}
