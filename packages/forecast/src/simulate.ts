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
  itemActionUpdate,
  supervisionWorkflowId,
  type ActionCommand,
  type StartItem,
} from '@duban/workflow-supervision/client';
import { agendaOf, bodyOf, extendedStart, type AgendaAction, type SimulatedStart } from './agenda';
import { extensionDaysOf, type StepDurations, type WhatIf } from './durations';
import { outcomeOf, type RecordedEvent, type SimulationOutcome } from './outcome';

export interface SimulationInput {
  startOn: CivilDate;
  items: readonly SimulatedStart[];
  durations: StepDurations;
  whatIf?: WhatIf;
}

export interface SimulationRuntime {
  /** Temporal's time-skipping test server (`.engines/bin/temporal-test-server`). */
  testServerPath: string;
  /** Real milliseconds a simulation may take before it is given up. */
  timeoutMs: number;
}

export interface Simulation extends SimulationOutcome {
  startOn: CivilDate;
  /** Updates a workflow refused (a simulated action the rules do not allow then): none expected. */
  refused: { itemId: string; action: string; on: CivilDate; reason: string }[];
  /** Real milliseconds the simulation took. */
  tookMs: number;
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

/**
 * Runs the items' own supervision workflows on a time-skipping server of this simulation alone,
 * its clock at `startOn` 09:00 (Asia/Shanghai), on a task queue of its own. Simulated units send
 * the product's Updates on the days the agenda gives; between them the server skips time, so the
 * workflows' timers and warning ladders fire as they would. Their facts are caught in memory by
 * this worker's publish activity: nothing reaches the bus or the read models.
 */
export async function simulate(input: SimulationInput, runtime: SimulationRuntime): Promise<Simulation> {
  const started = Date.now();
  const deadline = started + runtime.timeoutMs;
  const starts = input.items.map((s) => ({ ...s, item: extendedStart(s.item, input.whatIf) }));
  const agenda = agendaOf(starts, input.startOn, input.durations, input.whatIf);
  const recorded: RecordedEvent[] = [];
  const refused: Simulation['refused'] = [];

  const env = await startTimeSkippingServer(runtime.testServerPath, `${input.startOn} 01:00:00`);
  try {
    const taskQueue = `forecast-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      workflowBundle: await supervisionBundle(),
      activities: {
        // The workflows' publish activity, recording instead of publishing.
        publishItemEvent: (workflowId: string, event: StepEvent) => {
          recorded.push({ workflowId, event });
          return Promise.resolve({ duplicate: false });
        },
      },
    });
    const drive = async () => {
      for (const { item } of starts) {
        await env.client.workflow.start('supervisionItemWorkflow', {
          taskQueue,
          workflowId: supervisionWorkflowId(item.itemId),
          args: [item],
        });
      }
      const closed: string[] = [];
      for (const action of agenda) {
        if (Date.now() > deadline) throw new SimulationTimedOut(`预测超过 ${runtime.timeoutMs} ms，已停止`);
        await skipTo(env, actionInstant(action.on));
        const reason = await perform(env, action);
        if (reason) refused.push({ itemId: action.itemId, action: action.action, on: action.on, reason });
        else if (action.action === 'close') closed.push(action.itemId);
      }
      // The closed items' workflows have ended once they published their last facts.
      await Promise.all(
        closed.map((itemId) => env.client.workflow.getHandle(supervisionWorkflowId(itemId)).result()),
      );
    };
    await worker.runUntil(withDeadline(drive(), deadline, runtime.timeoutMs));
  } finally {
    await env.teardown();
  }
  const outcome = outcomeOf(
    starts.map((s) => ({ item: s.item, extensionDays: extensionDaysOf(input.whatIf, s.item.itemId, s.item.leadUnits) })),
    recorded,
  );
  return { startOn: input.startOn, ...outcome, refused, tookMs: Date.now() - started };
}

/** Lets the server skip to `at`: the timers on the way fire and their workflows act, in order. */
async function skipTo(env: TestWorkflowEnvironment, at: number): Promise<void> {
  const now = Number(await env.currentTimeMs());
  if (at > now) await env.sleep(at - now);
}

/** Sends one simulated action as the product's Update; the reason when the workflow refused it. */
async function perform(env: TestWorkflowEnvironment, action: AgendaAction): Promise<string | null> {
  const actor: Actor = {
    userId: action.unit ? `forecast-${action.unit}` : 'forecast-inspector',
    name: action.unit ? `预测（${action.unit}）` : '预测（督查室）',
    role: action.role,
    ...(action.unit ? { unitCode: action.unit } : {}),
    requestId: `forecast-${action.itemId}-${action.action}-${action.on}`,
  };
  const command = { action: action.action, actor, body: bodyOf(action) } as ActionCommand;
  try {
    await env.client.workflow
      .getHandle(supervisionWorkflowId(action.itemId))
      .executeUpdate(itemActionUpdate, { args: [command] });
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

export type { StartItem };
