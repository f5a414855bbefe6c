// The land-use workflows as the service calls them: the one ledger and the cases.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  StartLandCaseSchema,
  LAND_LEDGER_ID,
  LAND_LEDGER_WORKFLOW_ID,
  landCaseWorkflowId,
  type LandCaseCommand,
  type LandCaseFacts,
  type LandCaseSnapshot,
} from '@duban/workflow-land-use/client';
import {
  LAND_USE_TASK_QUEUE,
  landCaseActionUpdate,
  landCaseQuery,
  townSuspensionUpdate,
  type TownSuspension,
  type landLedgerWorkflow,
} from '@duban/workflow-land-use';

export interface LandTemporal {
  temporal: Client;
  taskQueue?: string;
}

/** Starts the city's ledger once (fixed id); later starts find it running. */
export async function ensureLandLedger(
  deps: LandTemporal,
): Promise<{ workflowId: string; created: boolean }> {
  try {
    await deps.temporal.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: deps.taskQueue ?? LAND_USE_TASK_QUEUE,
      workflowId: LAND_LEDGER_WORKFLOW_ID,
      args: [{ ledgerId: LAND_LEDGER_ID }],
    });
    return { workflowId: LAND_LEDGER_WORKFLOW_ID, created: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      return { workflowId: LAND_LEDGER_WORKFLOW_ID, created: false };
    throw error;
  }
}

/**
 * Tells the city's ledger an assessment fact about a town (三(十)). The Update id comes from the
 * event id, so a redelivered event acts once; a ledger not started yet is started first.
 */
export async function tellLedgerSuspension(
  deps: LandTemporal,
  eventId: string,
  suspension: TownSuspension,
): Promise<void> {
  const tell = () =>
    deps.temporal.workflow.getHandle(LAND_LEDGER_WORKFLOW_ID).executeUpdate(townSuspensionUpdate, {
      updateId: `suspension:${eventId}`,
      args: [{ suspension }],
    });
  try {
    await tell();
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    await ensureLandLedger(deps);
    await tell();
  }
}

/** A case is known by the parcel and the day it was found: reporting it twice opens nothing new. */
export function landCaseIdOf(facts: Pick<LandCaseFacts, 'parcelNo' | 'foundOn'>): string {
  return `WF-${facts.foundOn.replace(/-/g, '')}-${facts.parcelNo.replace(/[^A-Za-z0-9-]/g, '')}`;
}

/** The 政策参数 a case starts with (each optional: the workflow's defaults otherwise). */
export interface LandCasePolicy {
  handlingDays?: number;
  majorCultivatedMu?: number;
  warningWindowDays?: number;
}

export async function startLandCase(
  deps: LandTemporal,
  facts: LandCaseFacts,
  settings: LandCasePolicy,
): Promise<{ caseId: string; created: boolean }> {
  const caseId = landCaseIdOf(facts);
  const workflowId = landCaseWorkflowId(caseId);
  const input = {
    caseId,
    facts,
    ...(settings.handlingDays ? { handlingDays: settings.handlingDays } : {}),
    ...(settings.majorCultivatedMu !== undefined ? { majorCultivatedMu: settings.majorCultivatedMu } : {}),
    ...(settings.warningWindowDays !== undefined ? { warningWindowDays: settings.warningWindowDays } : {}),
  };
  // An input the workflow's contract refuses starts nothing (InvalidStartInputError).
  assertStartInput(StartLandCaseSchema, input, workflowId);
  const created = await startWorkflowOnce(deps.temporal, {
    type: 'landCaseWorkflow',
    taskQueue: deps.taskQueue ?? LAND_USE_TASK_QUEUE,
    workflowId,
    input,
  });
  return { caseId, created };
}

/** One action on a case, as an Update; a retried request (same request id) acts once. */
export function sendCaseAction(ctx: ProcessRouteContext, caseId: string, command: LandCaseCommand) {
  return sendUpdate(ctx, ctx.temporal.workflow.getHandle(landCaseWorkflowId(caseId)), landCaseActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `违法占地案件 ${caseId} 不存在`,
  });
}

export async function liveCase(deps: LandTemporal, caseId: string): Promise<LandCaseSnapshot | null> {
  try {
    return await deps.temporal.workflow.getHandle(landCaseWorkflowId(caseId)).query(landCaseQuery);
  } catch {
    // Not found, or closed and its worker gone: the read model answers instead.
    return null;
  }
}
