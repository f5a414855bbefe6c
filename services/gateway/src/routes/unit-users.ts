import { defineRoute, problems, skipOf, type Principal, type Route } from '@duban/http';
import { isOutsideKind } from '@duban/units';
import type { RouteContext } from '../deps';
import { toUserView } from '../auth/users';
import {
  CreateUnitUserBody,
  DisableUserBody,
  UnitUsersQuery,
  UserIdParams,
  UsersPage,
  UserView,
} from '../schemas/users';
import { GatewayGrants } from './grants';
import { attribution, createAndAnswer, registeredUnit } from './users';

// 本单位人员 (issue 23, point 3 of 督办: "users of a unit are managed by the unit's 督办员 or an
// admin"). The 督办员 sees, makes and disables the users of its own unit only; whoever acts is
// kept on the user and in user_changes. A new user here is an ordinary user of the unit: only
// the administrator names a 督办员 (POST /api/users with unitSupervisor).

/** The unit a caller manages: the 督办员's own; for the administrator, the one asked for. */
function managedUnit(user: Principal, asked: string | undefined, field: string): string {
  if (user.role === 'bureau') {
    if (asked !== undefined && asked !== user.unitCode)
      throw problems.invalid([{ field, message: `只能管理本单位（${user.unitCode}）的人员` }]);
    return user.unitCode!;
  }
  if (asked === undefined) throw problems.invalid([{ field, message: '请指定单位代码' }]);
  return asked;
}

export function unitUserRoutes(ctx: RouteContext): Route[] {
  const users = ctx.auth.users;
  return [
    defineRoute({
      method: 'get',
      path: '/unit-users',
      operationId: 'listUnitUsers',
      summary: '本单位人员',
      description: '督办员看本单位的用户（含已停用的）；管理员以 unit 指定单位。',
      tags: ['users'],
      access: GatewayGrants['manage-unit-users'],
      query: UnitUsersQuery,
      responses: { 200: { description: '本单位的用户', schema: UsersPage } },
      handler: async ({ query, user, res }) => {
        const unitCode = managedUnit(user, query.unit, 'query.unit');
        const { users: docs, total } = await users.list(
          { role: 'bureau', unitCode },
          { skip: skipOf(query), limit: query.pageSize },
        );
        res.json({ users: docs.map(toUserView), total, page: query.page, pageSize: query.pageSize });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/unit-users',
      operationId: 'createUnitUser',
      summary: '新建本单位人员',
      description: '督办员只能新建本单位的普通用户（unitCode 为本单位）；新建者记录在用户上。',
      tags: ['users'],
      access: GatewayGrants['manage-unit-users'],
      body: CreateUnitUserBody,
      responses: { 201: { description: '已创建', schema: UserView } },
      problems: { 409: '用户名已存在' },
      handler: async ({ body, user, res }) => {
        const unitCode = managedUnit(user, body.unitCode, 'body.unitCode');
        const unit = await registeredUnit(ctx, unitCode);
        await createAndAnswer(res, body.username, () =>
          users.create(
            {
              ...body,
              role: 'bureau',
              unitCode,
              outsideKind: isOutsideKind(unit.kind) ? unit.kind : null,
            },
            ctx.now(),
            attribution(user),
          ),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/unit-users/:id/disable',
      operationId: 'disableUnitUser',
      summary: '停用本单位人员',
      description: '停用后该用户不能登录，此前的令牌全部失效；停用者记录在用户上。',
      tags: ['users'],
      access: GatewayGrants['manage-unit-users'],
      params: UserIdParams,
      body: DisableUserBody,
      responses: { 200: { description: '已停用', schema: UserView } },
      problems: { 404: '本单位没有这个用户', 409: '已停用，或停用自己' },
      handler: async ({ params, body, user, res }) => {
        const target = await users.find(params.id);
        const ofUnit =
          target?.role === 'bureau' && (user.role !== 'bureau' || target.unitCode === user.unitCode);
        if (!target || !ofUnit) throw problems.notFound(`本单位没有用户 ${params.id}`);
        if (target._id === user.username) throw problems.conflict('不能停用自己');
        if (target.disabledAt) throw problems.conflict(`用户 ${params.id} 已停用`);
        const disabled = await users.disable(params.id, attribution(user), body.reason, ctx.now());
        if (!disabled) throw problems.conflict(`用户 ${params.id} 已停用`);
        res.json(toUserView(disabled));
      },
    }),
  ];
}
