import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { endOfCivilDay, type CivilDate } from '@duban/calendar';
import type { Actor, StepEvent } from '@duban/contracts';
import { startTimeSkippingServer } from '@duban/workflow-core/testing/server';
import { workflowBundleCode } from '@duban/workflow-core/worker';
import { supervisionWorkflowsPath } from '@duban/workflow-supervision';
import {
  SupervisionEvents,
  itemActionUpdate,
  supervisionWorkflowId,
  type ActionCommand,
} from '@duban/workflow-supervision/client';
import { agendaOf, bodyOf, extendedStart, type AgendaAction, type SimulatedStart } from './agenda';
import { extensionDaysOf, type StepDurations, type WhatIf } from './durations';
import { outcomeOf, type RecordedEvent, type SimulationOutcome } from './outcome';

/** One forecast under one set of what-if knobs; every scenario of a run shares its server and clock. */
export interface Scenario {
  key: string;
  whatIf?: WhatIf;
}

export interface SimulationInput {
  startOn: CivilDate;
  items: readonly SimulatedStart[];
  durations: StepDurations;
  /** Default: one scenario, `base`, without knobs. */
  scenarios?: readonly Scenario[];
}

export interface SimulationRuntime {
  /** Temporal's time-skipping test server (`.engines/bin/temporal-test-server`). */
  testServerPath: string;
  /** Real milliseconds a simulation may take before it is given up. */
  timeoutMs: number;
}

export interface ScenarioOutcome extends SimulationOutcome {
  key: string;
  whatIf: WhatIf;
  /** Updates a workflow refused (a simulated action the rules do not allow then): none expected. */
  refused: { itemId: string; action: string; on: CivilDate; reason: string }[];
}

export interface Simulation {
  startOn: CivilDate;
  scenarios: ScenarioOutcome[];
  /** Real milliseconds: bundling the workflows (once per process), starting the server, the run. */
  timings: { bundleMs: number; serverMs: number; runMs: number };
}

export class SimulationTimedOut extends Error {
  override readonly name = 'SimulationTimedOut';
}

/** Each simulated action at 10:00 in Qingtongxia (02:00 UTC), an hour into the office's day. */
const actionInstant = (on: CivilDate) => endOfCivilDay(on).getTime() + 1 - 14 * 3_600_000;

