// Input a workflow cannot act on is refused at its door, never met half-way through a workflow
// task: a task that throws on its input is retried for ever and the workflow is stuck (issue 12).
// Sandbox-safe: workflow code, the workers and the services import it.
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { ActorSchema } from '@duban/contracts';
import { refusing } from './refusal';

/** The failure type of input refused by its contract schema: the API answers 400 with the fields. */
export const INVALID_INPUT = 'InvalidInput';

/** One refused field, as the API's 400 names it (`body.newDeadline`, `input.facts.foundOn`). */
export interface InputIssue {
  field: string;
  message: string;
}

interface Parser {
  safeParse(value: unknown): { success: true } | { success: false; error: z.ZodError };
}

/** The fields of `value` that `schema` refuses, under `root` (none: it is valid). */
export function inputIssues(schema: Parser, value: unknown, root: string): InputIssue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    field: [root, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export const describeIssues = (issues: readonly InputIssue[]): string =>
  issues.map((i) => `${i.field}: ${i.message}`).join('; ');

/** The non-retryable failure of refused input; its details carry the fields. */
export function invalidInput(what: string, issues: readonly InputIssue[]): ApplicationFailure {
  return ApplicationFailure.create({
    type: INVALID_INPUT,
    message: `${what}不符合约定：${describeIssues(issues)}`,
    nonRetryable: true,
    details: [{ errors: issues }],
  });
}

/**
 * The contract of an action Update: a known action, an actor as the contracts define one, and the
 * body its action's schema accepts. Issues name the field as the API does (`body.newDeadline`).
 */
export function actionCommandSchema(bodies: Readonly<Record<string, Parser>>) {
  const names = Object.keys(bodies) as [string, ...string[]];
  return z
    .object({
      action: z.enum(names, { error: (issue) => `未知操作：${String(issue.input)}` }),
      actor: ActorSchema,
      body: z.unknown(),
    })
    .superRefine((command, ctx) => {
      const parsed = bodies[command.action]?.safeParse(command.body);
      if (parsed && !parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['body', ...issue.path] });
    });
}

/**
 * An Update validator: the command must match its contract schema, or the Update is rejected as
 * `InvalidInput` before it is accepted; then `check` may refuse it (`ActionRefused`). Either way
 * the Update leaves no trace in history and the workflow runs on. Validators do not run on
 * replay, so adding one never changes what an accepted Update did.
 */
export function validating<C>(schema: Parser, check: (command: C) => unknown): (command: C) => void {
  const refusal = refusing(check);
  return (command: C) => {
    const issues = inputIssues(schema, command, '');
    if (issues.length) throw invalidInput('操作参数', issues);
    refusal(command);
  };
}

/**
 * A workflow's start input, checked before anything else the workflow does: an input its schema
 * refuses ends the workflow as failed with the fields named (nothing was recorded yet), instead of
 * a workflow task that fails on every attempt. A `{ resume }` input (continue-as-new) is the
 * workflow's own state and passes.
 */
export function checkStartInput(schema: Parser, input: unknown): void {
  if (typeof input === 'object' && input !== null && 'resume' in input) return;
  const issues = inputIssues(schema, input, 'input');
  if (issues.length) throw invalidInput('启动参数', issues);
}

/** For clients, before they start a workflow: the same check, as an error to answer with. */
export class InvalidStartInputError extends Error {
  override readonly name = 'InvalidStartInputError';
  constructor(
    readonly workflowId: string,
    readonly issues: InputIssue[],
  ) {
    super(`工作流 ${workflowId} 的启动参数不符合约定：${describeIssues(issues)}`);
  }
}

/** Throws InvalidStartInputError when `schema` refuses `input`: nothing is started. */
export function assertStartInput(schema: Parser, input: unknown, workflowId: string): void {
  const issues = inputIssues(schema, input, 'input');
  if (issues.length) throw new InvalidStartInputError(workflowId, issues);
}
