import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { engineUnavailable, unreachableEngine } from './engines';
import { HttpProblem, problems, sendProblem } from './problem';

/** Any route nobody answered: a 404 problem, under /api and elsewhere. */
export function notFound(): RequestHandler {
  return (req) => {
    throw problems.notFound(`没有这个接口：${req.method} ${req.originalUrl.split('?')[0]}`);
  };
}

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError & Error {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).type === 'string' &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

/** A client's fault that Express or body-parser met before any route ran: what it was, in Chinese. */
function clientFault(error: unknown, req: Request): HttpProblem | null {
  if (!(error instanceof Error)) return null;
  // The router could not decode a path parameter (`/api/items/%zz`): Express marks it 400.
  const status = (error as { status?: unknown }).status;
  if (error instanceof URIError && status === 400) {
    return problems.invalid([
      { field: 'path', message: '路径中的百分号编码不合法（% 后应为两位十六进制数）' },
    ]);
  }
  // body-parser hands on a decompression failure (zlib's own error, marked 400) without a `type`:
  // the body is not in the Content-Encoding it declares.
  const encoding = req.get('content-encoding');
  if (status === 400 && encoding !== undefined && 'code' in error) {
    return problems.invalid([
      { field: 'body', message: `请求体不是 Content-Encoding 声明的 ${encoding} 压缩格式，无法解压` },
    ]);
  }
  return null;
}

/** The last middleware: every error becomes a problem; a 500 says nothing of its cause. */
export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      // A stream (SSE) failed mid-way: nothing can be sent any more but the end.
      next(error);
      return;
    }
    if (error instanceof HttpProblem) {
      // pino-http logs a failed request with `res.err` and its stack; a problem's cause is the
      // failure behind a 5xx, which the answer itself does not describe.
      if (error.status >= 500 && error.options.cause !== undefined) logAsError(res, error.options.cause);
      sendProblem(req, res, error);
      return;
    }
    const fault = clientFault(error, req);
    if (fault) {
      sendProblem(req, res, fault);
      return;
    }
    if (isBodyParserError(error)) {
      const problem =
        error.type === 'entity.parse.failed'
          ? problems.invalid([{ field: 'body', message: '请求体不是合法的 JSON' }])
          : error.type === 'entity.too.large'
            ? new HttpProblem(413, '请求体超过大小限制')
            : error.type === 'encoding.unsupported'
              ? new HttpProblem(415, `不支持的 Content-Encoding：${req.get('content-encoding') ?? ''}`)
              : new HttpProblem(
                  error.status >= 400 && error.status < 500 ? error.status : 400,
                  error.message,
                );
      sendProblem(req, res, problem);
      return;
    }
    // An engine that went away under a request (a workflow start, a read): 503 with Retry-After.
    const engine = unreachableEngine(error);
    if (engine) {
      logAsError(res, error);
      sendProblem(req, res, engineUnavailable(engine));
      return;
    }
    // pino-http logs the request at error level with this error and its stack.
    logAsError(res, error);
    sendProblem(
      req,
      res,
      new HttpProblem(500, `服务器处理请求时出错，请稍后重试（请求编号 ${String(req.id)}）`),
    );
  };
}

function logAsError(res: object, error: unknown): void {
  (res as { err?: Error }).err = error instanceof Error ? error : new Error(String(error));
}
