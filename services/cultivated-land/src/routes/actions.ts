// One route per action on a rectification or an assessment, so that each action's grant is
// enforced before anything is sent and documented on its own OpenAPI operation.
import type { z } from 'zod';
import type { Actor, Grant, GrantTable } from '@duban/contracts';
import { actorOf, defineRoute, problems, type ResponseSpec, type Route } from '@duban/http';
import { ActionParams, IdParams } from '../schemas';
import { CL_TAGS } from './views';

export interface ActionRoutesSpec<A extends string> {
  /** `/land/rectifications/:id/actions`: each action is `<path>/<action>`. */
  path: string;
  /** Prefix of each operation id (`landRectification` → `landRectificationDecideExtension`). */
  operationId: string;
  /** What the workflow is, in words (`整改`). */
  what: string;
  summaries: Record<A, string>;
  grants: GrantTable<A>;
  bodies: Record<A, z.ZodType>;
  /**
   * The actions whose grant is this one share one route, `<path>/:action`, whose body is picked
   * by the action (an unknown one is a 404); the others have a route each. Without it, every
   * action has its own route and any other name is a 404.
   */
  shared?: { grant: Grant; operationId: string; summary: string };
  response: ResponseSpec;
  problems: Record<number, string>;
  act: (id: string, command: { action: A; actor: Actor; body: unknown }) => Promise<unknown>;
}

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

export function actionRoutes<A extends string>(spec: ActionRoutesSpec<A>): Route[] {
  const description = `以 Temporal Update 发给${spec.what}的工作流；同一请求编号（x-request-id）重发只办理一次。`;
  const common = {
    method: 'post',
    tags: CL_TAGS,
    emptyBodyIsObject: true,
    responses: { 200: spec.response },
    problems: spec.problems,
  } as const;
  const names = Object.keys(spec.bodies) as A[];
  const sharing = names.filter((a) => spec.grants[a] === spec.shared?.grant);
  const own = names.filter((a) => !sharing.includes(a));
  // Matched before `<path>/:action`: Express tries routes in order.
  const routes = own.map((action) =>
    defineRoute({
      ...common,
      path: `${spec.path}/${action}`,
      operationId: `${spec.operationId}${pascal(action)}`,
      summary: spec.summaries[action],
      description,
      access: spec.grants[action],
      params: IdParams,
      body: spec.bodies[action],
      handler: async ({ params, body, user, requestId, res }) => {
        res.json(await spec.act(params.id, { action, actor: actorOf(user, requestId), body }));
      },
    }),
  );
  const general = spec.shared
    ? defineRoute({
        ...common,
        path: `${spec.path}/:action`,
        operationId: spec.shared.operationId,
        summary: spec.shared.summary,
        description: `${sharing.map((a) => `${a}：${spec.summaries[a]}`).join('；')}。${description}`,
        access: spec.shared.grant,
        params: ActionParams,
        bodyByParam: {
          param: 'action',
          schemas: Object.fromEntries(sharing.map((a) => [a, spec.bodies[a]])),
        },
        handler: async ({ params, body, user, requestId, res }) => {
          const action = params.action as A;
          res.json(await spec.act(params.id, { action, actor: actorOf(user, requestId), body }));
        },
      })
    : // Any other action name: 404, before anything is sent.
      defineRoute({
        method: 'post',
        path: `${spec.path}/:action`,
        operationId: `${spec.operationId}Unknown`,
        summary: '未知操作',
        hidden: true,
        tags: CL_TAGS,
        access: 'user',
        params: ActionParams,
        responses: {},
        handler: ({ params }) => {
          throw problems.notFound(`没有操作 ${params.action}`);
        },
      });
  return [...routes, general];
}
