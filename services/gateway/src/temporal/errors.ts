import {
  ApplicationFailure,
  isGrpcDeadlineError,
  isGrpcServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { HttpProblem, problems } from '../problem';

// gRPC status codes the client can surface (not exported as names by the client package).
const UNAVAILABLE = 14;

/**
 * The answer an action's Temporal Update gets, as a problem: a refusal by the workflow's
 * validator is a 409 with the workflow's own reason; a missing workflow a 404; an engine that does
 * not answer in time a 504 or 503. Anything else is not ours to explain and stays a 500.
 */
export function updateProblem(error: unknown, itemId: string): HttpProblem | null {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    const reason =
      cause instanceof ApplicationFailure || cause instanceof Error ? cause.message : '工作流拒绝了此操作';
    return problems.conflict(reason || '工作流拒绝了此操作');
  }
  if (error instanceof WorkflowNotFoundError) {
    return problems.notFound(`事项 ${itemId} 没有运行中的工作流`);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error)) {
    return new HttpProblem(504, '工作流未在规定时间内答复；操作可能稍后生效，请刷新事项后再决定是否重试');
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  const grpc = isGrpcServiceError(error) ? error : isGrpcServiceError(cause) ? cause : null;
  if (grpc?.code === UNAVAILABLE) {
    return new HttpProblem(503, '工作流引擎暂不可用，请稍后重试');
  }
  return null;
}
