// A town's rectification (青政办发〔2019〕28号 二(二)) as pure functions: the workflow calls them,
// unit tests check them without a server. `now` is always passed in.
import { colourFor, endOfCivilDay, nextColourChangeAt } from '@duban/calendar';
import {
  CL_DOC_NO,
  CultivatedEvents,
  RectificationActionBodies,
  RectificationGrants,
  StartRectificationSchema,
  type RectificationCommand,
  type RectificationSnapshot,
  type RectificationStep,
  type StartRectification,
} from './contracts/index';
import { isGranted, type Colour } from '@duban/contracts';
import { refuse, severity, type Fact } from './refusal';
import { rectificationSteps, unitName } from './rules';

export type RectificationSettings = ReturnType<typeof StartRectificationSchema.parse>;
export interface RectificationState {
  settings: RectificationSettings;
  r: RectificationSnapshot;
}

export function newRectificationState(input: StartRectification, now: number): RectificationState {
  const settings = StartRectificationSchema.parse(input);
  const r: RectificationSnapshot = {
    rectificationId: settings.rectificationId,
    campaignId: settings.campaignId,
    townCode: settings.townCode,
    townName: settings.townName,
    docNo: CL_DOC_NO,
    ref: '二(二)',
    phase: 'verify',
    steps: rectificationSteps(settings.townCode, settings.deadlines),
    problems: [],
    problemAreaMu: 0,
    plan: null,
    reviews: [],
    colour: 'green',
    redSince: null,
    deadlineHistory: [],
    createdAt: new Date(now).toISOString(),
    closedAt: null,
    version: 0,
  };
  const state = { settings, r };
  refreshRectificationColours(state, now);
  return state;
}

const name = (s: RectificationState, code: string | undefined) => unitName(code, s.r.townCode, s.r.townName);

function stepColour(step: RectificationStep, now: number, windowDays: number): Colour {
  if (step.state !== 'open') return step.state === 'done' ? 'none' : 'green';
  return colourFor({ now, deadline: step.deadline, warningWindowDays: windowDays, reportMissing: false });
}

/** Recomputes each step's colour and the town's (worst open step); returns the town's change. */
export function refreshRectificationColours(
  state: RectificationState,
  now: number,
): { scope: string; from: Colour; to: Colour; reason: string } | null {
  const r = state.r;
  for (const s of r.steps) s.colour = stepColour(s, now, state.settings.warningWindowDays);
  const open = r.steps.filter((s) => s.state === 'open');
  const colour: Colour =
    r.phase === 'closed'
      ? 'none'
      : open.reduce<Colour>((w, s) => (severity[s.colour] > severity[w] ? s.colour : w), 'green');
  if (colour === 'red' && r.redSince === null) {
    const due = open.filter((s) => s.colour === 'red').map((s) => endOfCivilDay(s.deadline).getTime() + 1);
    r.redSince = new Date(due.length ? Math.min(...due) : now).toISOString();
  }
  if (colour !== 'red') r.redSince = null;
  if (colour === r.colour) return null;
  const from = r.colour;
  r.colour = colour;
  const of = (c: Colour) =>
    open
      .filter((s) => s.colour === c)
      .map((s) => `${name(state, s.unitCode)}“${s.title}”（${s.deadline}）`)
      .join('；');
  const reason =
    colour === 'red'
      ? `已超过办理期限：${of('red')}`
      : colour === 'blue'
        ? `临近办理期限：${of('blue')}`
        : colour === 'none'
          ? '整改已办结'
          : '按期推进';
  return { scope: 'rectification', from, to: colour, reason };
}

export function rectificationWakeAt(state: RectificationState, now: number): number | null {
  if (state.r.phase === 'closed') return null;
  const times = state.r.steps
    .filter((s) => s.state === 'open')
    .map((s) =>
      nextColourChangeAt({ now, deadline: s.deadline, warningWindowDays: state.settings.warningWindowDays }),
    )
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime())
    .filter((t) => t > now);
  return times.length ? Math.min(...times) : null;
}

