// The tourism workflows as the service calls them: trips and each agency's year.
import type { Client } from '@temporalio/client';
import { sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  StartSettlementSchema,
  StartTripSchema,
  TOURISM_TASK_QUEUE,
  settlementActionUpdate,
  settlementWorkflowId,
  tripActionUpdate,
  tripWorkflowId,
  type SettlementCommand,
  type StartSettlement,
  type StartTrip,
  type TripCommand,
} from '@duban/workflow-tourism/client';

export interface TourismTemporal {
  temporal: Client;
  taskQueue?: string;
}

function startOnce(
  deps: TourismTemporal,
  type: string,
  workflowId: string,
  input: unknown,
): Promise<boolean> {
  return startWorkflowOnce(deps.temporal, {
    type,
    taskQueue: deps.taskQueue ?? TOURISM_TASK_QUEUE,
    workflowId,
    input,
  });
}

/** The agency's settlement of the year, started once (its trips tell it their verified claims). */
export function ensureSettlement(deps: TourismTemporal, input: StartSettlement): Promise<boolean> {
  const workflowId = settlementWorkflowId(input.agency.code, input.year);
  assertStartInput(StartSettlementSchema, input, workflowId);
  return startOnce(deps, 'tourismSettlementWorkflow', workflowId, input);
}

/** Files a trip: its agency's year first, then the trip (an existing trip id files nothing new). */
export async function fileTrip(deps: TourismTemporal, input: StartTrip, year: number): Promise<boolean> {
  const workflowId = tripWorkflowId(input.filing.tripId);
  assertStartInput(StartTripSchema, input, workflowId);
  await ensureSettlement(deps, { agency: input.agency, year });
  return startOnce(deps, 'tourismTripWorkflow', workflowId, input);
}

export function sendTripAction(ctx: ProcessRouteContext, tripId: string, command: TripCommand) {
  return sendUpdate(ctx, ctx.temporal.workflow.getHandle(tripWorkflowId(tripId)), tripActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `行程 ${tripId} 不存在或已关闭`,
  });
}

export function sendSettlementAction(
  ctx: ProcessRouteContext,
  agencyCode: string,
  year: number,
  command: SettlementCommand,
) {
  return sendUpdate(
    ctx,
    ctx.temporal.workflow.getHandle(settlementWorkflowId(agencyCode, year)),
    settlementActionUpdate,
    {
      args: [command],
      action: command.action,
      requestId: command.actor.requestId,
      missing: `${agencyCode} ${year} 年度结算不存在或已结算`,
    },
  );
}
