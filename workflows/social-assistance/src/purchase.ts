// One purchase of social-assistance service (青政办发〔2019〕39号) as pure state: the plan's steps,
// the service years with their payments and evaluations, the roster. No I/O and no clock of its
// own (the workflow passes `now`).
import { addCivilDays, civilDateOf, startOfCivilDay } from '@duban/calendar';
import type { Actor, EventType } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import { OFFICERS, parseMinimumWage, paymentAmounts, yearBudget } from './costs';
import {
  CIVIL,
  FINANCE,
  PAYMENT_PARTS,
  PLAN_STEPS,
  PurchaseActionBodies,
  SEAT_UNITS,
  SocialAssistanceEvents as E,
  StartPurchaseSchema,
  type Evaluation,
  type Payment,
  type PlanStepKey,
  type PurchaseActionName,
  type PurchaseCommand,
  type PurchaseSnapshot,
  type StartPurchase,
} from './contracts/index';
import { SERVICE_YEARS, dispatchDue, halfYearEnd, parseMonthPart, paymentDue, serviceYear } from './dates';
import { moveColours, nextMove, worst, type Deadline } from './ladder';

export type PurchaseSettings = ReturnType<typeof StartPurchaseSchema.parse>;
export interface PurchaseState {
  settings: PurchaseSettings;
  p: PurchaseSnapshot;
}
/** A fact to publish: its type, its step name and what it adds to the purchase. */
export type Fact = [type: EventType, step: string, extra: object];

export function newPurchaseState(input: StartPurchase, now: number): PurchaseState {
  const settings = StartPurchaseSchema.parse(input);
  const wage = parseMinimumWage(settings.minimumWage) ?? { effectiveFrom: '2017-10-01', monthlyYuan: 0 };
  const steps = (Object.keys(PLAN_STEPS) as PlanStepKey[]).map((key) => {
    // 六: each step's month part; a phrase that is not one leaves the plan's year-end as the date.
    const planned = parseMonthPart(settings.plan[key]) ?? `${settings.year}-12-31`;
    return {
      key,
      ...PLAN_STEPS[key],
      planned,
      due: planned,
      doneOn: null,
      late: false,
      colour: 'green' as const,
    };
  });
  return {
    settings,
    p: {
      purchaseId: settings.purchaseId,
      version: 0,
      year: settings.year,
      stage: 'planning',
      provider: null,
      contract: null,
      minimumWage: wage,
      steps,
      budgets: [],
      payments: [],
      evaluations: [],
      rectifications: [],
      roster: SEAT_UNITS.map((unitCode, i) => ({
        seat: i + 1,
        unitCode,
        officerCode: null,
        officerName: null,
        since: null,
      })),
      colour: 'green',
      history: [{ step: 'opened', at: new Date(now).toISOString(), by: settings.openedBy, note: null }],
    },
  };
}

const unitOf = (actor: Actor) => (actor.role === 'bureau' ? (actor.unitCode ?? '') : '');
const stepOf = (p: PurchaseSnapshot, key: PlanStepKey) => p.steps.find((s) => s.key === key)!;
const openRectification = (p: PurchaseSnapshot) => p.rectifications.find((r) => r.doneOn === null);

/** The unit that must take an action (the provider's once it is chosen). */
function ownerOf(p: PurchaseSnapshot, action: PurchaseActionName): { unit: string; who: string } {
  switch (action) {
    case 'pay':
      return { unit: FINANCE, who: '市财政局（七(一)）' };
    case 'dispatch':
    case 'staff':
    case 'rectify':
      return {
        unit: p.provider?.code ?? '',
        who: `承接主体${p.provider ? p.provider.name : ''}（五(六)、六(五)）`,
      };
    default:
      return { unit: CIVIL, who: '市民政局（三、六、七(三)）' };
  }
}