let bundle: Promise<WorkflowBundle> | undefined;
/** The product's supervision workflows, bundled once per process (the same code its workers run). */
function supervisionBundle(): Promise<WorkflowBundle> {
  bundle ??= workflowBundleCode(supervisionWorkflowsPath).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

/** A scenario's copy of an item's workflow: the item keeps its id, the workflow id says whose it is. */
const workflowIdOf = (scenario: string, itemId: string) =>
  `forecast-${scenario}-${supervisionWorkflowId(itemId)}`;

/**
 * Runs the items' own supervision workflows on a time-skipping server of this simulation alone,
 * its clock at `startOn` 09:00 (Asia/Shanghai), on a task queue of its own; each scenario has its
 * own copy of every item. Simulated units send the product's Updates on the days the agenda gives;
 * between them the server skips time, so the workflows' timers and warning ladders fire as they
 * would. Their facts are caught in memory by this worker's publish activity: nothing reaches the
 * bus or the read models.
 */
export async function simulate(input: SimulationInput, runtime: SimulationRuntime): Promise<Simulation> {
  const started = Date.now();
  const deadline = started + runtime.timeoutMs;
  const keys = (input.scenarios ?? []).map((s) => s.key);
  if (new Set(keys).size !== keys.length) throw new Error(`scenario keys must differ: ${keys.join(', ')}`);
  const scenarios = (input.scenarios ?? [{ key: 'base' }]).map((scenario) => {
    const whatIf = scenario.whatIf ?? {};
    const starts = input.items.map((s) => ({ ...s, item: extendedStart(s.item, whatIf) }));
    return {
      key: scenario.key,
      whatIf,
      starts,
      agenda: agendaOf(starts, input.startOn, input.durations, whatIf),
      refused: [] as ScenarioOutcome['refused'],
    };
  });
  const agenda = scenarios
    .flatMap((s) => s.agenda.map((action, index) => ({ scenario: s, action, index })))
    .sort((a, b) => a.action.on.localeCompare(b.action.on) || a.index - b.index);
  const recorded: RecordedEvent[] = [];

  const workflowBundle = await withDeadline(supervisionBundle(), deadline, runtime.timeoutMs);
  const bundled = Date.now();
  const env = await startTimeSkippingServer(runtime.testServerPath, `${input.startOn} 01:00:00`);
  const serverUp = Date.now();
  try {
    const taskQueue = `forecast-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle,
      activities: {
        // The workflows' publish activity, recording instead of publishing.
        publishItemEvent: (workflowId: string, event: StepEvent) => {
          recorded.push({ workflowId, event });
          return Promise.resolve({ duplicate: false });
        },
      },
    });
    const drive = async () => {
      await Promise.all(
        scenarios.flatMap((s) =>
          s.starts.map(({ item }) =>
            env.client.workflow.start('supervisionItemWorkflow', {
              taskQueue,
              workflowId: workflowIdOf(s.key, item.itemId),
              args: [item],
            }),
          ),
        ),
      );
      const closed: string[] = [];
      for (const day of byDay(agenda)) {
        if (Date.now() > deadline) throw new SimulationTimedOut(`预测超过 ${runtime.timeoutMs} ms，已停止`);
        await skipTo(env, actionInstant(day.on));
        // The workflows of a day act side by side; each one's actions in the agenda's order.
        await Promise.all(
          [...day.byWorkflow].map(async ([workflowId, actions]) => {
            for (const { scenario, action } of actions) {
              const reason = await perform(env, workflowId, action);
              if (reason)
                scenario.refused.push({
                  itemId: action.itemId,
                  action: action.action,
                  on: action.on,
                  reason,
                });
              else if (action.action === 'close') closed.push(workflowId);
            }
          }),
        );
      }
      // An Update answers once its facts' publish is scheduled: wait until every closed item's
      // last fact was caught (the workflow's own result is not awaited: the server may have
      // skipped past it meanwhile).
      const caught = () =>
        closed.every((id) =>
          recorded.some((r) => r.workflowId === id && r.event.type === SupervisionEvents.ItemClosed.type),
        );
      while (!caught()) {
        if (Date.now() > deadline) throw new SimulationTimedOut(`预测超过 ${runtime.timeoutMs} ms，已停止`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await worker.runUntil(withDeadline(drive(), deadline, runtime.timeoutMs));
  } finally {
    await env.teardown();
  }
  return {
    startOn: input.startOn,
    scenarios: scenarios.map((s) => {
      const ids = new Set(s.starts.map((start) => workflowIdOf(s.key, start.item.itemId)));
      const outcome = outcomeOf(
        s.starts.map((start) => ({
          item: start.item,
          extensionDays: extensionDaysOf(s.whatIf, start.item.itemId, start.item.leadUnits),
        })),
        recorded.filter((r) => ids.has(r.workflowId)),
      );
      return { key: s.key, whatIf: s.whatIf, ...outcome, refused: s.refused };
    }),
    timings: { bundleMs: bundled - started, serverMs: serverUp - bundled, runMs: Date.now() - serverUp },
  };
}

/** The agenda a day at a time, each day's actions by the workflow they go to. */
function byDay<T extends { scenario: { key: string }; action: AgendaAction }>(
  agenda: readonly T[],
): { on: CivilDate; byWorkflow: Map<string, T[]> }[] {
  const days: { on: CivilDate; byWorkflow: Map<string, T[]> }[] = [];
  for (const entry of agenda) {
    if (days.at(-1)?.on !== entry.action.on) days.push({ on: entry.action.on, byWorkflow: new Map() });
    const { byWorkflow } = days.at(-1)!;
    const id = workflowIdOf(entry.scenario.key, entry.action.itemId);
    byWorkflow.set(id, [...(byWorkflow.get(id) ?? []), entry]);
  }
  return days;
}

/** Lets the server skip to `at`: the timers on the way fire and their workflows act, in order. */
async function skipTo(env: TestWorkflowEnvironment, at: number): Promise<void> {
  const now = Number(await env.currentTimeMs());
  if (at > now) await env.sleep(at - now);
}

/** Sends one simulated action as the product's Update; the reason when the workflow refused it. */
async function perform(
  env: TestWorkflowEnvironment,
  workflowId: string,
  action: AgendaAction,
): Promise<string | null> {
  const actor: Actor = {
    userId: action.unit ? `forecast-${action.unit}` : 'forecast-inspector',
    name: action.unit ? `预测（${action.unit}）` : '预测（督查室）',
    role: action.role,
    ...(action.unit ? { unitCode: action.unit } : {}),
    requestId: `forecast-${action.itemId}-${action.action}-${action.on}`,
  };
  const command = { action: action.action, actor, body: bodyOf(action) } as ActionCommand;
  try {
    await env.client.workflow.getHandle(workflowId).executeUpdate(itemActionUpdate, { args: [command] });
    return null;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  }
}

function withDeadline<T>(work: Promise<T>, deadline: number, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SimulationTimedOut(`预测超过 ${timeoutMs} ms，已停止`)),
      Math.max(0, deadline - Date.now()),
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The test server in an engines folder. */
export const testServerIn = (enginesDir: string) => path.join(enginesDir, 'bin', 'temporal-test-server');
