import type { RequestHandler, Response } from 'express';
import type { Role } from '@duban/contracts';

/** The authenticated caller, as loaded from the users collection for this request. */
export interface Principal {
  username: string;
  name: string;
  role: Role;
  /** Set for bureau users only. */
  unitCode: string | null;
  /**
   * A login of an organisation outside the government (its unit's kind is one of
   * OUTSIDE_UNIT_KINDS of @duban/units): only routes and pages opened to outside users serve it.
   * Absent: an inside user.
   */
  outside?: boolean;
  /** A bureau user who is its unit's 督办员 (issue 23): passes grants marked `unitSupervisor`. */
  unitSupervisor?: boolean;
}

export const ROLE_NAMES: Record<Role, string> = {
  bureau: '责任单位',
  inspector: '督查室',
  leader: '领导',
  admin: '管理员',
};

/**
 * What routes need of the host's sign-in, so that the kit never knows how tokens or users are
 * kept: the gateway implements it over its AuthService.
 */
export interface RouteAuth {
  /** Answers 401 unless the request carries a valid token; then the principal is known. */
  authenticate(options: { allowQueryToken: boolean }): RequestHandler;
  principalOf(res: Response): Principal | undefined;
}
