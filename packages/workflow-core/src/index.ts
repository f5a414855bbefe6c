// Sandbox-safe entry: what workflow code imports. The worker side is `@duban/workflow-core/worker`.
export {
  ANSWER_AFTER_TURN_PATCH,
  PUBLISH_ACTIVITY_OPTIONS,
  PUBLISH_LOCAL_ACTIVITY_OPTIONS,
  PUBLISH_LOCAL_PATCH,
  ProcessLoop,
  publishActivities,
} from './loop';
export type { LoopSpec } from './loop';
export { plainClone, stepEvent } from './events';
export { ACTION_REFUSED, ActionRefusedError, refuse, refusing } from './refusal';
export {
  INVALID_INPUT,
  actionCommandSchema,
  checkStartInput,
  describeIssues,
  inputIssues,
  invalidInput,
  validating,
} from './input';
export type { InputIssue } from './input';