/** The actions open now, in the order of 六 and 七. */
export function openPurchaseActions(p: PurchaseSnapshot): PurchaseActionName[] {
  const done = (k: PlanStepKey) => stepOf(p, k).doneOn !== null;
  if (p.stage === 'ended') return [];
  if (!done('application')) return ['apply'];
  if (!done('procurement')) return ['procure'];
  if (!p.contract) return ['contract'];
  const open: PurchaseActionName[] = [];
  // Open while any payment is unpaid: a held or awaited one is refused naming why (六(四), 七(三)).
  if (p.payments.some((x) => !x.paidOn)) open.push('pay');
  open.push(done('dispatch') ? 'staff' : 'dispatch');
  if (p.evaluations.some((e) => !e.passedOn) && !openRectification(p)) open.push('evaluate');
  if (openRectification(p)) open.push('rectify');
  return open;
}

/** The actions this actor may take now (its unit); the console shows only these. */
export function purchaseActionsOpenTo(p: PurchaseSnapshot, actor: Actor): PurchaseActionName[] {
  return openPurchaseActions(p).filter((a) => ownerOf(p, a).unit === unitOf(actor));
}

const paymentByKey = (p: PurchaseSnapshot, key: string) => p.payments.find((x) => x.key === key);
const evaluationByKey = (p: PurchaseSnapshot, key: string) => p.evaluations.find((x) => x.key === key);

/** Refuses what may not be done now, or returns the parsed body. */
export function checkPurchaseAction(state: PurchaseState, command: PurchaseCommand): Record<string, unknown> {
  const { p } = state;
  const { action, actor } = command;
  if (!openPurchaseActions(p).includes(action))
    refuse(`当前不能办理 ${action}（待办：${openPurchaseActions(p).join('、') || '无'}）`);
  const owner = ownerOf(p, action);
  if (unitOf(actor) !== owner.unit) refuse(`须由${owner.who}办理（${unitOf(actor) || actor.role} 无权办理）`);
  const body = PurchaseActionBodies[action].parse(command.body) as Record<string, unknown>;
  switch (action) {
    case 'contract': {
      const c = body as { signedOn: string; effectiveOn: string };
      if (c.effectiveOn < c.signedOn) refuse('合同生效日不能早于签订日（六(三)）');
      break;
    }
    case 'pay': {
      const pay = body as { payment: string; amountYuan: number };
      const due = paymentByKey(p, pay.payment);
      if (!due) return refuse(`没有 ${pay.payment} 这笔拨付（六(四)）`);
      if (due.paidOn) refuse(`${pay.payment} 已于 ${due.paidOn} 拨付`);
      if (due.held) refuse(`${pay.payment} 暂停拨付：${due.held}`);
      if (!due.due)
        refuse(`${pay.payment} 须待${due.part === 'mid' ? '中期' : '末期'}评估合格后拨付（六(四)）`);
      if (Math.round(pay.amountYuan * 100) !== Math.round(due.amountYuan * 100))
        refuse(
          `${pay.payment} 应拨付 ${due.amountYuan} 元（${PAYMENT_PARTS[due.part].share}，六(四)），不得变更（五(三)）`,
        );
      break;
    }
    case 'dispatch':
    case 'staff': {
      const seats = action === 'dispatch' ? (body.officers as { seat: number; code: string }[]) : [];
      const seatNos = seats.map((s) => s.seat);
      if (new Set(seatNos).size !== seatNos.length) refuse('同一岗位只能派遣一名入户核查员');
      const codes = seats.map((s) => s.code);
      if (new Set(codes).size !== codes.length) refuse('同一入户核查员不能占两个岗位');
      break;
    }
    case 'evaluate': {
      const ev = evaluationByKey(p, String(body.evaluation));
      if (!ev) return refuse(`没有 ${String(body.evaluation)} 这次评估（七(三)）`);
      if (ev.passedOn) refuse(`${ev.key} 已于 ${ev.passedOn} 评估合格`);
      if (String(body.on) <= ev.periodEnd)
        refuse(`${ev.key} 的半年期至 ${ev.periodEnd} 止，期满后评估（七(三)）`);
      const earlier = p.evaluations.find((e) => !e.passedOn && e.periodEnd < ev.periodEnd);
      if (earlier) refuse(`先完成 ${earlier.key} 的评估（七(三)）`);
      break;
    }
    default:
      break;
  }
  return body;
}

