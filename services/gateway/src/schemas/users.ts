import { z } from 'zod';
import { RoleSchema, UnitCodeSchema } from '@duban/contracts';
import { PageMeta, PagingQuery } from '@duban/http';
import { UnitKindSchema } from '@duban/units';

export const PASSWORD_MIN_LENGTH = 10;

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`)
  .max(200, '密码最多 200 个字符');

const Attribution = z.object({ username: z.string(), name: z.string() });

export const UserView = z
  .object({
    username: z.string(),
    name: z.string(),
    role: RoleSchema,
    unitCode: z.string().nullable(),
    unitName: z.string().nullable(),
    outsideKind: UnitKindSchema.nullable().meta({
      description:
        '外部单位（村委会、经营主体、旅行社、景区、宾馆）账号的单位类别：只见本单位的业务；政府部门为 null',
    }),
    unitSupervisor: z.boolean().meta({ description: '本单位督办员：指定承办人，管理本单位人员' }),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: Attribution.nullable().meta({ description: '由谁新建；启动时预置的用户为 null' }),
    passwordChangedAt: z.iso.datetime({ offset: true }),
    disabledAt: z.iso.datetime({ offset: true }).nullable().meta({ description: '停用时间：停用后不能登录' }),
    disabledBy: Attribution.nullable(),
  })
  .meta({ id: 'User' });

export const LoginBody = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

export const SessionView = z.object({
  token: z.string().meta({ description: 'HS256 JWT，8 小时有效' }),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime({ offset: true }),
  user: UserView,
});

export const CurrentUserView = z.object({ user: UserView });

export const ChangeOwnPasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict()
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    message: '新密码不能与当前密码相同',
  });

export const ResetPasswordBody = z.object({ newPassword: password }).strict();

export const CreateUserBody = z
  .object({
    username: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, '用户名为 2–64 位小写字母、数字、点、下划线或连字符')
      .refine((u) => u !== 'me', '用户名 me 已保留'),
    name: z.string().trim().min(1).max(100),
    role: RoleSchema,
    unitCode: UnitCodeSchema.optional(),
    unitSupervisor: z.boolean().optional().meta({ description: '本单位督办员（仅责任单位用户）' }),
    password,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.unitSupervisor && b.role !== 'bureau') {
      ctx.addIssue({ code: 'custom', path: ['unitSupervisor'], message: '只有责任单位用户才能是督办员' });
    }
    if (b.role === 'bureau' && !b.unitCode) {
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: '责任单位用户必须指定单位代码' });
    }
    if (b.role !== 'bureau' && b.unitCode) {
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: '只有责任单位用户才有单位代码' });
    }
  });

/**
 * The unit of a new user must be in the registry: the built-in catalog or a unit the office added
 * (a village committee, an operator of 青政发〔2019〕34号 …); checked by the route, which reads them.
 */
export const unknownUnitMessage = (unitCode: string) => `未知的单位代码 ${unitCode}`;

export const UserIdParams = z.object({ id: z.string().min(1).max(64) });

export const UsersQuery = z.object({
  role: RoleSchema.optional(),
  unit: UnitCodeSchema.optional(),
  ...PagingQuery,
});

export const UsersPage = z.object({ users: z.array(UserView), ...PageMeta });

/** 本单位人员 (issue 23): a unit's 督办员 makes an ordinary user of its own unit. */
export const CreateUnitUserBody = z
  .object({
    username: CreateUserBody.shape.username,
    name: z.string().trim().min(1).max(100),
    unitCode: UnitCodeSchema,
    password,
  })
  .strict();

export const UnitUsersQuery = z.object({
  unit: UnitCodeSchema.optional().meta({ description: '管理员必填；督办员只看本单位' }),
  ...PagingQuery,
});

export const DisableUserBody = z
  .object({ reason: z.string().trim().min(1, '请说明停用原因').max(500) })
  .strict();
