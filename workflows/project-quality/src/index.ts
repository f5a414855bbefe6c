export * from './client';
export { createProjectQualityWorker, projectQualityWorkflowsPath } from './worker';
export { createProjectQualityActivities } from './activities';
export type { ProjectQualityActivities } from './activities';
export type { unitReportingYearWorkflow } from './workflows';
export type { indicatorYearWorkflow } from './indicator-workflow';
export type { IndicatorYearCommand } from './indicator-year';
