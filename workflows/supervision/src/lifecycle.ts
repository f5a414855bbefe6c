// The lifecycle actions' rules (issue 23) as pure functions over the item's state, like
// actions.ts: `checkLifecycle` refuses with a reason, `applyLifecycle` runs once it accepted.
// No I/O, no clock: `now` is passed in.
import { addWorkingDays, civilDateOf, endOfCivilDay } from '@duban/calendar';
import { refuse } from '@duban/workflow-core/refusal';
import {
  LifecycleBodies,
  SupervisionEvents,
  type ActionCommand,
  type LifecycleAction,
  type UrgeSnapshot,
} from './contracts/index';
import type { AppliedAction } from './actions';
import type { ItemState } from './item';

/**
 * The reply days of an urge whose body names none and whose service sent none (the service
 * reads supervision.urge-reply-working-days and always sends one; this is its default).
 */
export const DEFAULT_URGE_REPLY_WORKING_DAYS = 3;

const OPEN_FOR_HANDBACK = new Set(['assigned', 'signed', 'in_progress']);

/** The unit's part of the item: its lead role, or its open sub-task. */
function partOf(state: ItemState, unitCode: string | undefined) {
  const { item } = state;
  if (!unitCode) return null;
  if (item.leadUnits.includes(unitCode)) return { kind: 'lead' as const };
  const sub = item.subTasks.find((s) => s.unitCode === unitCode);
  return sub ? { kind: 'sub' as const, sub } : null;
}

function bodyOf<A extends LifecycleAction>(action: A, command: ActionCommand) {
  return LifecycleBodies[action].parse(command.body) as Record<string, unknown>;
}

/** The Update validator's part for a lifecycle action (roles and closed item checked before). */
export function checkLifecycle(state: ItemState, action: LifecycleAction, command: ActionCommand): void {
  const { item } = state;
  const unit = command.actor.unitCode;
  const body = bodyOf(action, command);
  switch (action) {
    case 'urge': {
      const target = (body.unitCode as string | undefined) ?? item.leadUnits[0]!;
      const part = partOf(state, target);
      if (!part) refuse(`单位 ${target} 不是本事项的牵头或配合单位`);
      if (part!.kind === 'sub' && part!.sub.state === 'done') refuse(`单位 ${target} 的配合任务已完成`);
      return;
    }
    case 'answer-urge': {
      const urge = item.urges?.find((u) => u.no === body.urge);
      if (!urge) refuse(`本事项没有第 ${String(body.urge)} 次催办`);
      if (urge!.unitCode !== unit) refuse(`第 ${urge!.no} 次催办的对象是 ${urge!.unitCode}，不是本单位`);
      if (urge!.answeredAt !== null) refuse(`第 ${urge!.no} 次催办已反馈`);
      if (urge!.withdrawnAt !== null) refuse(`第 ${urge!.no} 次催办已随改派撤回`);
      return;
    }
    case 'request-handback': {
      const part = partOf(state, unit);
      if (!part) refuse(`单位 ${unit ?? '(无)'} 不是本事项的牵头或配合单位`);
      if (part!.kind === 'sub' && part!.sub.state === 'done') refuse('配合任务已完成，不能申请转办');
      if (!OPEN_FOR_HANDBACK.has(item.state)) refuse('事项已申请办结，不能申请转办');
      if (item.pendingHandback) refuse('已有待决定的转办申请');
      return;
    }
    case 'reassign': {
      const from = (body.fromUnit as string | undefined) ?? item.pendingHandback?.unitCode;
      if (!from) refuse('请指明从哪个单位改派（fromUnit），或先由单位申请转办');
      if (
        item.pendingHandback &&
        body.fromUnit !== undefined &&
        body.fromUnit !== item.pendingHandback.unitCode
      )
        refuse(`待决定的转办申请来自 ${item.pendingHandback.unitCode}，请先决定它`);
      const part = partOf(state, from);
      if (!part) refuse(`单位 ${from} 不是本事项的牵头或配合单位`);
      if (part!.kind === 'sub' && part!.sub.state === 'done') refuse('配合任务已完成，不能改派');
      if (!OPEN_FOR_HANDBACK.has(item.state)) refuse('事项已申请办结，不能改派');
      const to = body.toUnit as string;
      if (item.leadUnits.includes(to) || item.subTasks.some((s) => s.unitCode === to))
        refuse(`单位 ${to} 已是本事项的牵头或配合单位`);
      if (body.deadline === 'reset' && body.newDeadline === undefined)
        refuse('重新确定期限时请给出新期限（newDeadline）');
      if (body.deadline === 'keep' && body.newDeadline !== undefined) refuse('保留原期限时不能给出新期限');
      return;
    }
    case 'refuse-handback':
      if (!item.pendingHandback) refuse('没有待决定的转办申请');
      return;
    case 'assign-handler': {
      const part = partOf(state, unit);
      if (!part) refuse(`单位 ${unit ?? '(无)'} 不是本事项的牵头或配合单位`);
      const current = item.handlers?.find((h) => h.unitCode === unit);
      if (current?.userId === body.handler) refuse(`${String(body.handler)} 已是本单位的承办人`);
      return;
    }
  }
}

