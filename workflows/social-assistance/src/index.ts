export * from './client';
export { createSocialAssistanceWorker, socialAssistanceWorkflowsPath } from './worker';
export { createSocialAssistanceActivities } from './activities';
export type { SocialAssistanceActivities } from './activities';
export type { householdCaseWorkflow, socialAssistancePurchaseWorkflow } from './workflows';
