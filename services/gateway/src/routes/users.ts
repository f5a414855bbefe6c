import { GatewayGrants, USER_ADMIN } from './grants';
import type { RouteContext } from '../deps';
import { verifyPassword } from '../auth/passwords';
import type { Response } from 'express';
import { DuplicateUserError, toUserView, type UserDoc } from '../auth/users';
import { problems, defineRoute, type Principal, type Route } from '@duban/http';
import { skipOf } from '@duban/http';
import { isOutsideKind, unitByCode, type UnitEntry } from '@duban/units';
import { loadUnitRegistry } from '@duban/units/store';
import {
  ChangeOwnPasswordBody,
  CreateUserBody,
  unknownUnitMessage,
  ResetPasswordBody,
  SessionView,
  UserIdParams,
  UsersPage,
  UsersQuery,
  UserView,
} from '../schemas/users';

/** Who made or changed a user, as kept on it and in user_changes. */
export const attribution = (user: Principal) => ({ username: user.username, name: user.name });

/** The unit of a new user: the built-in catalog or a unit the office added; 400 naming the field otherwise. */
export async function registeredUnit(ctx: RouteContext, unitCode: string): Promise<UnitEntry> {
  const unit = unitByCode(unitCode) ?? (await loadUnitRegistry(ctx.db)).index.byCode.get(unitCode);
  if (!unit) throw problems.invalid([{ field: 'body.unitCode', message: unknownUnitMessage(unitCode) }]);
  return unit;
}

/** Makes the user and answers 201 with it; a username already taken is a 409. */
export async function createAndAnswer(
  res: Response,
  username: string,
  create: () => Promise<UserDoc>,
): Promise<void> {
  try {
    const doc = await create();
    res
      .status(201)
      .location(`/api/users/${encodeURIComponent(doc._id)}`)
      .json(toUserView(doc));
  } catch (error) {
    if (error instanceof DuplicateUserError) throw problems.conflict(`用户名 ${username} 已存在`);
    throw error;
  }
}

export function userRoutes(ctx: RouteContext): Route[] {
  const users = ctx.auth.users;
  return [
    defineRoute({
      method: 'post',
      path: '/users/me/password',
      operationId: 'changeOwnPassword',
      summary: '修改自己的密码',
      description: '成功后此前签发的令牌全部失效，响应中带有新令牌。',
      tags: ['users'],
      access: GatewayGrants['change-own-password'],
      before: [ctx.credentialLimit],
      body: ChangeOwnPasswordBody,
      responses: { 200: { description: '密码已修改', schema: SessionView } },
      handler: async ({ user, body, res }) => {
        const doc = await users.find(user.username);
        if (!doc) throw problems.unauthenticated();
        if (!(await verifyPassword(body.currentPassword, doc.passwordHash))) {
          throw problems.invalid([{ field: 'body.currentPassword', message: '当前密码不正确' }]);
        }
        const updated = await users.setPassword(user.username, body.newPassword, ctx.now());
        if (!updated) throw problems.unauthenticated();
        const session = await ctx.auth.sessionFor(updated);
        res.json({
          token: session.token,
          tokenType: 'Bearer',
          expiresAt: session.expiresAt.toISOString(),
          user: toUserView(updated),
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      summary: '用户列表',
      tags: ['users'],
      access: USER_ADMIN,
      query: UsersQuery,
      responses: { 200: { description: '用户', schema: UsersPage } },
      handler: async ({ query, res }) => {
        const { users: docs, total } = await users.list(
          { ...(query.role ? { role: query.role } : {}), ...(query.unit ? { unitCode: query.unit } : {}) },
          { skip: skipOf(query), limit: query.pageSize },
        );
        res.json({ users: docs.map(toUserView), total, page: query.page, pageSize: query.pageSize });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      summary: '新建用户',
      tags: ['users'],
      access: GatewayGrants['create-user'],
      body: CreateUserBody,
      responses: { 201: { description: '已创建', schema: UserView } },
      problems: { 409: '用户名已存在' },
      handler: async ({ body, user, res }) => {
        const unit = body.unitCode ? await registeredUnit(ctx, body.unitCode) : undefined;
        // A unit's kind never changes: an outside organisation's login stays an outside user.
        const outsideKind = unit && isOutsideKind(unit.kind) ? unit.kind : null;
        await createAndAnswer(res, body.username, () =>
          users.create({ ...body, outsideKind }, ctx.now(), attribution(user)),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/users/:id/password',
      operationId: 'resetPassword',
      summary: '重置用户密码',
      description: '该用户此前的令牌全部失效。',
      tags: ['users'],
      access: GatewayGrants['reset-password'],
      params: UserIdParams,
      body: ResetPasswordBody,
      responses: { 200: { description: '已重置', schema: UserView } },
      problems: { 404: '没有这个用户' },
      handler: async ({ params, body, res }) => {
        const updated = await users.setPassword(params.id, body.newPassword, ctx.now());
        if (!updated) throw problems.notFound(`没有用户 ${params.id}`);
        res.json(toUserView(updated));
      },
    }),
  ];
}
