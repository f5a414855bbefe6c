import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UnitYearCommand, UnitYearSnapshot } from './contracts/index';

// Imported by the worker and by every client (the project-quality service): one place for these names.
export const PROJECT_QUALITY_TASK_QUEUE = 'duban-project-quality';

/** A unit's monthly report (四(三)). */
export const unitYearActionUpdate = defineUpdate<UnitYearSnapshot, [UnitYearCommand]>('unitYearAction');
export const unitYearQuery = defineQuery<UnitYearSnapshot>('unitYear');
