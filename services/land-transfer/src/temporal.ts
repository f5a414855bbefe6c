// The land-transfer workflow as the service calls it: one per application.
import type { Client } from '@temporalio/client';
import { sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { policyNumber, policyValue } from '@duban/policy/store';
import { policySetting, type PolicyKey } from '@duban/policy';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  LAND_TRANSFER_TASK_QUEUE,
  StartApplicationSchema,
  applicationQuery,
  landTransferApplicationId,
  landTransferWorkflowId,
  transferActionUpdate,
  type ApplicationBody,
  type ApplicationSnapshot,
  type StartApplication,
  type TransferCommand,
} from '@duban/workflow-land-transfer/client';
import type { Db } from 'mongodb';

export interface TransferTemporal {
  temporal: Client;
  db: Db;
  taskQueue?: string;
}

/** A setting's value as text (a month-day), for the start input. */
async function policyText(db: Db, key: PolicyKey): Promise<string> {
  const setting = policySetting(key);
  if (!setting) throw new Error(`no policy setting ${key}`);
  return String(await policyValue(db, setting));
}

/** Starts the application's workflow with the current policy settings; a second filing finds it. */
export async function startApplication(
  deps: TransferTemporal,
  application: ApplicationBody,
  operatorOtherMu: number,
  filedBy: string,
): Promise<{ applicationId: string; created: boolean }> {
  const applicationId = landTransferApplicationId(application);
  const workflowId = landTransferWorkflowId(applicationId);
  const input: StartApplication = {
    applicationId,
    application,
    operatorOtherMu,
    filedBy,
    warningWindowDays: await policyNumber(deps.db, 'alerts.warning-window-days'),
    reportDueDays: await policyNumber(deps.db, 'land-transfer.report-due-days'),
    reportRedAfterDays: await policyNumber(deps.db, 'land-transfer.report-red-after-days'),
    supervisionDue: await policyText(deps.db, 'land-transfer.supervision-due'),
  };
  assertStartInput(StartApplicationSchema, input, workflowId);
  const created = await startWorkflowOnce(deps.temporal, {
    type: 'landTransferWorkflow',
    taskQueue: deps.taskQueue ?? LAND_TRANSFER_TASK_QUEUE,
    workflowId,
    input,
  });
  return { applicationId, created };
}

/** One step as an Update; a retried request (same request id) acts once. */
export function sendTransferAction(
  ctx: ProcessRouteContext,
  applicationId: string,
  command: TransferCommand,
) {
  return sendUpdate(
    ctx,
    ctx.temporal.workflow.getHandle(landTransferWorkflowId(applicationId)),
    transferActionUpdate,
    {
      args: [command],
      action: command.action,
      requestId: command.actor.requestId,
      missing: `土地流转申请 ${applicationId} 不存在`,
    },
  );
}

export async function liveApplication(
  deps: { temporal: Client },
  applicationId: string,
): Promise<ApplicationSnapshot | null> {
  try {
    return await deps.temporal.workflow
      .getHandle(landTransferWorkflowId(applicationId))
      .query(applicationQuery);
  } catch {
    return null; // not found, or closed: the read model answers
  }
}