/** Applies an accepted lifecycle action; returns the fact to publish (without the snapshot). */
export function applyLifecycle(
  state: ItemState,
  action: LifecycleAction,
  command: ActionCommand,
  now: number,
): AppliedAction {
  const { item } = state;
  const at = new Date(now).toISOString();
  const { actor } = command;
  const unit = actor.unitCode ?? '';
  const body = bodyOf(action, command);
  switch (action) {
    case 'urge': {
      const urges = (item.urges ??= []);
      const urge: UrgeSnapshot = {
        no: urges.length + 1,
        unitCode: (body.unitCode as string | undefined) ?? item.leadUnits[0]!,
        message: body.message as string,
        replyBy:
          (body.replyBy as string | undefined) ??
          addWorkingDays(civilDateOf(now), DEFAULT_URGE_REPLY_WORKING_DAYS),
        at,
        byUserId: actor.userId,
        byRole: actor.role,
        answeredAt: null,
        answer: null,
        late: false,
        overdueAt: null,
        withdrawnAt: null,
      };
      urges.push(urge);
      return {
        type: SupervisionEvents.UrgeIssued.type,
        step: `urge-${urge.no}`,
        extra: { urge: urge.no, unitCode: urge.unitCode, message: urge.message, replyBy: urge.replyBy },
      };
    }
    case 'answer-urge': {
      const urge = item.urges!.find((u) => u.no === body.urge)!;
      urge.answeredAt = at;
      urge.answer = body.text as string;
      urge.late = now > endOfCivilDay(urge.replyBy).getTime();
      return {
        type: SupervisionEvents.UrgeAnswered.type,
        step: `urge-${urge.no}-answered`,
        extra: { urge: urge.no, unitCode: unit, text: urge.answer, late: urge.late },
      };
    }
    case 'request-handback':
      item.pendingHandback = { unitCode: unit, reason: body.reason as string, requestedBy: actor.userId, at };
      return {
        type: SupervisionEvents.HandbackRequested.type,
        step: 'handback-requested',
        extra: { unitCode: unit, reason: body.reason },
      };
    case 'refuse-handback': {
      const pending = item.pendingHandback!;
      item.pendingHandback = null;
      return {
        type: SupervisionEvents.HandbackDecided.type,
        step: 'handback-refused',
        extra: {
          decision: 'refused',
          fromUnit: pending.unitCode,
          toUnit: null,
          deadlineKept: true,
          previousDeadline: null,
          newDeadline: null,
          opinion: body.opinion,
        },
      };
    }
    case 'reassign':
      return reassign(state, body, actor.userId, at);
    case 'assign-handler': {
      const handlers = (item.handlers ??= []);
      const previous = handlers.find((h) => h.unitCode === unit) ?? null;
      const handler = {
        unitCode: unit,
        userId: body.handler as string,
        name: (body.handlerName as string | undefined) ?? null,
        at,
        byUserId: actor.userId,
      };
      item.handlers = [...handlers.filter((h) => h.unitCode !== unit), handler];
      return {
        type: SupervisionEvents.HandlerAssigned.type,
        step: 'handler-assigned',
        extra: {
          unitCode: unit,
          handler: handler.userId,
          handlerName: handler.name,
          previousHandler: previous?.userId ?? null,
        },
      };
    }
  }
}