const record = (state: PurchaseState, step: string, actor: Actor | null, now: number, note: string | null) =>
  state.p.history.push({ step, at: new Date(now).toISOString(), by: actor?.userId ?? null, note });

function markStep(p: PurchaseSnapshot, key: PlanStepKey, on: string): Fact {
  const s = stepOf(p, key);
  s.doneOn = on;
  s.late = on > s.due;
  return [E.PlanStepDone.type, `step-${key}`, { step: key, late: s.late }];
}

/**
 * 五(四), 七(三), 六(四): service year `n` begins: its budget, its three payments (the first due
 * 15 working days after the year starts; `social-assistance.later-years-first-payment`) and its
 * two evaluations.
 */
function paymentsOfYear(state: PurchaseState, n: number): Fact {
  const { p, settings } = state;
  const effectiveOn = p.contract!.effectiveOn;
  const { start, end } = serviceYear(effectiveOn, n);
  const budget = yearBudget({
    officers: OFFICERS,
    months: 12,
    wage: p.minimumWage,
    hired: n === 1 ? OFFICERS : 0,
  });
  p.budgets.push({ serviceYear: n, start, end, ...budget });
  const amounts = paymentAmounts(budget.totalYuan);
  for (const part of ['first', 'mid', 'final'] as const)
    p.payments.push({
      key: `Y${n}-${part}`,
      serviceYear: n,
      part,
      amountYuan: amounts[part],
      trigger: part === 'first' ? start : null,
      due: part === 'first' ? paymentDue('first', start) : null,
      held: null,
      paidOn: null,
      paidYuan: null,
      late: false,
      colour: 'green',
    });
  for (const half of [1, 2] as const) {
    const periodEnd = halfYearEnd(effectiveOn, n, half);
    p.evaluations.push({
      key: `Y${n}-H${half}`,
      serviceYear: n,
      half,
      periodEnd,
      due: addCivilDays(periodEnd, settings.evaluationDueDays),
      attempts: [],
      passedOn: null,
      colour: 'green',
    });
  }
  return [E.ServiceYearStarted.type, `year-${n}`, { serviceYear: n }];
}

/** The payment an evaluation decides: the mid-term one releases the 40%, the final one the rest. */
const paymentOf = (p: PurchaseSnapshot, ev: Evaluation): Payment =>
  paymentByKey(p, `Y${ev.serviceYear}-${ev.half === 1 ? 'mid' : 'final'}`)!;

