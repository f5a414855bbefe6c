// One HTTP kit for the gateway and every process: routes declared once (validation, access,
// OpenAPI), problem+json answers, and actions sent to workflows as idempotent Updates.
export {
  FieldErrorSchema,
  HttpProblem,
  ProblemSchema,
  problemBody,
  problems,
  requestIdOf,
  sendProblem,
} from './problem';
export type { FieldError, ProblemBody, ProblemOptions } from './problem';
export { fieldErrors, parsePart, validate, validatedOf } from './validate';
export type { Location, Schemas, Validated } from './validate';
export { OUTSIDE_REFUSAL, defineRoute, mountRoute, mountRoutes, strictQuery } from './define';
export type {
  Access,
  BodyByParam,
  HandlerInput,
  RawBodySpec,
  ResponseSpec,
  Route,
  RouteSpec,
} from './define';
export { ROLE_NAMES } from './principal';
export type { Principal, RouteAuth } from './principal';
export { errorHandler, notFound } from './errors';
export { answerClientErrors } from './client-errors';
export {
  ACTION_REFUSED,
  queryOrNull,
  sendUpdate,
  startWorkflowOnce,
  updateIdOf,
  updateOutcomeOf,
  updateProblem,
} from './temporal';
export type { SendUpdateOptions, UpdateOutcome, UpdateSender, UpdateSettled } from './temporal';
export { API_PREFIX, registerRoutes, routeOperation } from './openapi';
export {
  EngineWatch,
  RETRY_AFTER_SECONDS,
  engineGuard,
  engineUnavailable,
  unreachableEngine,
} from './engines';
export type { EngineName, EngineProbe, EngineWatchOptions } from './engines';
export type { DocumentOptions } from './openapi';
export { actorOf } from './context';
export type { ProcessRouteContext } from './context';
export { CivilDateQuery, MAX_PAGE_SIZE, PageMeta, PagingQuery, skipOf } from './paging';
export { XLSX, sendXlsx } from './download';
