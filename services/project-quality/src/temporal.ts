// The units' reporting years as the service calls them: one workflow per unit and year.
import type { Client } from '@temporalio/client';
import { sendUpdate, startWorkflowOnce, type ProcessRouteContext } from '@duban/http';
import { policyNumber, policyValue } from '@duban/policy/store';
import { policySetting } from '@duban/policy';
import { assertStartInput } from '@duban/workflow-core/input';
import type { Actor } from '@duban/contracts';
import {
  PROJECT_QUALITY_TASK_QUEUE,
  StartIndicatorYearSchema,
  indicatorYearActionUpdate,
  indicatorYearWorkflowId,
  type IndicatorYearCommand,
  type StartIndicatorYear,
  RestDayRuleSchema,
  StartUnitYearSchema,
  unitYearActionUpdate,
  unitYearWorkflowId,
  type StartUnitYear,
  type UnitYearCommand,
} from '@duban/workflow-project-quality/client';
import type { Db } from 'mongodb';

export interface PqTemporal {
  temporal: Client;
  db: Db;
  taskQueue?: string;
}

/** Opens a unit's reporting year with today's settings (report day, rest-day rule, warning window). */
export async function openUnitYear(
  deps: PqTemporal,
  input: Pick<StartUnitYear, 'unitCode' | 'year' | 'fromMonth' | 'projectIds'>,
): Promise<boolean> {
  const full: StartUnitYear = {
    ...input,
    reportDay: await policyNumber(deps.db, 'project-quality.report-day'),
    restDayRule: RestDayRuleSchema.parse(
      await policyValue(deps.db, policySetting('project-quality.report-rest-day')!),
    ),
    warningWindowDays: await policyNumber(deps.db, 'alerts.warning-window-days'),
  };
  const workflowId = unitYearWorkflowId(input.unitCode, input.year);
  assertStartInput(StartUnitYearSchema, full, workflowId);
  return startWorkflowOnce(deps.temporal, {
    type: 'unitReportingYearWorkflow',
    taskQueue: deps.taskQueue ?? PROJECT_QUALITY_TASK_QUEUE,
    workflowId,
    input: full,
  });
}

/** One action as an Update; a retried request (same request id) acts once. */
export const sendUnitYearAction = (
  ctx: ProcessRouteContext,
  unitCode: string,
  year: number,
  command: UnitYearCommand,
) =>
  sendUpdate(ctx, ctx.temporal.workflow.getHandle(unitYearWorkflowId(unitCode, year)), unitYearActionUpdate, {
    args: [command],
    action: command.action,
    requestId: command.actor.requestId,
    missing: `${unitCode} 的 ${year} 年度报送尚未建立`,
  });

/**
 * A lead unit's indicators of a year on their workflow (the report date's ladder as facts): started
 * with them, or told of them again on a re-import (a `track` Update: only changes make facts).
 */
export async function trackIndicators(
  ctx: ProcessRouteContext,
  input: Omit<StartIndicatorYear, 'warningWindowDays'>,
  actor: Actor,
): Promise<void> {
  const full: StartIndicatorYear = {
    ...input,
    warningWindowDays: await policyNumber(ctx.db, 'alerts.warning-window-days'),
  };
  const workflowId = indicatorYearWorkflowId(input.unitCode, input.year);
  assertStartInput(StartIndicatorYearSchema, full, workflowId);
  const created = await startWorkflowOnce(ctx.temporal, {
    type: 'indicatorYearWorkflow',
    taskQueue: ctx.taskQueue ?? PROJECT_QUALITY_TASK_QUEUE,
    workflowId,
    input: full,
  });
  if (!created)
    await sendIndicatorYearAction(ctx, input.unitCode, input.year, {
      action: 'track',
      actor,
      body: { indicators: input.indicators },
    });
}

export const sendIndicatorYearAction = (
  ctx: ProcessRouteContext,
  unitCode: string,
  year: number,
  command: IndicatorYearCommand,
) =>
  sendUpdate(
    ctx,
    ctx.temporal.workflow.getHandle(indicatorYearWorkflowId(unitCode, year)),
    indicatorYearActionUpdate,
    {
      args: [command],
      action: command.action,
      requestId: command.actor.requestId,
      missing: `${unitCode} 的 ${year} 年指标尚未导入`,
    },
  );