/** Does the action (already checked) and returns its facts; the colours are refreshed after. */
export function applyPurchaseAction(state: PurchaseState, command: PurchaseCommand, now: number): Fact[] {
  const body = checkPurchaseAction(state, command);
  const { p, settings } = state;
  const { actor } = command;
  const facts: Fact[] = [];
  switch (command.action) {
    case 'apply':
      facts.push(markStep(p, 'application', String(body.on)));
      record(state, 'apply', actor, now, null);
      break;
    case 'procure': {
      const provider = body.provider as { code: string; name: string };
      p.provider = { code: provider.code, name: provider.name };
      facts.push(markStep(p, 'procurement', String(body.on)));
      record(state, 'procure', actor, now, provider.name);
      break;
    }
    case 'contract': {
      const c = body as { signedOn: string; effectiveOn: string };
      p.contract = {
        signedOn: c.signedOn,
        effectiveOn: c.effectiveOn,
        serviceEnd: serviceYear(c.effectiveOn, SERVICE_YEARS).end,
      };
      p.stage = 'in-service';
      facts.push(markStep(p, 'contract', c.signedOn), [E.ContractSigned.type, 'contract', {}]);
      // 六(四)/(五): the funds and dispatch steps now run on the working-day rules.
      stepOf(p, 'funds').due = paymentDue('first', c.effectiveOn);
      stepOf(p, 'dispatch').due = dispatchDue(c.signedOn);
      facts.push(paymentsOfYear(state, 1));
      record(state, 'contract', actor, now, `${c.signedOn} 签订，${c.effectiveOn} 生效`);
      break;
    }
    case 'pay': {
      const pay = body as { payment: string; on: string; amountYuan: number };
      const x = paymentByKey(p, pay.payment)!;
      x.paidOn = pay.on;
      x.paidYuan = pay.amountYuan;
      x.late = pay.on > (x.due ?? pay.on);
      facts.push([
        E.PaymentRecorded.type,
        `paid-${x.key}`,
        { payment: x.key, amountYuan: pay.amountYuan, late: x.late },
      ]);
      if (x.key === 'Y1-first') facts.push(markStep(p, 'funds', pay.on));
      record(state, 'pay', actor, now, `${x.key} ${pay.amountYuan} 元${x.late ? '（逾期）' : ''}`);
      if (p.payments.length === 3 * SERVICE_YEARS && p.payments.every((y) => y.paidOn)) {
        p.stage = 'ended';
        facts.push([E.PurchaseEnded.type, 'ended', {}]);
      }
      break;
    }
    case 'dispatch': {
      const officers = body.officers as { seat: number; code: string; name: string }[];
      for (const o of officers)
        Object.assign(p.roster[o.seat - 1]!, {
          officerCode: o.code,
          officerName: o.name,
          since: String(body.on),
        });
      facts.push(markStep(p, 'dispatch', String(body.on)), [
        E.OfficersDispatched.type,
        'dispatched',
        { count: officers.length },
      ]);
      record(state, 'dispatch', actor, now, `${officers.length} 名`);
      break;
    }
    case 'staff': {
      const s = body as { seat: number; on: string; officer: { code: string; name: string } | null };
      Object.assign(p.roster[s.seat - 1]!, {
        officerCode: s.officer?.code ?? null,
        officerName: s.officer?.name ?? null,
        since: s.officer ? s.on : null,
      });
      facts.push([
        E.RosterChanged.type,
        `roster-${s.seat}-${p.history.length}`,
        { seat: s.seat, vacant: s.officer === null },
      ]);
      record(state, 'staff', actor, now, `岗位 ${s.seat}：${s.officer?.name ?? '缺额'}`);
      break;
    }
    case 'evaluate': {
      const b = body as {
        evaluation: string;
        on: string;
        passed: boolean;
        scores: Evaluation['attempts'][number]['scores'];
        panel: string[];
        note: string;
      };
      const ev = evaluationByKey(p, b.evaluation)!;
      ev.attempts.push({ on: b.on, scores: b.scores, passed: b.passed, panel: b.panel, note: b.note });
      const x = paymentOf(p, ev);
      const n = ev.attempts.length;
      if (b.passed) {
        ev.passedOn = b.on;
        x.held = null;
        x.trigger = b.on;
        x.due = paymentDue(x.part, b.on);
        facts.push(
          [E.EvaluationPassed.type, `evaluated-${ev.key}-${n}`, { evaluation: ev.key }],
          [E.PaymentReleased.type, `released-${x.key}`, { payment: x.key, due: x.due }],
        );
      } else {
        // 七(三): the result is the main basis of payment: a failed evaluation holds the next one,
        // and the provider rectifies (五(六)) before the panel evaluates again.
        x.held = `${ev.key} 评估不合格（${b.on}），整改后重新评估（七(三)）`;
        const due = addCivilDays(b.on, settings.rectificationDays);
        p.rectifications.push({
          evaluationKey: ev.key,
          openedOn: b.on,
          due,
          doneOn: null,
          note: null,
          colour: 'green',
        });
        ev.due = addCivilDays(due, settings.evaluationDueDays);
        facts.push([
          E.EvaluationFailed.type,
          `evaluated-${ev.key}-${n}`,
          { evaluation: ev.key, held: x.key },
        ]);
      }
      record(state, 'evaluate', actor, now, `${ev.key} ${b.passed ? '合格' : '不合格'}`);
      break;
    }
    case 'rectify': {
      const r = openRectification(p)!;
      r.doneOn = String(body.on);
      r.note = String(body.note);
      facts.push([
        E.RectificationDone.type,
        `rectified-${r.evaluationKey}-${p.rectifications.length}`,
        { evaluation: r.evaluationKey },
      ]);
      record(state, 'rectify', actor, now, r.note);
      break;
    }
  }
  return facts;
}

