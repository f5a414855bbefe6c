// Starting the towns' workflows and sending actions to them through Temporal.
import type { Client } from '@temporalio/client';
import { queryOrNull, sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  StartAssessmentSchema,
  StartRectificationSchema,
  townAssessmentWorkflowId,
  townRectificationWorkflowId,
  type AssessmentCommand,
  type RectificationCommand,
  type StartAssessment,
  type StartRectification,
} from '@duban/workflow-cultivated-land/client';
import {
  CULTIVATED_LAND_TASK_QUEUE,
  assessmentActionUpdate,
  assessmentSnapshotQuery,
  rectificationActionUpdate,
  rectificationSnapshotQuery,
} from '@duban/workflow-cultivated-land';

export interface LandTemporalDeps {
  temporal: Client;
  taskQueue?: string;
}

/** Starts a town's rectification; an input its contract refuses starts nothing (InvalidStartInputError). */
export const startRectification = (deps: LandTemporalDeps, input: StartRectification) => {
  const workflowId = townRectificationWorkflowId(input.rectificationId);
  assertStartInput(StartRectificationSchema, input, workflowId);
  // A second start of the same town and campaign finds the first.
  return startWorkflowOnce(deps.temporal, {
    type: 'townRectificationWorkflow',
    taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
    workflowId,
    input,
  });
};

/** Starts a town's yearly assessment; an input its contract refuses starts nothing. */
export const startAssessment = (deps: LandTemporalDeps, input: StartAssessment) => {
  const workflowId = townAssessmentWorkflowId(input.assessmentId);
  assertStartInput(StartAssessmentSchema, input, workflowId);
  // A second start of the same town and year finds the first.
  return startWorkflowOnce(deps.temporal, {
    type: 'townAssessmentWorkflow',
    taskQueue: deps.taskQueue ?? CULTIVATED_LAND_TASK_QUEUE,
    workflowId,
    input,
  });
};

/** One action on a town's rectification, as an Update; a retried request acts once. */
export const sendRectificationAction = (
  ctx: ProcessRouteContext,
  id: string,
  command: RectificationCommand,
) =>
  sendUpdate(
    ctx,
    ctx.temporal.workflow.getHandle(townRectificationWorkflowId(id)),
    rectificationActionUpdate,
    {
      args: [command],
      action: command.action,
      requestId: command.actor.requestId,
      missing: `整改 ${id} 不存在`,
    },
  );

/** One action on a town's yearly assessment, as an Update; a retried request acts once. */
export const sendAssessmentAction = (ctx: ProcessRouteContext, id: string, command: AssessmentCommand) =>
  sendUpdate(ctx, ctx.temporal.workflow.getHandle(townAssessmentWorkflowId(id)), assessmentActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `考核 ${id} 不存在`,
  });

/** The live snapshot, or null when the workflow is unknown (the read model then answers). */
export const rectificationSnapshot = (ctx: ProcessRouteContext, id: string) =>
  queryOrNull(ctx, () =>
    ctx.temporal.workflow.getHandle(townRectificationWorkflowId(id)).query(rectificationSnapshotQuery),
  );

export const assessmentSnapshot = (ctx: ProcessRouteContext, id: string) =>
  queryOrNull(ctx, () =>
    ctx.temporal.workflow.getHandle(townAssessmentWorkflowId(id)).query(assessmentSnapshotQuery),
  );
