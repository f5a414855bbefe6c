export * from './client';
export { createProjectQualityWorker, projectQualityWorkflowsPath } from './worker';
export { createProjectQualityActivities } from './activities';
export type { ProjectQualityActivities } from './activities';
export type { unitReportingYearWorkflow } from './workflows';
