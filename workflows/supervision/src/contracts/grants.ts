import { defineGrants, type Grant } from '@duban/contracts';
import { ActionRoles, actionRoles, type ActionName } from './commands';

/**
 * Who may take each action on an item (DESIGN §1): one role each, 催办 two (ActionRoles, which the workflow
 * checks again); a bureau acts only on items its unit leads or co-operates on.
 */
export const SupervisionGrants = defineGrants(
  Object.fromEntries(
    Object.keys(ActionRoles).map((action): [string, Grant] => {
      const roles = actionRoles(action as ActionName);
      return [action, roles.includes('bureau') ? { roles, owner: '事项的牵头或配合单位' } : { roles }];
    }),
  ) as Record<ActionName, Grant>,
);