/**
 * 改派: the part moves to the new unit, which signs for it afresh; the deadline stays or is reset
 * (a lead's reset is kept in the deadline history). Open urges to the old unit are withdrawn and
 * its handling person no longer holds the step.
 */
function reassign(
  state: ItemState,
  body: Record<string, unknown>,
  byUserId: string,
  at: string,
): AppliedAction {
  const { item } = state;
  const from = (body.fromUnit as string | undefined) ?? item.pendingHandback!.unitCode;
  const to = body.toUnit as string;
  const reset = body.deadline === 'reset';
  const newDeadline = reset ? (body.newDeadline as string) : null;
  const lead = item.leadUnits.includes(from);
  let previousDeadline: string | null;
  if (lead) {
    previousDeadline = item.deadline;
    item.leadUnits = item.leadUnits.map((u) => (u === from ? to : u));
    item.state = 'assigned';
    if (reset) {
      item.deadline = newDeadline;
      item.deadlineHistory.push({
        deadline: newDeadline!,
        previous: previousDeadline,
        at,
        reason: `改派 ${from} → ${to}：${String(body.opinion)}`,
        byUserId,
      });
      for (const sub of item.subTasks) if (sub.deadline === previousDeadline) sub.deadline = newDeadline;
    }
  } else {
    const sub = item.subTasks.find((s) => s.unitCode === from)!;
    previousDeadline = sub.deadline;
    sub.unitCode = to;
    sub.state = 'assigned';
    sub.lastProgressAt = null;
    if (reset) sub.deadline = newDeadline;
    item.cooperatingUnits = item.subTasks.map((s) => s.unitCode);
  }
  for (const urge of item.urges ?? []) {
    if (urge.unitCode === from && urge.answeredAt === null && urge.withdrawnAt === null)
      urge.withdrawnAt = at;
  }
  if (item.handlers) item.handlers = item.handlers.filter((h) => h.unitCode !== from);
  if (item.pendingHandback?.unitCode === from) item.pendingHandback = null;
  const deadline = reset ? newDeadline : previousDeadline;
  (item.reassignments ??= []).push({
    fromUnit: from,
    toUnit: to,
    part: lead ? 'lead' : 'cooperating',
    deadlineKept: !reset,
    previousDeadline,
    deadline,
    opinion: body.opinion as string,
    at,
    byUserId,
  });
  return {
    type: SupervisionEvents.HandbackDecided.type,
    step: `reassigned-${(item.reassignments ?? []).length}`,
    extra: {
      decision: 'reassigned',
      fromUnit: from,
      toUnit: to,
      deadlineKept: !reset,
      previousDeadline,
      newDeadline: deadline,
      opinion: body.opinion,
    },
  };
}

/** Urges whose reply day passed unanswered and not yet marked: marks them red, returns them. */
export function urgesTurningRed(state: ItemState, now: number): UrgeSnapshot[] {
  const turning = openUrges(state).filter(
    (u) => u.overdueAt === null && now > endOfCivilDay(u.replyBy).getTime(),
  );
  const at = new Date(now).toISOString();
  for (const urge of turning) urge.overdueAt = at;
  return turning;
}

/** The next instant an open urge's reply day ends (null: none waits). */
export function nextUrgeWakeAt(state: ItemState, now: number): number | null {
  const ends = openUrges(state)
    .filter((u) => u.overdueAt === null)
    .map((u) => endOfCivilDay(u.replyBy).getTime() + 1)
    .filter((t) => t > now);
  return ends.length ? Math.min(...ends) : null;
}

function openUrges(state: ItemState): UrgeSnapshot[] {
  if (state.item.state === 'closed') return [];
  return (state.item.urges ?? []).filter((u) => u.answeredAt === null && u.withdrawnAt === null);
}
