import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import { isGranted, type Grant } from '@duban/contracts';
import { ROLE_NAMES, type Principal, type RouteAuth } from './principal';
import { methodNotAllowed } from './methods';
import { problems, requestIdOf } from './problem';
import { validate, validatedOf } from './validate';

/**
 * `public`: no token; `user`: any signed-in inside user (reading only: a route that changes
 * something names its grant), and outside users too where the route says `outside`; a grant: only
 * those roles, for a bureau those units, and outside users only where it says `outside` (403
 * otherwise).
 */
export type Access = 'public' | 'user' | Grant;

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

/** A body read as bytes (a spreadsheet upload) rather than JSON; the handler parses it. */
export interface RawBodySpec {
  /** Content types accepted; the documented schema of each. */
  types: Record<string, z.ZodType>;
  /** Largest body, in the `bytes` package's syntax (`5mb`). */
  limit: string;
}

/** A JSON body whose schema depends on a path parameter: an action's body by its `:action`. */
export interface BodyByParam {
  param: string;
  schemas: Record<string, z.ZodType>;
}

export interface RouteSpec<
  P extends z.ZodObject | undefined,
  Q extends z.ZodObject | undefined,
  B extends z.ZodType | undefined,
  A extends Access,
> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Under /api, in Express syntax: `/items/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call it: for an action, its entry in the process's grant table. */
  access: A;
  /**
   * With `access: 'user'`: outside users (Principal.outside) may call it too; the handler shows them
   * only their own. A grant says so itself (`Grant.outside`).
   */
  outside?: boolean;
  /** Left out of the OpenAPI document (a fallback that only answers errors). */
  hidden?: boolean;
  /** Also accept the token as `?access_token=` (the SSE stream). */
  queryToken?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Instead of `body`: the schema picked by a path parameter; an unknown value is a 404. */
  bodyByParam?: BodyByParam;
  /** Instead of `body`: raw bytes of these content types. */
  rawBody?: RawBodySpec;
  /** A request without a body is validated as `{}` (process routes always accepted that). */
  emptyBodyIsObject?: boolean;
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

function bodySchema(route: Route) {
  const by = route.bodyByParam;
  if (!by) return route.body;
  return (params: unknown) => {
    const value = String((params as Record<string, unknown> | undefined)?.[by.param]);
    const schema = Object.hasOwn(by.schemas, value) ? by.schemas[value] : undefined;
    if (!schema) throw problems.notFound(`没有操作 ${value}`);
    return schema;
  };
}

/**
 * The query a route validates: its own keys and no other, each unknown key refused by name (a
 * route without a query schema takes none), so that a misspelt filter is never silently ignored.
 * A route that takes its token in the query also takes `access_token`.
 */
export function strictQuery(route: Route): z.ZodObject {
  let query = route.query ?? z.object({});
  if (route.queryToken && !('access_token' in query.shape)) {
    query = query.extend({ access_token: z.string().optional() });
  }
  return query.strict();
}

/** What an outside user is told where a route is not opened to outside users. */
export const OUTSIDE_REFUSAL = '外部单位账号只能办理本单位的业务（此功能供政府部门使用）';

/**
 * The one gate of every route with a grant: the role, then a bureau's unit, then an outside
 * user's access; 403 otherwise.
 */
function requireGrant(auth: RouteAuth, grant: Grant): RequestHandler {
  return (_req, res, next) => {
    const user = auth.principalOf(res);
    if (!user) throw problems.unauthenticated();
    if (!isGranted(grant, user)) {
      const roles = grant.roles.map((r) => ROLE_NAMES[r]).join('、');
      throw problems.forbidden(
        user.outside && !grant.outside && grant.roles.includes(user.role)
          ? OUTSIDE_REFUSAL
          : (grant.refusal ??
              (grant.roles.includes(user.role)
                ? `此操作仅限${grant.units?.join('、') ?? ''}办理`
                : `此操作仅限${roles}，当前用户的角色是${ROLE_NAMES[user.role]}`)),
      );
    }
    next();
  };
}

/** The gate of a `user` route not opened to outside users. */
function requireInside(auth: RouteAuth): RequestHandler {
  return (_req, res, next) => {
    if (auth.principalOf(res)?.outside) throw problems.forbidden(OUTSIDE_REFUSAL);
    next();
  };
}

const changesState = (route: Route) => route.method !== 'get';

export function mountRoute(router: Router, route: Route, auth: RouteAuth): void {
  // Every action says who may take it; a hidden fallback that only answers errors need not.
  if (changesState(route) && route.access === 'user' && !route.hidden) {
    throw new Error(`${route.method.toUpperCase()} ${route.path} changes state: give it a grant, not 'user'`);
  }
  const chain: RequestHandler[] = [];
  if (route.access !== 'public') {
    chain.push(auth.authenticate({ allowQueryToken: route.queryToken === true }));
  }
  if (typeof route.access !== 'string') chain.push(requireGrant(auth, route.access));
  else if (route.access === 'user' && !route.outside) chain.push(requireInside(auth));
  chain.push(...(route.before ?? []));
  if (route.rawBody) {
    chain.push(express.raw({ type: Object.keys(route.rawBody.types), limit: route.rawBody.limit }));
  }
  chain.push(
    validate({
      params: route.params,
      query: strictQuery(route),
      body: bodySchema(route),
      ...(route.emptyBodyIsObject ? { absentBody: {} } : {}),
    }),
  );
  chain.push(async (req, res) => {
    const valid = validatedOf(req);
    await route.handler({
      req,
      res,
      params: valid.params as never,
      query: valid.query as never,
      body: (route.rawBody ? req.body : valid.body) as never,
      user: auth.principalOf(res) as never,
      requestId: requestIdOf(req),
    });
  });
  router[route.method](route.path, ...chain);
}

/**
 * Mounts every route of a router, then the 405 answer for a known path asked with another method
 * (so a router's routes are mounted in one call: a later call's paths would come after it).
 */
export function mountRoutes(router: Router, routes: readonly Route[], auth: RouteAuth): void {
  for (const route of routes) mountRoute(router, route, auth);
  router.use(methodNotAllowed(routes));
}
