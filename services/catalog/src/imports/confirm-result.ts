import type { ImportSummary } from '../import';
import type { StartSupervisionResult } from '../start';
import type { NoticeDiff } from '../diff';
import type { ImportActor } from './drafts';

/** What a running item did with a revision: took it, or refused it (closed, already revised). */
export interface RevisionOutcome {
  itemId: string;
  change: 'revised' | 'removed';
  outcome: 'applied' | 'refused' | 'no-item';
  detail?: string;
}

/** The stored answer of a confirm: a second confirm of the same draft answers it again. */
export interface ConfirmResult {
  at: Date;
  by: ImportActor;
  requestId: string;
  /** The unknown units the user chose to go on without. */
  proceededDespite: string[];
  diff: NoticeDiff;
  summary: ImportSummary;
  start: Omit<StartSupervisionResult, 'outcomes'>;
  revisions: RevisionOutcome[];
  /** The item ids of every task of the notice (the console links to them). */
  items: string[];
}
