import { defineGrants } from '@duban/contracts';

/**
 * Who may change the catalog: 督查室, which takes a notice in (立项) and assigns its tasks (交办).
 * Not the administrator: importing is business, and the administrator takes none (issue 12).
 */
export const CatalogGrants = defineGrants({
  import: { roles: ['inspector'] },
});
