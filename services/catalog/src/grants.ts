import { defineGrants } from '@duban/contracts';

/** Who may change the catalog: the office that imports notices (管理员, 督查室). */
export const CatalogGrants = defineGrants({
  import: { roles: ['admin', 'inspector'] },
});
