import type { Colour, Role } from './common';
import type { ItemSnapshot, ItemState } from './supervision/model';

/**
 * Read models in MongoDB (DESIGN §2): written only by the projector and the alerts service from
 * the event stream, read by the gateway. Rebuilding them from the stream gives the same documents.
 */
export const ReadModels = {
  items: 'items',
  inbox: 'inbox',
  timeline: 'timeline',
  alerts: 'alerts',
} as const;

export interface ItemDoc extends ItemSnapshot {
  _id: string;
  /** Last time the item changed, from the event time. */
  updatedAt: Date;
  latestProgress: { text: string; at: Date; unitCode: string } | null;
}

/** The processes whose open steps share one inbox (我的待办). */
export const INBOX_PROCESSES = ['supervision', 'kindergarten', 'cultivated-land', 'land-use'] as const;
export type InboxProcess = (typeof INBOX_PROCESSES)[number];

/**
 * One open step a unit must act on, from any process: a bureau sees everything it owes in one
 * list. Each process writes only its own entries (`process`), from its own consumers, and
 * removes them when the step is done. `lead`: the unit answers for the step; `cooperating`: a
 * supervision sub-task.
 */
export interface InboxDoc {
  /** Supervision: `${itemId}|${unitCode}`; other processes: `${process}|${itemId}|${step}|${unitCode}`. */
  _id: string;
  process: InboxProcess;
  /** The tracked thing: a supervision item, a kindergarten case, a town's rectification … */
  itemId: string;
  unitCode: string;
  role: 'lead' | 'cooperating';
  /** Machine name of the step (a supervision item state, a case step key …). */
  step: ItemState | 'subtask_assigned' | 'subtask_signed' | 'subtask_in_progress' | (string & {});
  /** The step in Chinese, as the console shows it. */
  stepLabel: string;
  /** Console route of the thing, e.g. `#/items/<id>` or `#/kindergarten/cases/<id>`. */
  href: string;
  docNo: string;
  ref: string;
  title: string;
  deadline: string | null;
  colour: Colour;
  updatedAt: Date;
}

const SUPERVISION_STEP_LABELS: Record<string, string> = {
  assigned: '待签收',
  signed: '已签收，待办理',
  in_progress: '办理中',
  subtask_assigned: '配合子任务待签收',
  subtask_signed: '配合子任务已签收',
  subtask_in_progress: '配合子任务办理中',
};

/** The Chinese label of a supervision inbox step (an item state or a sub-task state). */
export function supervisionStepLabel(step: string): string {
  return SUPERVISION_STEP_LABELS[step] ?? step;
}

/** Builds a non-supervision inbox id; one place so that writers and deleters agree. */
export function inboxEntryId(
  process: Exclude<InboxProcess, 'supervision'>,
  itemId: string,
  step: string,
  unitCode: string,
): string {
  return `${process}|${itemId}|${step}|${unitCode}`;
}

export interface TimelineDoc {
  _id: string; // event id
  itemId: string;
  version: number;
  type: string;
  fact: string;
  /** Chinese one-line account for the console and the ledger. */
  summary: string;
  at: Date;
  actor: { userId: string | null; unitCode: string | null; requestId: string | null };
  data: Record<string, unknown>;
}

export type AlertAudience = Extract<Role, 'inspector' | 'leader'>;

/** What an alert says happened; the console labels them in Chinese. */
export const ALERT_KINDS = {
  colour_changed: '预警颜色变化',
  overdue_escalated: '久未整改，已报领导',
  listed_for_supervision: '挂牌督办',
  accountability_escalated: '整改不到位，提请问责',
} as const;
export type AlertKind = keyof typeof ALERT_KINDS;

export interface AlertDoc {
  _id: string; // `${eventId}|${audience}`
  audience: AlertAudience;
  /** The process of the thing alerted on; alerts stored before processes were named lack it. */
  process: InboxProcess;
  itemId: string;
  /** Console route of the thing, as in the inbox. */
  href: string;
  docNo: string;
  ref: string;
  title: string;
  colour: Colour;
  kind: AlertKind;
  message: string;
  leadUnits: string[];
  eventId: string;
  createdAt: Date;
}
