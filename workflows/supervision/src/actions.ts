// Who may do what, in which state (DESIGN §1, §6). `checkAction` is the Update validator: it
// refuses with a reason and changes nothing. `applyAction` runs only after it accepted.
import {
  ActionBodies,
  SupervisionEvents,
  actionRoles,
  isLifecycleAction,
  type ActionCommand,
  type ActionName,
  type ItemSnapshot,
  type Rating,
  type SubTaskSnapshot,
} from './contracts/index';
import { type EventType } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import type { ItemState } from './item';
import { applyLifecycle, checkLifecycle } from './lifecycle';

type Part = { kind: 'lead' } | { kind: 'sub'; sub: SubTaskSnapshot };

function partOf(item: ItemSnapshot, unitCode: string | undefined): Part | null {
  if (!unitCode) return null;
  if (item.leadUnits.includes(unitCode)) return { kind: 'lead' };
  const sub = item.subTasks.find((s) => s.unitCode === unitCode);
  return sub ? { kind: 'sub', sub } : null;
}

export function checkAction(state: ItemState, command: ActionCommand): void {
  const { item } = state;
  const { action, actor } = command;
  const schema = ActionBodies[action];
  if (!schema) refuse(`未知操作：${String(action)}`);
  const body = schema.safeParse(command.body);
  if (!body.success)
    refuse(`参数错误：${body.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (!actionRoles(action).includes(actor.role as never)) refuse(`角色 ${actor.role} 不能执行 ${action}`);
  if (item.state === 'closed') refuse('事项已销号，不能再操作');
  // 催办, 转办/改派, 承办人 (issue 23): their own rules.
  if (isLifecycleAction(action)) return checkLifecycle(state, action, command);

  if (actionRoles(action).includes('bureau')) {
    const part = partOf(item, actor.unitCode);
    if (!part) refuse(`单位 ${actor.unitCode ?? '(无)'} 不是本事项的牵头或配合单位`);
    checkBureauAction(state, action, part as Part, command);
    return;
  }
  switch (action) {
    case 'review':
      if (item.state !== 'close_requested') refuse('只有申请办结的事项可以复核');
      return;
    case 'close':
      if (item.state !== 'close_requested' && item.state !== 'under_review')
        refuse('只有申请办结或复核中的事项可以销号');
      return;
    case 'return':
      if (item.state !== 'close_requested' && item.state !== 'under_review')
        refuse('只有申请办结或复核中的事项可以退回');
      return;
    case 'decide-extension': {
      if (!item.pendingExtension) refuse('没有待审批的延期申请');
      const body = command.body as { approve: boolean; newDeadline?: string };
      const target = body.newDeadline ?? item.pendingExtension!.requestedDeadline;
      if (body.approve && item.deadline !== null && target <= item.deadline) {
        refuse(`延期后的期限 ${target} 必须晚于现期限 ${item.deadline}`);
      }
      return;
    }
    case 'instruct':
      return;
  }
}

function checkBureauAction(state: ItemState, action: ActionName, part: Part, command: ActionCommand): void {
  const { item } = state;
  if (part.kind === 'sub') {
    const { sub } = part;
    if (sub.state === 'done') refuse('配合任务已完成');
    switch (action) {
      case 'sign':
        if (sub.state !== 'assigned') refuse('配合任务已签收');
        return;
      case 'progress':
      case 'request-close':
        if (sub.state === 'assigned') refuse('请先签收配合任务');
        return;
      default:
        refuse('配合单位只能签收、报送进展和完成配合任务；延期和节点完成由牵头单位报送');
    }
  }
  switch (action) {
    case 'sign':
      if (item.state !== 'assigned') refuse('事项已签收');
      return;
    case 'progress':
      if (item.state === 'assigned') refuse('请先签收事项');
      if (item.state !== 'signed' && item.state !== 'in_progress') refuse('事项正在复核，不能报送进展');
      return;
    case 'request-close': {
      if (item.state === 'assigned') refuse('请先签收事项');
      if (item.state !== 'signed' && item.state !== 'in_progress') refuse('事项已申请办结');
      const open = item.subTasks.filter((s) => s.state !== 'done').map((s) => s.unitCode);
      if (open.length) refuse(`配合单位尚未完成：${open.join('、')}`);
      return;
    }
    case 'request-extension': {
      if (item.pendingExtension) refuse('已有待审批的延期申请');
      if (item.deadline === null) refuse('本事项没有办理期限，无需延期');
      const { newDeadline } = command.body as { newDeadline: string };
      if (newDeadline <= item.deadline!) refuse(`申请的期限 ${newDeadline} 必须晚于现期限 ${item.deadline}`);
      return;
    }
    case 'complete-milestone': {
      if (item.state === 'assigned') refuse('请先签收事项');
      if (item.state !== 'signed' && item.state !== 'in_progress') refuse('事项已申请办结，不能再报送节点');
      const { milestone } = command.body as { milestone: string };
      const found = item.milestones?.find((m) => m.key === milestone);
      if (!found) refuse(`本事项没有节点 ${milestone}`);
      if (found!.doneAt !== null) refuse(`节点 ${milestone} 已完成`);
      return;
    }
    default:
      refuse(`单位不能执行 ${action}`);
  }
}

export interface AppliedAction {
  type: EventType;
  step: string;
  extra: Record<string, unknown>;
}

/** Applies an accepted action to the state; returns the fact to publish (without the snapshot). */
export function applyAction(state: ItemState, command: ActionCommand, now: number): AppliedAction {
  if (isLifecycleAction(command.action)) return applyLifecycle(state, command.action, command, now);
  const { item } = state;
  const at = new Date(now).toISOString();
  const unit = command.actor.unitCode ?? '';
  const part = partOf(item, command.actor.unitCode);
  const body = ActionBodies[command.action].parse(command.body) as Record<string, unknown> & {
    note?: string;
    text?: string;
    summary?: string;
    attachments?: unknown[];
    reason?: string;
    opinion?: string;
    newDeadline?: string;
    approve?: boolean;
    milestone?: string;
    rating?: Rating;
    ratingComment?: string;
  };
  switch (command.action) {
    case 'sign':
      if (part?.kind === 'sub') part.sub.state = 'signed';
      else item.state = 'signed';
      return {
        type: SupervisionEvents.ItemSigned.type,
        step: 'signed',
        extra: { unitCode: unit, note: body.note },
      };
    case 'progress':
      if (part?.kind === 'sub') {
        part.sub.state = 'in_progress';
        part.sub.lastProgressAt = at;
      } else {
        item.state = 'in_progress';
        item.lastProgressAt = at;
      }
      return {
        type: SupervisionEvents.ProgressReported.type,
        step: 'progress',
        extra: { unitCode: unit, text: body.text, attachments: body.attachments ?? [] },
      };
    case 'request-close':
      if (part?.kind === 'sub') {
        part.sub.state = 'done';
        part.sub.lastProgressAt = at;
        return {
          type: SupervisionEvents.ProgressReported.type,
          step: 'subtask-done',
          extra: {
            unitCode: unit,
            text: `配合任务完成：${body.summary}`,
            attachments: body.attachments ?? [],
          },
        };
      }
      item.state = 'close_requested';
      item.lastProgressAt = at;
      state.clockStoppedAt = at;
      return {
        type: SupervisionEvents.CloseRequested.type,
        step: 'close-requested',
        extra: { summary: body.summary, attachments: body.attachments ?? [] },
      };
    case 'review':
      item.state = 'under_review';
      return {
        type: SupervisionEvents.ReviewStarted.type,
        step: 'review',
        extra: { note: body.note },
      };
    case 'close':
      item.state = 'closed';
      item.closedAt = at;
      item.pendingExtension = null;
      // 办结评价 (issue 23): the rating, when given, is part of the item's record.
      if (body.rating) {
        item.rating = {
          rating: body.rating,
          comment: body.ratingComment ?? null,
          at,
          byUserId: command.actor.userId,
        };
      }
      return {
        type: SupervisionEvents.ItemClosed.type,
        step: 'closed',
        extra: body.rating
          ? { opinion: body.opinion, rating: body.rating, ratingComment: body.ratingComment }
          : { opinion: body.opinion },
      };
    case 'return':
      item.state = 'in_progress';
      state.clockStoppedAt = null;
      return {
        type: SupervisionEvents.ItemReturned.type,
        step: 'returned',
        extra: { reason: body.reason },
      };
    case 'request-extension':
      item.pendingExtension = {
        requestedDeadline: body.newDeadline!,
        reason: body.reason!,
        requestedBy: command.actor.userId,
        requestedAt: at,
      };
      return {
        type: SupervisionEvents.ExtensionRequested.type,
        step: 'extension-requested',
        extra: { unitCode: unit, requestedDeadline: body.newDeadline, reason: body.reason },
      };
    case 'decide-extension': {
      const pending = item.pendingExtension!;
      const previous = item.deadline;
      const target = body.newDeadline ?? pending.requestedDeadline;
      item.pendingExtension = null;
      if (body.approve) {
        item.deadline = target;
        item.deadlineHistory.push({
          deadline: target,
          previous,
          at,
          reason: `${pending.reason}（${body.opinion}）`,
          byUserId: command.actor.userId,
        });
        // Sub-tasks that simply followed the lead's deadline follow it again, and so does the
        // milestone that was the deadline (the clause's last date).
        for (const sub of item.subTasks) if (sub.deadline === previous) sub.deadline = target;
        for (const m of item.milestones ?? []) if (m.date === previous && m.doneAt === null) m.date = target;
      }
      return {
        type: SupervisionEvents.ExtensionDecided.type,
        step: 'extension-decided',
        extra: {
          approved: body.approve,
          opinion: body.opinion,
          previousDeadline: previous,
          newDeadline: body.approve ? target : null,
        },
      };
    }
    case 'instruct':
      return {
        type: SupervisionEvents.InstructionWritten.type,
        step: 'instruction',
        extra: { text: body.text },
      };
    case 'complete-milestone': {
      const milestone = item.milestones!.find((m) => m.key === body.milestone)!;
      milestone.doneAt = at;
      return {
        type: SupervisionEvents.MilestoneCompleted.type,
        step: `milestone-${milestone.key}`,
        extra: {
          unitCode: unit,
          milestone: milestone.key,
          date: milestone.date,
          phrase: milestone.phrase,
          note: body.note,
        },
      };
    }
  }
}
