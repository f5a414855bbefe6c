import { defineGrants, type Grant } from '@duban/contracts';
import { ActionRoles, actionRoles, type ActionName } from './commands';

/**
 * Actions only the unit's 督办员 takes (issue 23, point 3: "a unit's 督办员 assigns each of its
 * steps to a handling person"); any other user of the unit is refused with this reason.
 */
const UNIT_SUPERVISOR_ACTIONS: Partial<Record<ActionName, Partial<Grant>>> = {
  'assign-handler': { unitSupervisor: true, refusal: '只有本单位的督办员才能指定或改派承办人' },
};

/**
 * Who may take each action on an item (DESIGN §1): one role each, 催办 two (ActionRoles, which the workflow
 * checks again); a bureau acts only on items its unit leads or co-operates on.
 */
export const SupervisionGrants = defineGrants({
  ...(Object.fromEntries(
    Object.keys(ActionRoles).map((action): [string, Grant] => {
      const roles = actionRoles(action as ActionName);
      return [
        action,
        roles.includes('bureau')
          ? { roles, owner: '事项的牵头或配合单位', ...UNIT_SUPERVISOR_ACTIONS[action as ActionName] }
          : { roles },
      ];
    }),
  ) as Record<ActionName, Grant>),
  // 归档 (issue 23, point 6): 督查室 archives a closed item.
  archive: { roles: ['inspector'] },
});
