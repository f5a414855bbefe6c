// Starting cases and sending actions to them through Temporal.
import type { Client } from '@temporalio/client';
import type { Db } from 'mongodb';
import {
  HttpProblem,
  problems,
  queryOrNull,
  sendUpdate,
  startWorkflowOnce,
  type ProcessRouteContext,
} from '@duban/http';
import { assertStartInput } from '@duban/workflow-core/input';
import {
  StartCaseSchema,
  caseIdOf,
  kindergartenCaseWorkflowId,
  projectIdOf,
  type Campaign,
  type CaseCommand,
  type CaseSnapshot,
  type KindergartenFacts,
  type StepSnapshot,
} from '@duban/workflow-kindergarten/client';
import {
  KINDERGARTEN_TASK_QUEUE,
  caseActionUpdate,
  caseSnapshotQuery,
  rectificationActionUpdate,
} from '@duban/workflow-kindergarten';
import { kindergartenPolicy, type KindergartenPolicy } from './policy';

export interface CasesDeps {
  temporal: Client;
  /** Where the 政策参数 are read (a case takes their values when it starts); none: the defaults. */
  db?: Db;
  /** The 政策参数 already read (an import reads them once for all its rows). */
  policy?: KindergartenPolicy;
  taskQueue?: string;
  /** Days a case may stay red before the leadership group hears (ALERT_RED_ESCALATION_DAYS; default 30). */
  escalateAfterRedDays?: number;
}

/** Starts the case of one kindergarten; the id comes from campaign and project, so a second
 * start of the same row finds the running (or finished) case and creates nothing. An input the
 * workflow's contract refuses starts nothing (InvalidStartInputError). `memo`: kept on the
 * workflow (a ledger import names itself there). */
export async function startCase(
  deps: CasesDeps,
  campaign: Campaign,
  facts: KindergartenFacts,
  memo?: Record<string, unknown>,
): Promise<{ caseId: string; projectId: string; created: boolean }> {
  const projectId = projectIdOf(facts.town, facts.projectName);
  const caseId = caseIdOf(campaign.campaignId, projectId);
  const workflowId = kindergartenCaseWorkflowId(caseId);
  const policy = deps.policy ?? (deps.db ? await kindergartenPolicy(deps.db) : {});
  const input = {
    caseId,
    campaignId: campaign.campaignId,
    projectId,
    facts,
    deadlines: campaign.deadlines,
    ...(deps.escalateAfterRedDays !== undefined ? { escalateAfterRedDays: deps.escalateAfterRedDays } : {}),
    ...policy,
  };
  assertStartInput(StartCaseSchema, input, workflowId);
  const created = await startWorkflowOnce(deps.temporal, {
    type: 'kindergartenCaseWorkflow',
    taskQueue: deps.taskQueue ?? KINDERGARTEN_TASK_QUEUE,
    workflowId,
    input,
    ...(memo ? { memo } : {}),
  });
  return { caseId, projectId, created };
}

/**
 * Sends an action to the workflow that owns the step (the rectification child while it runs) and
 * answers with what the workflow answered. A retried request (same request id) acts once.
 */
export async function sendCaseAction(
  ctx: ProcessRouteContext,
  caseId: string,
  command: CaseCommand,
): Promise<CaseSnapshot> {
  const handle = ctx.temporal.workflow.getHandle(kindergartenCaseWorkflowId(caseId));
  const missing = `个案 ${caseId} 不存在`;
  const send = { action: command.action, requestId: command.actor.requestId, missing };
  const step = command.action === 'complete-step' ? (command.body as { step: string }).step : null;
  const rectifyingStep = (c: CaseSnapshot) => c.steps.some((s) => s.phase === 'rectifying' && s.key === step);
  const childStep = (c: CaseSnapshot) => c.phase === 'rectifying' && rectifyingStep(c);
  const snapshot = async () => {
    const found = await queryOrNull(ctx, () => handle.query(caseSnapshotQuery));
    if (!found) throw problems.notFound(missing);
    return found;
  };
  let current = await snapshot();
  // Just after the plan, the case is still starting its rectification child.
  for (let i = 0; i < 100 && childStep(current) && current.rectificationWorkflowId === null; i += 1) {
    await new Promise((r) => setTimeout(r, 50));
    current = await snapshot();
  }
  if (current.phase !== 'rectifying' && rectifyingStep(current) && current.rectificationWorkflowId !== null) {
    return repeatOfFinishedRectification(ctx, current, command, send);
  }
  if (!childStep(current) || current.rectificationWorkflowId === null) {
    return sendUpdate(ctx, handle, caseActionUpdate, { args: [command], ...send });
  }
  const child = ctx.temporal.workflow.getHandle(current.rectificationWorkflowId);
  const steps = await sendUpdate(ctx, child, rectificationActionUpdate, { args: [command], ...send });
  // The child answers with its steps and tells the case by signal, which may not have arrived
  // yet: the answer is the case as it is now, with the steps as the child has them.
  return withChildSteps(await snapshot(), steps);
}

/**
 * A rectification step sent again once the rectification is over. The step was done in the
 * child, whose run has closed; Temporal still answers an Update id it completed there, so a
 * retried request (same request id, e.g. a lost response) gets its first answer. Any other
 * request for the step is refused: the step is done.
 */
async function repeatOfFinishedRectification(
  ctx: ProcessRouteContext,
  current: CaseSnapshot,
  command: CaseCommand,
  send: { action: string; requestId: string; missing: string },
): Promise<CaseSnapshot> {
  const child = ctx.temporal.workflow.getHandle(current.rectificationWorkflowId!);
  const step = (command.body as { step: string }).step;
  try {
    await sendUpdate(ctx, child, rectificationActionUpdate, { args: [command], ...send });
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 404) {
      throw problems.conflict(`整改已结束，步骤 ${step} 已在整改中办结`);
    }
    throw error;
  }
  return current;
}

/** The case's rectification steps as the child workflow answered them (done, or newly open). */
export function withChildSteps(c: CaseSnapshot, childSteps: StepSnapshot[]): CaseSnapshot {
  const byKey = new Map(childSteps.map((s) => [s.key, s]));
  const steps = c.steps.map((s) => {
    const answered = s.phase === 'rectifying' ? byKey.get(s.key) : undefined;
    if (!answered || s.state === 'done' || answered.state === s.state) return s;
    const { state, doneAt, doneBy, note } = answered;
    return { ...s, state, doneAt, doneBy, note, ...(state === 'done' ? { colour: 'none' as const } : {}) };
  });
  return { ...c, steps };
}

export async function caseSnapshot(ctx: ProcessRouteContext, caseId: string): Promise<CaseSnapshot | null> {
  return queryOrNull(ctx, () =>
    ctx.temporal.workflow.getHandle(kindergartenCaseWorkflowId(caseId)).query(caseSnapshotQuery),
  );
}
