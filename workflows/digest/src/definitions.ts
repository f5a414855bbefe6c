// Shared by the worker, the delivery service that starts the workflow, and the tests.
export const DIGEST_TASK_QUEUE = 'duban-digest';
/** One digest workflow per deployment: it sleeps to each working day's 08:30 and continues as new. */
export const DIGEST_WORKFLOW_ID = 'delivery-morning-digest';
export const DIGEST_WORKFLOW_TYPE = 'morningDigestWorkflow';

export interface DigestInput {
  /** The last day a digest was due (YYYY-MM-DD), so that the next run starts the day after it. */
  lastDay?: string;
}
