// Starting cases and sending actions to them through Temporal.
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import {
  caseIdOf,
  kindergartenCaseWorkflowId,
  projectIdOf,
  type Campaign,
  type CaseCommand,
  type CaseSnapshot,
  type KindergartenFacts,
} from '@duban/contracts';
import {
  KINDERGARTEN_TASK_QUEUE,
  caseActionUpdate,
  caseSnapshotQuery,
  rectificationActionUpdate,
  type kindergartenCaseWorkflow,
} from '@duban/workflow-kindergarten';

export interface CasesDeps {
  temporal: Client;
  taskQueue?: string;
  /** Days a case may stay red before the leadership group hears (ALERT_RED_ESCALATION_DAYS; default 30). */
  escalateAfterRedDays?: number;
}

/** Starts the case of one kindergarten; the id comes from campaign and project, so a second
 * start of the same row finds the running (or finished) case and creates nothing. */
export async function startCase(
  deps: CasesDeps,
  campaign: Campaign,
  facts: KindergartenFacts,
): Promise<{ caseId: string; projectId: string; created: boolean }> {
  const projectId = projectIdOf(facts.town, facts.projectName);
  const caseId = caseIdOf(campaign.campaignId, projectId);
  try {
    await deps.temporal.workflow.start<typeof kindergartenCaseWorkflow>('kindergartenCaseWorkflow', {
      taskQueue: deps.taskQueue ?? KINDERGARTEN_TASK_QUEUE,
      workflowId: kindergartenCaseWorkflowId(caseId),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [
        {
          caseId,
          campaignId: campaign.campaignId,
          projectId,
          facts,
          deadlines: campaign.deadlines,
          ...(deps.escalateAfterRedDays !== undefined
            ? { escalateAfterRedDays: deps.escalateAfterRedDays }
            : {}),
        },
      ],
    });
    return { caseId, projectId, created: true };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, projectId, created: false };
    throw error;
  }
}

export type ActionOutcome =
  { ok: true; case: CaseSnapshot } | { ok: false; status: 404 | 409; reason: string };

/** Sends an action to the workflow that owns the step: the rectification child while it runs. */
export async function sendCaseAction(
  deps: CasesDeps,
  caseId: string,
  command: CaseCommand,
): Promise<ActionOutcome> {
  const handle = deps.temporal.workflow.getHandle(kindergartenCaseWorkflowId(caseId));
  try {
    const step = command.action === 'complete-step' ? (command.body as { step: string }).step : null;
    const childStep = (c: CaseSnapshot) =>
      c.phase === 'rectifying' && c.steps.some((s) => s.phase === 'rectifying' && s.key === step);
    let current = await handle.query(caseSnapshotQuery);
    // Just after the plan, the case is still starting its rectification child.
    for (let i = 0; i < 100 && childStep(current) && current.rectificationWorkflowId === null; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      current = await handle.query(caseSnapshotQuery);
    }
    const inChild = childStep(current) && current.rectificationWorkflowId !== null;
    if (inChild) {
      await deps.temporal.workflow
        .getHandle(current.rectificationWorkflowId!)
        .executeUpdate(rectificationActionUpdate, { args: [command] });
      // The child tells the case by signal; answer with the case once it shows the step done.
      for (let i = 0; i < 100; i += 1) {
        const after = await handle.query(caseSnapshotQuery);
        if (after.steps.some((s) => s.key === step && s.state === 'done')) return { ok: true, case: after };
        await new Promise((r) => setTimeout(r, 50));
      }
      return { ok: true, case: await handle.query(caseSnapshotQuery) };
    }
    return { ok: true, case: await handle.executeUpdate(caseActionUpdate, { args: [command] }) };
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      return { ok: false, status: 409, reason: error.cause?.message ?? error.message };
    }
    if (error instanceof WorkflowNotFoundError)
      return { ok: false, status: 404, reason: `个案 ${caseId} 不存在` };
    throw error;
  }
}

export async function caseSnapshot(deps: CasesDeps, caseId: string): Promise<CaseSnapshot | null> {
  try {
    return await deps.temporal.workflow
      .getHandle(kindergartenCaseWorkflowId(caseId))
      .query(caseSnapshotQuery);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}
