import type { Request, RequestHandler } from 'express';
import { z } from 'zod';
import { problems, type FieldError } from './problem';

export type Location = 'body' | 'query' | 'params';

export interface Schemas {
  /** A schema, or one chosen by the validated params (an action's body by its `:action`). */
  body?: z.ZodType | ((params: unknown) => z.ZodType);
  query?: z.ZodType;
  params?: z.ZodType;
  /** Validate a request without a body as if it had sent this one (e.g. `{}`). */
  absentBody?: unknown;
}

/** The validated (and defaulted, coerced) parts of a request, as the schemas output them. */
export interface Validated {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

// Messages not set by a schema come in Chinese; a schema's own message (e.g. "expected a date
// YYYY-MM-DD") is kept as written.
const zhCN = z.locales.zhCN().localeError;

/** Issues as fields named from the request's root: `body.newDeadline`, `query.pageSize`. */
export function fieldErrors(location: Location, error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: `${base}.${key}`, message: '不允许的字段' });
    } else {
      out.push({ field: base, message: issue.message });
    }
  }
  return out;
}

/** Parses one part of a request; throws a 400 problem naming every refused field. */
export function parsePart<S extends z.ZodType>(location: Location, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: zhCN });
  if (!result.success) throw problems.invalid(fieldErrors(location, result.error));
  return result.data;
}

const validatedKey = Symbol('duban.validated');

export function validatedOf(req: Request): Validated {
  return (req as unknown as { [validatedKey]?: Validated })[validatedKey] ?? {};
}

/**
 * Validates params, query and body (in that order, all problems reported together) and keeps the
 * parsed values for the handler: Express 5's `req.query` is read-only, so they are not written back.
 */
export function validate(schemas: Schemas): RequestHandler {
  return (req, _res, next) => {
    const errors: FieldError[] = [];
    const out: Validated = {};
    for (const location of ['params', 'query', 'body'] as const) {
      const given = schemas[location];
      // A body chosen by the params waits for valid params (their own errors are reported).
      if (typeof given === 'function' && errors.length > 0) continue;
      const schema = typeof given === 'function' ? given(out.params) : given;
      if (!schema) continue;
      const value = location === 'body' ? (req.body ?? schemas.absentBody) : req[location];
      const result = schema.safeParse(value, { error: zhCN });
      if (result.success) out[location] = result.data;
      else errors.push(...fieldErrors(location, result.error));
    }
    if (errors.length > 0) throw problems.invalid(errors);
    (req as unknown as { [validatedKey]?: Validated })[validatedKey] = out;
    next();
  };
}
