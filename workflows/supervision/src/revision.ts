// A revised notice reaching a running item (pure rules, like actions.ts). The catalog keeps the
// task's versions; the item takes the new title, units and deadline, or is flagged as removed from
// the notice (it stays open: withdrawing is for 督查室 to decide, and a closed item never restarts).
import {
  SupervisionEvents,
  REVISION_ROLES,
  type ItemSnapshot,
  type MilestoneSnapshot,
  type RevisionBody,
} from './contracts/index';
import type { ReviseCommand } from './contracts/index';
import { refuse } from '@duban/workflow-core/refusal';
import type { AppliedAction } from './actions';
import type { ItemState } from './item';

export function checkRevision(state: ItemState, command: ReviseCommand): void {
  const { item } = state;
  if (!(REVISION_ROLES as readonly string[]).includes(command.actor.role))
    refuse(`角色 ${command.actor.role} 不能修订事项`);
  if (item.state === 'closed') refuse('事项已销号，不能再修订');
  const current = item.revision?.catalogVersion ?? 1;
  // The same version again only brings back an item flagged as removed (the notice has it again).
  const restoring = item.revision?.removed === true;
  const { catalogVersion } = command.body;
  if (
    command.body.change === 'revised' &&
    (catalogVersion < current || (catalogVersion === current && !restoring))
  )
    refuse(`事项已是第 ${current} 版，不能改为第 ${catalogVersion} 版`);
  if (command.body.change === 'removed' && item.revision?.removed) refuse('事项已标记为修订版通知删除');
}

export function applyRevision(state: ItemState, command: ReviseCommand, now: number): AppliedAction {
  const { item } = state;
  const at = new Date(now).toISOString();
  const body = command.body;
  const previous = {
    title: item.title,
    leadUnits: [...item.leadUnits],
    cooperatingUnits: [...item.cooperatingUnits],
    deadline: item.deadline,
  };
  if (body.change === 'removed') {
    item.revision = { catalogVersion: body.catalogVersion, at, removed: true, reason: body.reason };
    return {
      type: SupervisionEvents.ItemRevised.type,
      step: `revised-${body.catalogVersion}-removed`,
      extra: {
        change: 'removed',
        catalogVersion: body.catalogVersion,
        fields: [],
        previous,
        reason: body.reason,
        source: body.source,
      },
    };
  }
  item.title = body.title;
  item.leadUnits = [...new Set(body.leadUnits)];
  if (body.deadline !== item.deadline) {
    if (body.deadline !== null) {
      item.deadlineHistory.push({
        deadline: body.deadline,
        previous: item.deadline,
        at,
        reason: `通知修订（第${body.catalogVersion}版）`,
        byUserId: command.actor.userId,
      });
    }
    item.deadline = body.deadline;
  }
  // Units still co-operating keep their sub-task (and its progress); new ones start assigned.
  const wanted = [...new Set(body.cooperatingUnits)].filter((u) => !item.leadUnits.includes(u));
  item.subTasks = wanted.map(
    (unitCode) =>
      item.subTasks.find((s) => s.unitCode === unitCode) ?? {
        unitCode,
        state: 'assigned',
        deadline: item.deadline,
        colour: 'green',
        lastProgressAt: null,
      },
  );
  // Sub-tasks that followed the lead's deadline follow the new one.
  for (const sub of item.subTasks) if (sub.deadline === previous.deadline) sub.deadline = item.deadline;
  if (body.milestones) {
    // The revised notice's dates (sent since issue 14's leftovers, behind its patch).
    reviseMilestones(item, body.milestones);
  } else {
    // A revision without them: the open milestone that was the deadline follows the deadline.
    for (const m of item.milestones ?? []) {
      if (m.date === previous.deadline && m.doneAt === null && item.deadline !== null) m.date = item.deadline;
    }
  }
  item.cooperatingUnits = item.subTasks.map((s) => s.unitCode);
  item.revision = { catalogVersion: body.catalogVersion, at, removed: false };
  return {
    type: SupervisionEvents.ItemRevised.type,
    step: `revised-${body.catalogVersion}`,
    extra: {
      change: 'revised',
      catalogVersion: body.catalogVersion,
      fields: body.fields,
      previous,
      source: body.source,
    },
  };
}

type RevisedMilestones = NonNullable<Extract<RevisionBody, { change: 'revised' }>['milestones']>;

/**
 * The milestones a revised notice gives (31号 四(二): "于2019年9月底前" becoming "于2019年8月底前").
 * Each takes the notice's date and words: one the notice still gives (same key, the date it first
 * gave) keeps whether it is done, and its date as the notice gives it, as the deadline does; a new
 * date is a new milestone; a date the notice no longer gives goes if it is open and stays, done, if
 * it was (what was reported stays on record). Colours are judged again on the new dates.
 */
export function reviseMilestones(item: ItemSnapshot, revised: RevisedMilestones): void {
  const current = new Map((item.milestones ?? []).map((m) => [m.key, m]));
  const next: MilestoneSnapshot[] = revised.map((m) => {
    const known = current.get(m.key);
    if (!known) return { ...m, colour: 'green', redSince: null, doneAt: null };
    const moved = known.date !== m.date;
    return { ...known, date: m.date, phrase: m.phrase, ...(moved ? { redSince: null } : {}) };
  });
  const revisedKeys = new Set(revised.map((m) => m.key));
  next.push(...[...current.values()].filter((m) => !revisedKeys.has(m.key) && m.doneAt !== null));
  next.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
  if (next.length > 0) item.milestones = next;
  else delete item.milestones;
}
