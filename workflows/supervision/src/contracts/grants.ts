import { defineGrants, type Grant } from '@duban/contracts';
import { ActionRoles, type ActionName } from './commands';

/**
 * Who may take each action on an item (DESIGN §1): one role each (ActionRoles, which the workflow
 * checks again); a bureau acts only on items its unit leads or co-operates on.
 */
export const SupervisionGrants = defineGrants(
  Object.fromEntries(
    Object.entries(ActionRoles).map(([action, role]): [string, Grant] => [
      action,
      role === 'bureau' ? { roles: [role], owner: '事项的牵头或配合单位' } : { roles: [role] },
    ]),
  ) as Record<ActionName, Grant>,
);
