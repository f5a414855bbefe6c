import type { Role } from '@duban/contracts';

/** The authenticated caller, as loaded from the users collection for this request. */
export interface Principal {
  username: string;
  name: string;
  role: Role;
  /** Set for bureau users only. */
  unitCode: string | null;
}

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

export const ROLE_NAMES: Record<Role, string> = {
  bureau: '责任单位',
  inspector: '督查室',
  leader: '领导',
  admin: '管理员',
};
