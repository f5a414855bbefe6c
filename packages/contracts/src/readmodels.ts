import type { Colour, ItemSnapshot, ItemState, Role } from './supervision/model';

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

/** One open step a unit must act on. `lead`: the item itself; `cooperating`: its sub-task. */
export interface InboxDoc {
  _id: string; // `${itemId}|${unitCode}`
  itemId: string;
  unitCode: string;
  role: 'lead' | 'cooperating';
  step: ItemState | 'subtask_assigned' | 'subtask_signed' | 'subtask_in_progress';
  docNo: string;
  ref: string;
  title: string;
  deadline: string | null;
  colour: Colour;
  updatedAt: Date;
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

export interface AlertDoc {
  _id: string; // `${eventId}|${audience}`
  audience: AlertAudience;
  itemId: string;
  docNo: string;
  ref: string;
  title: string;
  colour: Colour;
  kind: 'colour_changed' | 'overdue_escalated';
  message: string;
  leadUnits: string[];
  eventId: string;
  createdAt: Date;
}
