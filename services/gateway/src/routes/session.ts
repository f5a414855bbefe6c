import type { RouteContext } from '../deps';
import { toUserView } from '../auth/users';
import { problems, defineRoute, type Route } from '@duban/http';
import { CurrentUserView, LoginBody, SessionView } from '../schemas/users';

export function sessionRoutes(ctx: RouteContext): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/session',
      operationId: 'login',
      summary: '登录，取得令牌',
      description: '失败的登录按来源地址和用户名限流。',
      tags: ['session'],
      access: 'public',
      before: [ctx.credentialLimit],
      body: LoginBody,
      responses: { 200: { description: '登录成功', schema: SessionView } },
      problems: { 401: '用户名或密码不正确' },
      handler: async ({ body, res }) => {
        const session = await ctx.auth.login(body.username, body.password);
        // One answer for an unknown user and a wrong password: nothing tells which it was.
        if (!session) throw problems.unauthenticated('用户名或密码不正确');
        res.json({
          token: session.token,
          tokenType: 'Bearer',
          expiresAt: session.expiresAt.toISOString(),
          user: toUserView(session.user),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/session',
      operationId: 'currentUser',
      summary: '当前用户',
      tags: ['session'],
      access: 'user',
      outside: true,
      responses: { 200: { description: '当前登录的用户', schema: CurrentUserView } },
      handler: async ({ user, res }) => {
        const doc = await ctx.auth.users.find(user.username);
        if (!doc) throw problems.unauthenticated();
        res.json({ user: toUserView(doc) });
      },
    }),
  ];
}
