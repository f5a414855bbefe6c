import { fileURLToPath } from 'node:url';
import type { Worker } from '@temporalio/worker';
import { createProcessWorker, type ProcessWorkerDeps } from '@duban/workflow-core/worker';
import { createSocialAssistanceActivities } from './activities';
import { SOCIAL_ASSISTANCE_TASK_QUEUE } from './definitions';

export const socialAssistanceWorkflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

export function createSocialAssistanceWorker(deps: ProcessWorkerDeps): Promise<Worker> {
  return createProcessWorker({
    ...deps,
    taskQueue: deps.taskQueue ?? SOCIAL_ASSISTANCE_TASK_QUEUE,
    workflowsPath: socialAssistanceWorkflowsPath,
    activities: createSocialAssistanceActivities(deps),
  });
}
