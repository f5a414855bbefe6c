import { z } from 'zod';
import type { Colour, Role } from './common';

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

/** A process's name as inbox entries and alerts carry it (`kindergarten`, `cultivated-land` …). */
export const ProcessNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'expected a process name such as kindergarten');
export type InboxProcess = string;

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
  step: string;
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
  /** Issue 23 (supervision): urges to this unit still waiting for its answer (the console's 催 mark). */
  openUrges?: number;
  /** Issue 23 (supervision): the unit's handling person (承办人) for this step. */
  handler?: { userId: string; name: string | null } | null;
}

/** Builds a non-supervision inbox id; one place so that writers and deleters agree. */
export function inboxEntryId(process: InboxProcess, itemId: string, step: string, unitCode: string): string {
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
  /** Issue 23: a 催办 left unanswered past its reply day. */
  urge_overdue: '催办逾期未反馈',
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
