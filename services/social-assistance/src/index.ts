export { socialAssistanceProcess } from './process';
export { socialAssistanceRoutes } from './routes/index';
export { startSocialAssistanceServices } from './service';
export type { SocialAssistanceServiceDeps } from './service';
export { socialAssistanceReadModel } from './rebuild';
export { SaCollections } from './collections';
export { purchaseSteps, caseSteps } from './projector/inbox';
export { budgetSheet } from './routes/budget';
export { createSocialAssistanceWorker } from '@duban/workflow-social-assistance';