function parseBody(command: RectificationCommand): Record<string, unknown> {
  const schema = RectificationActionBodies[command.action];
  if (!schema) refuse(`未知操作：${String(command.action)}`);
  const body = schema.safeParse(command.body);
  if (!body.success)
    refuse(`参数错误：${body.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return body.data as Record<string, unknown>;
}

/** The open step `key`, to be done by the actor's own unit. */
function ownOpenStep(
  state: RectificationState,
  command: RectificationCommand,
  key: string,
): RectificationStep {
  const { actor } = command;
  const step = state.r.steps.find((s) => s.key === key);
  if (!step)
    return refuse(
      key === 'review' || key === 'accept'
        ? `没有步骤 ${key}：二(二) 的整改补划方案由自然资源局会同农业农村局编制，镇(场)据以整改补划，无审查、验收步骤`
        : `没有步骤 ${key}`,
    );
  if (!isGranted(RectificationGrants[command.action], actor)) refuse(`角色 ${actor.role} 不能办理整改步骤`);
  if (step.unitCode !== actor.unitCode)
    refuse(`步骤“${step.title}”由${name(state, step.unitCode)}办理，${name(state, actor.unitCode)}不能办理`);
  if (step.state === 'done') refuse(`步骤“${step.title}”已办结`);
  if (step.state === 'waiting') {
    const current = state.r.steps.find((s) => s.state === 'open');
    refuse(`步骤“${step.title}”须在“${current?.title ?? ''}”办结后办理`);
  }
  return step;
}

/** The Update validator: refuses with a Chinese reason, changes nothing. */
export function checkRectificationAction(state: RectificationState, command: RectificationCommand): void {
  const body = parseBody(command);
  const r = state.r;
  if (r.phase === 'closed') refuse(`${r.townName}的整改已办结，不能再操作`);
  switch (command.action) {
    case 'complete-step':
      ownOpenStep(state, command, body.step as string);
      return;
    case 'list-problems':
      ownOpenStep(state, command, 'problems');
      return;
    case 'submit-plan':
      ownOpenStep(state, command, 'plan');
      return;
    case 'review-plan':
      ownOpenStep(state, command, 'review');
      return;
    case 'request-extension': {
      const step = ownOpenStep(state, command, body.step as string);
      if ((body.newDeadline as string) <= step.deadline)
        refuse(`延期后的期限 ${String(body.newDeadline)} 必须晚于现期限 ${step.deadline}`);
      if (step.extensionRequest) refuse(`步骤“${step.title}”已有待审批的延期申请`);
      return;
    }
    case 'decide-extension': {
      if (!isGranted(RectificationGrants['decide-extension'], command.actor)) refuse('延期须经督查室批准');
      const step = r.steps.find((s) => s.key === body.step);
      if (!step?.extensionRequest) refuse(`步骤“${step?.title ?? String(body.step)}”没有待审批的延期申请`);
      if (step!.state !== 'open') refuse(`步骤“${step!.title}”已办结`);
      return;
    }
  }
}

function finishStep(state: RectificationState, key: string, at: string, by: string, note: string | null) {
  const steps = state.r.steps;
  const i = steps.findIndex((s) => s.key === key);
  const step = steps[i]!;
  step.state = 'done';
  step.doneAt = at;
  step.doneBy = by;
  step.note = note;
  step.colour = 'none';
  step.extensionRequest = null;
  const next = steps[i + 1];
  if (next) {
    next.state = 'open';
    state.r.phase = next.key;
  } else {
    state.r.phase = 'closed';
    state.r.closedAt = at;
  }
}

/** Applies an accepted action; returns the facts to publish, in order. */
export function applyRectificationAction(
  state: RectificationState,
  command: RectificationCommand,
  now: number,
): Fact[] {
  const r = state.r;
  const at = new Date(now).toISOString();
  const by = command.actor.userId;
  const body = command.body as Record<string, unknown>;
  const note = (body.note as string | undefined) ?? null;
  const facts: Fact[] = [];
  const done = (key: string, n: string | null) => {
    const unitCode = r.steps.find((s) => s.key === key)!.unitCode;
    finishStep(state, key, at, by, n);
    facts.push({
      type: CultivatedEvents.RectificationStepCompleted.type,
      step: `step-${key}`,
      extra: { step: key, unitCode, note: n },
    });
  };
  switch (command.action) {
    case 'complete-step':
      done(body.step as string, note);
      break;
    case 'list-problems': {
      const problems = (command.body as { problems: RectificationSnapshot['problems'] }).problems.map(
        (p) => ({
          ...p,
          areaMu: round2(p.parcels.reduce((sum, x) => sum + x.areaMu, 0)),
        }),
      );
      r.problems = problems;
      r.problemAreaMu = round2(problems.reduce((sum, p) => sum + p.areaMu, 0));
      facts.push({
        type: CultivatedEvents.ProblemsListed.type,
        step: 'problems',
        extra: { problems: problems.map(({ areaMu: _a, ...p }) => p), areaMu: r.problemAreaMu },
      });
      done('problems', note ?? `问题 ${problems.length} 项，涉及 ${r.problemAreaMu} 亩`);
      break;
    }
    case 'submit-plan': {
      const round = (r.plan?.round ?? 0) + 1;
      r.plan = {
        summary: body.summary as string,
        supplementaryMu: body.supplementaryMu as number,
        round,
        submittedAt: at,
        submittedBy: by,
      };
      facts.push({ type: CultivatedEvents.PlanSubmitted.type, step: `plan-${round}`, extra: { round } });
      done('plan', note);
      break;
    }
    case 'review-plan': {
      const round = r.plan?.round ?? 1;
      const reason = body.reason as string;
      r.reviews.push({
        round,
        decision: body.decision === 'approve' ? 'approved' : 'returned',
        reason,
        at,
        by,
      });
      if (body.decision === 'approve') {
        facts.push({
          type: CultivatedEvents.PlanApproved.type,
          step: `review-${round}`,
          extra: { round, reason },
        });
        done('review', reason);
      } else {
        // 退回: the plan step opens again for the town, with its own deadline.
        const plan = r.steps.find((s) => s.key === 'plan')!;
        const review = r.steps.find((s) => s.key === 'review')!;
        plan.state = 'open';
        plan.doneAt = null;
        plan.doneBy = null;
        review.state = 'waiting';
        r.phase = 'plan';
        facts.push({
          type: CultivatedEvents.PlanReturned.type,
          step: `review-${round}`,
          extra: { round, reason },
        });
      }
      break;
    }
    case 'request-extension': {
      const step = r.steps.find((s) => s.key === body.step)!;
      step.extensionRequest = {
        newDeadline: body.newDeadline as string,
        reason: body.reason as string,
        requestedAt: at,
        requestedBy: by,
      };
      facts.push({
        type: CultivatedEvents.ExtensionRequested.type,
        step: `extension-request-${step.key}`,
        extra: { step: step.key, newDeadline: body.newDeadline, reason: body.reason },
      });
      break;
    }
    case 'decide-extension': {
      const step = r.steps.find((s) => s.key === body.step)!;
      const request = step.extensionRequest!;
      step.extensionRequest = null;
      if (!body.approve) {
        facts.push({
          type: CultivatedEvents.ExtensionRefused.type,
          step: `extension-${step.key}`,
          extra: { step: step.key, reason: body.reason },
        });
        break;
      }
      // The step and every later step due before the new date move to it; old dates stay in history.
      const moved: string[] = [];
      const from = r.steps.indexOf(step);
      for (const s of r.steps.slice(from)) {
        if (s !== step && s.deadline >= request.newDeadline) continue;
        r.deadlineHistory.push({
          step: s.key,
          deadline: request.newDeadline,
          previous: s.deadline,
          at,
          reason: body.reason as string,
          byUserId: by,
        });
        s.deadline = request.newDeadline;
        moved.push(s.key);
      }
      facts.push({
        type: CultivatedEvents.DeadlineExtended.type,
        step: `extension-${step.key}`,
        extra: { steps: moved, newDeadline: request.newDeadline, reason: body.reason },
      });
      break;
    }
  }
  if (r.phase === 'closed')
    facts.push({ type: CultivatedEvents.RectificationClosed.type, step: 'closed', extra: {} });
  return facts;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
