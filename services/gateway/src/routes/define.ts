import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { Role } from '@duban/contracts';
import { principalOf, type Principal } from '../auth/principal';
import type { AuthService } from '../auth/service';
import { authenticate, requireRole } from '../middleware/authenticate';
import { validate, validatedOf } from '../middleware/validate';

/** `public`: no token; `user`: any signed-in user; a list: only those roles (403 otherwise). */
export type Access = 'public' | 'user' | readonly Role[];

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerInput<P, Q, B, U> {
  req: Request;
  res: Response;
  params: P;
  query: Q;
  body: B;
  user: U;
  requestId: string;
}

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
}

export interface RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  A extends Access,
> {
  method: 'get' | 'post';
  /** Under /api, in Express syntax: `/items/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  /** Left out of the OpenAPI document (a fallback that only answers errors). */
  hidden?: boolean;
  /** Also accept the token as `?access_token=` (the SSE stream). */
  queryToken?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Runs after authentication and before validation, e.g. a stricter rate limit. */
  before?: RequestHandler[];
  /** The successful answers. */
  responses: Record<number, ResponseSpec>;
  /** Problem answers beyond the ones every route can give (400, 401, 403, 429, 500). */
  problems?: Record<number, string>;
  handler: (
    input: HandlerInput<Parsed<P>, Parsed<Q>, Parsed<B>, A extends 'public' ? undefined : Principal>,
  ) => Promise<void> | void;
}

/** A route with its types erased, ready to mount and to document. */
export type Route = RouteSpec<
  z.ZodObject | undefined,
  z.ZodObject | undefined,
  z.ZodType | undefined,
  Access
>;

/**
 * One declaration per route gives both the Express handler chain and the OpenAPI operation, so
 * the document cannot drift from what the server validates.
 */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
>(spec: RouteSpec<P, Q, B, A>): Route {
  return spec as unknown as Route;
}

export function mountRoute(router: Router, route: Route, auth: AuthService): void {
  const chain: RequestHandler[] = [];
  if (route.access !== 'public') {
    chain.push(authenticate(auth, { allowQueryToken: route.queryToken === true }));
  }
  if (typeof route.access !== 'string') chain.push(requireRole(route.access));
  chain.push(...(route.before ?? []));
  chain.push(validate({ params: route.params, query: route.query, body: route.body }));
  chain.push(async (req, res) => {
    const valid = validatedOf(req);
    await route.handler({
      req,
      res,
      params: valid.params as never,
      query: valid.query as never,
      body: valid.body as never,
      user: principalOf(res) as never,
      requestId: String(req.id),
    });
  });
  router[route.method](route.path, ...chain);
}
