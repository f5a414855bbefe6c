import {
  ApplicationFailure,
  isGrpcDeadlineError,
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
  type UpdateDefinition,
  type WorkflowHandle,
} from '@temporalio/client';
import { engineUnavailable, unreachableEngine, type EngineWatch } from './engines';
import { HttpProblem, problems, type FieldError } from './problem';

/** The failure type every workflow's validator refuses an action with (its reason is for people). */
export const ACTION_REFUSED = 'ActionRefused';

/** The failure type of input a workflow's contract schema refused (it slipped past the route). */
export const INVALID_INPUT = 'InvalidInput';

/** The fields an `InvalidInput` failure names (its first detail), as the 400 lists them. */
function invalidFields(failure: ApplicationFailure): FieldError[] {
  const detail = failure.details?.[0] as { errors?: FieldError[] } | undefined;
  return Array.isArray(detail?.errors) ? detail.errors : [{ field: 'body', message: failure.message }];
}

/**
 * The answer an action's Temporal Update gets, as a problem: input the workflow's contract
 * schema refused (an `InvalidInput` failure) is a 400 naming the fields; a refusal by the
 * workflow's validator (an `ActionRefused` failure) is a 409 with the workflow's own reason; any other
 * failure of the Update is a programming error, a 500 that logs it and does not repeat its
 * message; a missing workflow is a 404 (`missing` says what is missing); an engine that does not
 * answer in time a 504 or 503. Anything else is not ours to explain and stays with the 500 handler.
 */
export function updateProblem(error: unknown, missing: string): HttpProblem | null {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === ACTION_REFUSED) {
      return problems.conflict(cause.message || '工作流拒绝了此操作');
    }
    if (cause instanceof ApplicationFailure && cause.type === INVALID_INPUT) {
      return problems.invalid(invalidFields(cause));
    }
    return new HttpProblem(500, '工作流处理此操作时出错，操作未生效；请稍后重试或联系管理员', {
      cause: error,
    });
  }
  if (error instanceof WorkflowNotFoundError) {
    return problems.notFound(missing);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error)) {
    return new HttpProblem(504, '工作流未在规定时间内答复；操作可能稍后生效，请刷新事项后再决定是否重试');
  }
  if (unreachableEngine(error) === 'temporal') return engineUnavailable('temporal');
  if (workflowTaskFailing(error)) {
    return new HttpProblem(
      503,
      `此事项的工作流正在重试上一步处理（机器繁忙或刚重启），暂时无法答复；请在 ${WORKFLOW_RETRY_AFTER_SECONDS} 秒后以同一请求编号（x-request-id）重试：同一编号的操作只办理一次`,
      { headers: { 'Retry-After': String(WORKFLOW_RETRY_AFTER_SECONDS) }, cause: error },
    );
  }
  return null;
}

const WORKFLOW_RETRY_AFTER_SECONDS = 5;
// gRPC status FAILED_PRECONDITION (not exported as a name by the client package).
const GRPC_FAILED_PRECONDITION = 9;

/**
 * Temporal refuses a query while the workflow's last task failed or timed out and waits for its
 * retry (a worker killed mid-task, or a task that missed its timeout on a loaded machine). That
 * passes by itself, so it is a 503 to retry, not a 500; a task that fails for ever is the
 * operator's (`duban doctor`), and its retries answer the same 503 meanwhile.
 */
function workflowTaskFailing(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return [error, cause].some(
    (e) =>
      isGrpcServiceError(e) &&
      e.code === GRPC_FAILED_PRECONDITION &&
      /workflow task in failed state/i.test(e.details ?? e.message),
  );
}

/** What sending an action needs: the client and how long to wait for the workflow's answer. */
export interface UpdateSender {
  temporal: Client;
  actionTimeoutMs: number;
  /** Which engines are down: with Temporal known down, nothing is sent and the answer is 503. */
  engines?: EngineWatch;
  /** Told how long each action took and how it ended (the gateway's Update latency metric). */
  onUpdateSettled?: (settled: UpdateSettled) => void;
}

