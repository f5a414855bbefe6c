import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseCommand, CaseSnapshot, StepSnapshot } from './contracts/index';

// Imported by the worker and by every client (the kindergarten service): one place for these names.
export const KINDERGARTEN_TASK_QUEUE = 'duban-kindergarten';

/** Every bureau and inspector action on a case is one Update, to the case or, for a
 * rectification step, to its child workflow: accepted, or refused by the validator with a
 * reason, leaving history untouched. */
export const caseActionUpdate = defineUpdate<CaseSnapshot, [CaseCommand]>('caseAction');
export const rectificationActionUpdate = defineUpdate<StepSnapshot[], [CaseCommand]>('rectificationAction');

export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');
export const rectificationStepsQuery = defineQuery<StepSnapshot[]>('rectificationSteps');

/** The child tells its case that a rectification step was done. */
export interface StepDone {
  step: string;
  unitCode: string;
  at: string;
  by: string;
  requestId: string | null;
  note: string | null;
}
export const stepDoneSignal = defineSignal<[StepDone]>('rectificationStepDone');
