import type { Request, Response } from 'express';
import { z } from 'zod';

/** One refused field of a request: `body.newDeadline`, `query.pageSize`, `params.action`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Chinese titles by status: what the console shows above the detail. */
const titles: Record<number, string> = {
  400: '请求参数不合法',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '资源不存在',
  405: '不支持的请求方法',
  409: '操作被拒绝',
  413: '请求内容过大',
  415: '不支持的请求格式',
  429: '请求过于频繁',
  431: '请求头过大',
  500: '服务器内部错误',
  503: '服务暂不可用',
  504: '处理超时',
};

/** Problem types are URNs: stable names a client can switch on, not pages to fetch. */
const types: Record<number, string> = {
  400: 'urn:duban:problem:invalid-request',
  401: 'urn:duban:problem:unauthenticated',
  403: 'urn:duban:problem:forbidden',
  404: 'urn:duban:problem:not-found',
  405: 'urn:duban:problem:method-not-allowed',
  409: 'urn:duban:problem:conflict',
  413: 'urn:duban:problem:payload-too-large',
  415: 'urn:duban:problem:unsupported-media-type',
  429: 'urn:duban:problem:rate-limited',
  431: 'urn:duban:problem:header-too-large',
  500: 'urn:duban:problem:internal',
  503: 'urn:duban:problem:unavailable',
  504: 'urn:duban:problem:timeout',
};

export interface ProblemOptions {
  errors?: FieldError[];
  title?: string;
  headers?: Record<string, string>;
  /** Fields a client can act on beyond RFC 9457's, e.g. the `caseId` holding a permit. */
  extra?: Record<string, unknown>;
  /** What went wrong inside (logged with its stack for a 5xx, never sent). */
  cause?: unknown;
}

/** An error that becomes an RFC 9457 `application/problem+json` answer. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly title: string;
  readonly type: string;

  constructor(
    readonly status: number,
    readonly detail: string,
    readonly options: ProblemOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.title = options.title ?? titles[status] ?? '请求失败';
    this.type = types[status] ?? 'about:blank';
  }
}

export const problems = {
  invalid: (errors: FieldError[]) =>
    new HttpProblem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors }),
  unauthenticated: (detail = '请先登录') =>
    new HttpProblem(401, detail, { headers: { 'WWW-Authenticate': 'Bearer realm="duban"' } }),
  forbidden: (detail: string) => new HttpProblem(403, detail),
  notFound: (detail: string) => new HttpProblem(404, detail),
  conflict: (detail: string, extra?: Record<string, unknown>) =>
    new HttpProblem(409, detail, extra ? { extra } : {}),
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problemBody(req: Request, problem: HttpProblem): ProblemBody {
  return {
    ...problem.options.extra,
    type: problem.type,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
    requestId: requestIdOf(req),
    ...(problem.options.errors ? { errors: problem.options.errors } : {}),
  };
}

export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  for (const [name, value] of Object.entries(problem.options.headers ?? {})) res.setHeader(name, value);
  res.status(problem.status).type('application/problem+json').json(problemBody(req, problem));
}

/** The request id the gateway's request-id middleware set (`x-request-id` or a new UUID). */
export function requestIdOf(req: Request): string {
  const id = (req as { id?: unknown }).id;
  return id === undefined || id === null ? (req.get('x-request-id') ?? '') : String(id);
}

export const FieldErrorSchema = z.object({
  field: z
    .string()
    .meta({ description: '出错的字段，从请求的根部命名，如 body.newDeadline、query.pageSize' }),
  message: z.string(),
});

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'urn:duban:problem:… 问题类型' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: '请求路径' }),
    requestId: z.string().meta({ description: '请求编号（x-request-id），日志与事件中可据此追溯' }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 application/problem+json' });