/**
 * Every deadline of the purchase with its ladder: plan steps, payments, evaluations, rectifications.
 * An ended purchase has none open (`atEnd` lists them all the same, every one settled).
 */
function deadlinesOf(p: PurchaseSnapshot, atEnd = false): Deadline[] {
  if (p.stage === 'ended' && !atEnd) return [];
  const list: Deadline[] = p.steps.map((s) => ({
    key: `step:${s.key}`,
    label: s.label,
    ref: s.ref,
    due: s.due,
    settled: s.doneOn !== null,
    colour: s.colour,
    setColour: (c) => (s.colour = c),
  }));
  for (const x of p.payments)
    if (x.due)
      list.push({
        key: `payment:${x.key}`,
        label: `第${x.serviceYear}年度拨付${PAYMENT_PARTS[x.part].share}（${x.amountYuan} 元）`,
        ref: '六(四)',
        due: x.due,
        settled: x.paidOn !== null || x.held !== null,
        colour: x.colour,
        setColour: (c) => (x.colour = c),
      });
  for (const e of p.evaluations)
    list.push({
      key: `evaluation:${e.key}`,
      label: `第${e.serviceYear}年度${e.half === 1 ? '中期' : '末期'}综合评估`,
      ref: '七(三)',
      due: e.due,
      settled: e.passedOn !== null,
      colour: e.colour,
      setColour: (c) => (e.colour = c),
    });
  for (const r of p.rectifications)
    list.push({
      key: `rectification:${r.evaluationKey}:${r.openedOn}`,
      label: `承接主体整改（${r.evaluationKey} 评估不合格）`,
      ref: '七(三)、五(六)',
      due: r.due,
      settled: r.doneOn !== null,
      colour: r.colour,
      setColour: (c) => (r.colour = c),
    });
  return list;
}

/**
 * Time passed (or an action was taken): a new service year, then each deadline's colour. When the
 * last payment ends the purchase, its colour (blue while it was due) settles to green as every
 * paid one does, if `settlesAtEnd()` says so (the workflow's patch: earlier runs left it as it was).
 */
export function onPurchaseTime(state: PurchaseState, now: number, settlesAtEnd = () => false): Fact[] {
  const { p, settings } = state;
  const facts: Fact[] = [];
  if (p.stage === 'in-service' && p.contract) {
    const today = civilDateOf(now);
    for (let n = p.budgets.length + 1; n <= SERVICE_YEARS; n += 1) {
      if (serviceYear(p.contract.effectiveOn, n).start > today) break;
      facts.push(paymentsOfYear(state, n));
    }
  }
  const deadlines = p.stage === 'ended' && settlesAtEnd() ? deadlinesOf(p, true) : deadlinesOf(p);
  for (const move of moveColours(deadlines, now, settings.warningWindowDays))
    facts.push([
      E.PurchaseColourChanged.type,
      `colour-${move.deadline}-${move.to}-${p.version + facts.length}`,
      move,
    ]);
  p.colour = p.stage === 'ended' ? 'none' : worst(deadlinesOf(p).map((d) => d.colour));
  return facts;
}

/** When time next matters: a colour, or the start of the next service year. */
export function nextPurchaseWakeAt(state: PurchaseState, now: number): number | null {
  const { p, settings } = state;
  const marks: number[] = [];
  const colour = nextMove(deadlinesOf(p), now, settings.warningWindowDays);
  if (colour !== null) marks.push(colour);
  if (p.stage === 'in-service' && p.contract && p.budgets.length < SERVICE_YEARS)
    marks.push(startOfCivilDay(serviceYear(p.contract.effectiveOn, p.budgets.length + 1).start).getTime());
  const future = marks.filter((m) => m > now);
  return future.length ? Math.min(...future) : null;
}
