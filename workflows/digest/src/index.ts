export { createDigestActivities, type DigestActivities } from './activities';
export { DIGEST_TASK_QUEUE, DIGEST_WORKFLOW_ID, DIGEST_WORKFLOW_TYPE, type DigestInput } from './definitions';
export { DIGEST_TIME, digestAt, firstCandidateDay } from './schedule';
export { createDigestWorker, digestWorkflowsPath } from './worker';
