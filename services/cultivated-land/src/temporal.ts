// Starting the towns' workflows and sending actions to them through Temporal.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import {
  townAssessmentWorkflowId,
  townRectificationWorkflowId,
  type AssessmentCommand,
  type AssessmentSnapshot,
  type RectificationCommand,
  type RectificationSnapshot,
  type StartAssessment,
  type StartRectification,
} from '@duban/contracts';
import {
  CULTIVATED_LAND_TASK_QUEUE,
  assessmentActionUpdate,
  assessmentSnapshotQuery,
  rectificationActionUpdate,
  rectificationSnapshotQuery,
  type townAssessmentWorkflow,
  type townRectificationWorkflow,
} from '@duban/workflow-cultivated-land';

export interface LandTemporalDeps {
  temporal: Client;
  taskQueue?: string;
}

/** Starts once: a second start of the same town and campaign (or year) finds the first. */
async function startOnce(start: () => Promise<unknown>): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

export const startRectification = (deps: LandTemporalDeps, input: StartRectification) =>
  startOnce(() =>
    deps.temporal.workflow.start<typeof townRectificationWorkflow>('townRectificationWorkflow', {
      taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
      workflowId: townRectificationWorkflowId(input.rectificationId),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    }),
  );

export const startAssessment = (deps: LandTemporalDeps, input: StartAssessment) =>
  startOnce(() =>
    deps.temporal.workflow.start<typeof townAssessmentWorkflow>('townAssessmentWorkflow', {
      taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
      workflowId: townAssessmentWorkflowId(input.assessmentId),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    }),
  );

export type Outcome<T> = { ok: true; value: T } | { ok: false; status: 404 | 409; reason: string };

async function update<T>(run: () => Promise<T>, missing: string): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError)
      return { ok: false, status: 409, reason: error.cause?.message ?? error.message };
    if (error instanceof WorkflowNotFoundError) return { ok: false, status: 404, reason: missing };
    throw error;
  }
}

export const sendRectificationAction = (deps: LandTemporalDeps, id: string, command: RectificationCommand) =>
  update<RectificationSnapshot>(
    () =>
      deps.temporal.workflow
        .getHandle(townRectificationWorkflowId(id))
        .executeUpdate(rectificationActionUpdate, { args: [command] }),
    `整改 ${id} 不存在`,
  );

export const sendAssessmentAction = (deps: LandTemporalDeps, id: string, command: AssessmentCommand) =>
  update<AssessmentSnapshot>(
    () =>
      deps.temporal.workflow
        .getHandle(townAssessmentWorkflowId(id))
        .executeUpdate(assessmentActionUpdate, { args: [command] }),
    `考核 ${id} 不存在`,
  );

/** The live snapshot, or null when the workflow is unknown (the read model then answers). */
async function live<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

export const rectificationSnapshot = (deps: LandTemporalDeps, id: string) =>
  live(() =>
    deps.temporal.workflow.getHandle(townRectificationWorkflowId(id)).query(rectificationSnapshotQuery),
  );

export const assessmentSnapshot = (deps: LandTemporalDeps, id: string) =>
  live(() => deps.temporal.workflow.getHandle(townAssessmentWorkflowId(id)).query(assessmentSnapshotQuery));
