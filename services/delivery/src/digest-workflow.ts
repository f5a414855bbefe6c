import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DIGEST_TASK_QUEUE, DIGEST_WORKFLOW_ID, DIGEST_WORKFLOW_TYPE } from '@duban/workflow-digest';

/**
 * Starts the morning digest workflow unless it runs: one per deployment, kept alive by continuing
 * as new. One that was terminated (an operator stopping it) may be started again by the next start.
 */
export async function ensureDigestWorkflow(
  temporal: Client,
  taskQueue = DIGEST_TASK_QUEUE,
): Promise<boolean> {
  try {
    await temporal.workflow.start(DIGEST_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: DIGEST_WORKFLOW_ID,
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      args: [{}],
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
