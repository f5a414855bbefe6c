import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { IndicatorYearSnapshot, UnitYearCommand, UnitYearSnapshot } from './contracts/index';
import type { IndicatorYearCommand } from './indicator-year';

// Imported by the worker and by every client (the project-quality service): one place for these names.
export const PROJECT_QUALITY_TASK_QUEUE = 'duban-project-quality';

/** A unit's monthly report (四(三)). */
export const unitYearActionUpdate = defineUpdate<UnitYearSnapshot, [UnitYearCommand]>('unitYearAction');
export const unitYearQuery = defineQuery<UnitYearSnapshot>('unitYear');

/** A lead unit's indicators of a year: `track` (the import) and `report` (its value and source). */
export const indicatorYearActionUpdate = defineUpdate<IndicatorYearSnapshot, [IndicatorYearCommand]>(
  'indicatorYearAction',
);
