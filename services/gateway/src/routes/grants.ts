import { ALL_ROLES, defineGrants, type Grant } from '@duban/contracts';

/** The gateway's own actions: the administrator manages users (and takes no business action). */
export const GatewayGrants = defineGrants({
  'change-own-password': { roles: ALL_ROLES, outside: true },
  'create-user': { roles: ['admin'] },
  'reset-password': { roles: ['admin'] },
  // 本单位人员 (issue 23): a unit's 督办员 lists, makes and disables its unit's users; the
  // administrator does so for any unit.
  'manage-unit-users': {
    roles: ['bureau', 'admin'],
    unitSupervisor: true,
    refusal: '只有本单位的督办员或管理员才能管理本单位人员',
  },
  // 单位管理: the registry's units and the names the office maps to them.
  'manage-units': { roles: ['admin'] },
  // 政策参数: the settings that do not come from the gazette (issue 14).
  'change-policy': { roles: ['admin'] },
});

/** Who reads the users. */
export const USER_ADMIN: Grant = { roles: ['admin'] };

/** Who reads the city-wide views (总览, 待审批的延期): not a bureau, which sees its own work. */
export const CITY_READERS: Grant = { roles: ['inspector', 'leader', 'admin'] };
