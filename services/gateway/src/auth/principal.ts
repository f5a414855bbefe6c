import type { Principal } from '@duban/http';

export type { Principal } from '@duban/http';
export { ROLE_NAMES } from '@duban/http';

const key = Symbol('duban.principal');

interface WithPrincipal {
  [key]?: Principal;
}

export function setPrincipal(res: object, principal: Principal): void {
  (res as WithPrincipal)[key] = principal;
}

export function principalOf(res: object): Principal | undefined {
  return (res as WithPrincipal)[key];
}
