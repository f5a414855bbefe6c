import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentCommand,
  AssessmentSnapshot,
  RectificationCommand,
  RectificationSnapshot,
} from './contracts/index';

// Imported by the worker and by every client (the cultivated-land service): one place for these names.
export const CULTIVATED_LAND_TASK_QUEUE = 'duban-cultivated-land';

/** Every action on a town's rectification or assessment is one Update: accepted, or refused by
 * the validator with a reason, leaving history untouched. */
export const rectificationActionUpdate = defineUpdate<RectificationSnapshot, [RectificationCommand]>(
  'townRectificationAction',
);
export const rectificationSnapshotQuery = defineQuery<RectificationSnapshot>('townRectificationSnapshot');

export const assessmentActionUpdate = defineUpdate<AssessmentSnapshot, [AssessmentCommand]>(
  'townAssessmentAction',
);
export const assessmentSnapshotQuery = defineQuery<AssessmentSnapshot>('townAssessmentSnapshot');