/**
 * How one action's Update ended: `answered`; `refused` (the workflow's validator or its input
 * contract said no: 409 or 400, the workflow is healthy); `failed` (anything else: 404, 5xx).
 */
export type UpdateOutcome = 'answered' | 'refused' | 'failed';

export interface UpdateSettled {
  update: string;
  outcome: UpdateOutcome;
  /** From sending to the answer, across the retries of a run that was closing. */
  seconds: number;
}

/** The outcome an action's error stands for; see UpdateOutcome. */
export function updateOutcomeOf(error: unknown): UpdateOutcome {
  const status = error instanceof HttpProblem ? error.status : 500;
  return status === 409 || status === 400 ? 'refused' : 'failed';
}

export interface SendUpdateOptions<Args extends [unknown, ...unknown[]]> {
  args: Args;
  /** The action's name: with the request id it makes the Update id. */
  action: string;
  requestId: string;
  /** The 404 detail when the workflow does not exist. */
  missing: string;
}

/**
 * Sends one action to a workflow as an Update and returns what the workflow answered. The Update
 * id is `${action}:${requestId}`, so a retried request (same `x-request-id`) acts once and gets
 * the first answer again; the engine gets `actionTimeoutMs` to answer. Failures become problems
 * (see updateProblem).
 */
export async function sendUpdate<Ret, Args extends [unknown, ...unknown[]], Name extends string = string>(
  sender: UpdateSender,
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args, Name>,
  options: SendUpdateOptions<Args>,
): Promise<Ret> {
  refuseWhileDown(sender);
  const started = performance.now();
  const settled = (outcome: UpdateOutcome) =>
    sender.onUpdateSettled?.({ update: update.name, outcome, seconds: (performance.now() - started) / 1000 });
  const deadline = Date.now() + sender.actionTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await sender.temporal.withDeadline(deadline, () =>
        handle.executeUpdate(update, {
          args: options.args,
          updateId: updateIdOf(options.action, options.requestId),
        }),
      );
      settled('answered');
      return answer;
    } catch (error) {
      // A workflow that runs on in a new run (the land ledger continues as new) refuses an Update
      // that reaches its old run as it closes; the next run takes it, under the same Update id.
      if (closingRun(error) && attempt < CONTINUED_RUN_ATTEMPTS && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        continue;
      }
      const problem = problemOf(sender, error, options.missing);
      settled(updateOutcomeOf(problem));
      throw problem;
    }
  }
}

const CONTINUED_RUN_ATTEMPTS = 5;

function closingRun(error: unknown): boolean {
  return error instanceof WorkflowNotFoundError && /completed/i.test(error.message);
}

function refuseWhileDown(sender: UpdateSender): void {
  if (sender.engines?.isDown('temporal')) throw engineUnavailable('temporal');
}

function problemOf(sender: UpdateSender, error: unknown, missing: string): unknown {
  const problem = updateProblem(error, missing);
  // Probe now: the next request is then refused at once instead of waiting on the engine.
  if (problem?.status === 503) sender.engines?.suspect('temporal');
  return problem ?? error;
}

export function updateIdOf(action: string, requestId: string): string {
  return `${action}:${requestId}`;
}

/**
 * A query for a read route: null when the workflow does not exist (the read model answers
 * instead); 503/504 when the engine is down or slow.
 */
export async function queryOrNull<T>(sender: UpdateSender, run: () => Promise<T>): Promise<T | null> {
  refuseWhileDown(sender);
  try {
    return await sender.temporal.withDeadline(Date.now() + sender.actionTimeoutMs, run);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw problemOf(sender, error, '');
  }
}

/**
 * Starts a workflow under an id that must never run twice: true when this call started it, false
 * when a run under that id already exists (a retried request, another replica, or a restart).
 */
export async function startWorkflowOnce(
  client: Client,
  options: {
    type: string;
    taskQueue: string;
    workflowId: string;
    input: unknown;
    memo?: Record<string, unknown>;
  },
): Promise<boolean> {
  try {
    await client.workflow.start(options.type, {
      taskQueue: options.taskQueue,
      workflowId: options.workflowId,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [options.input],
      ...(options.memo ? { memo: options.memo } : {}),
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
