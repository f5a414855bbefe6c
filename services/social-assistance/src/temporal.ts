// The social-assistance workflows as the service calls them: one per purchase, one per household case.
import type { Client } from '@temporalio/client';
import { sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { policyNumber, policyValue } from '@duban/policy/store';
import { policySetting } from '@duban/policy';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  PLAN_2019,
  SOCIAL_ASSISTANCE_TASK_QUEUE,
  StartHouseholdCaseSchema,
  StartPurchaseSchema,
  caseActionUpdate,
  householdCaseWorkflowId,
  purchaseActionUpdate,
  purchaseIdOf,
  purchaseWorkflowId,
  type CaseCommand,
  type PurchaseCommand,
  type StartHouseholdCase,
  type StartPurchase,
} from '@duban/workflow-social-assistance/client';
import type { Db } from 'mongodb';

export interface SaTemporal {
  temporal: Client;
  db: Db;
  taskQueue?: string;
}

function startOnce(deps: SaTemporal, type: string, workflowId: string, input: unknown): Promise<boolean> {
  return startWorkflowOnce(deps.temporal, {
    type,
    taskQueue: deps.taskQueue ?? SOCIAL_ASSISTANCE_TASK_QUEUE,
    workflowId,
    input,
  });
}

/** Opens the year's purchase on the plan of 六 (2019: as the gazette writes it) with today's settings. */
export async function openPurchase(
  deps: SaTemporal,
  year: number,
  plan: StartPurchase['plan'] | undefined,
  openedBy: string,
): Promise<{ purchaseId: string; created: boolean }> {
  const purchaseId = purchaseIdOf(year);
  const input: StartPurchase = {
    purchaseId,
    year,
    plan: plan ?? PLAN_2019,
    minimumWage: String(await policyValue(deps.db, policySetting('social-assistance.minimum-wage')!)),
    openedBy,
    warningWindowDays: await policyNumber(deps.db, 'alerts.warning-window-days'),
    evaluationDueDays: await policyNumber(deps.db, 'social-assistance.evaluation-due-days'),
    rectificationDays: await policyNumber(deps.db, 'social-assistance.rectification-days'),
  };
  const workflowId = purchaseWorkflowId(purchaseId);
  assertStartInput(StartPurchaseSchema, input, workflowId);
  return {
    purchaseId,
    created: await startOnce(deps, 'socialAssistancePurchaseWorkflow', workflowId, input),
  };
}

export async function takeCase(
  deps: SaTemporal,
  input: Omit<StartHouseholdCase, 'stepWorkingDays' | 'warningWindowDays'>,
): Promise<boolean> {
  const full: StartHouseholdCase = {
    ...input,
    stepWorkingDays: await policyNumber(deps.db, 'social-assistance.case-step-working-days'),
    warningWindowDays: await policyNumber(deps.db, 'alerts.warning-window-days'),
  };
  const workflowId = householdCaseWorkflowId(input.caseId);
  assertStartInput(StartHouseholdCaseSchema, full, workflowId);
  return startOnce(deps, 'householdCaseWorkflow', workflowId, full);
}

/** One step as an Update; a retried request (same request id) acts once. */
export const sendPurchaseAction = (ctx: ProcessRouteContext, purchaseId: string, command: PurchaseCommand) =>
  sendUpdate(ctx, ctx.temporal.workflow.getHandle(purchaseWorkflowId(purchaseId)), purchaseActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `购买项目 ${purchaseId} 不存在`,
  });

export const sendCaseAction = (ctx: ProcessRouteContext, caseId: string, command: CaseCommand) =>
  sendUpdate(ctx, ctx.temporal.workflow.getHandle(householdCaseWorkflowId(caseId)), caseActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `救助申请 ${caseId} 不存在`,
  });
