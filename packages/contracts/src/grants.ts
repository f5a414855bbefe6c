import type { Role } from './common';

// Who may do what (issue 12): every process declares its actions as one table of grants, in its
// own contracts (`workflows/<name>/src/contracts/grants.ts`); the HTTP kit enforces a route's
// grant before anything else runs (403), documents it in the OpenAPI operation, and the
// workflows check the same entries again. Separation of duties: the administrator manages users,
// units and settings and takes no business action; the supervision office (督查室) reviews and
// decides; leaders instruct; a bureau does its own unit's work.

export const ALL_ROLES: readonly Role[] = ['bureau', 'inspector', 'leader', 'admin'];

/** Who may take one action. */
export interface Grant {
  /** The roles that may. */
  roles: readonly Role[];
  /** Bureau users of these units only (a duty the gazette gives to named units). */
  units?: readonly string[];
  /**
   * For bureau actions on one thing: which of its units may, in words (documented). The gate lets
   * any bureau through; the route or the workflow that knows the thing refuses another unit.
   */
  owner?: string;
  /**
   * Bureau users only if they are their unit's 督办员 (issue 23, point 3: the unit's supervision
   * clerk names its 承办人 and manages its users); an ordinary user of the unit is refused.
   */
  unitSupervisor?: boolean;
  /** What a refused caller is told (default: the roles, named). */
  refusal?: string;
  /**
   * Outside users (a village, an operator, a travel agency …: `Principal.outside`) may take it
   * too, on their own things. Every other grant refuses them: they do no government work.
   */
  outside?: boolean;
}

/** A process's actions and who may take each. */
export type GrantTable<A extends string> = Readonly<Record<A, Grant>>;

export const defineGrants = <A extends string>(table: Record<A, Grant>): GrantTable<A> => table;

/**
 * Whether this role (and, for a bureau, unit and 督办员 duty; for an outside user, the grant's
 * `outside`) passes the grant; the thing's owner is checked apart.
 */
export function isGranted(
  grant: Grant,
  who: {
    role: Role;
    unitCode?: string | null | undefined;
    outside?: boolean | undefined;
    unitSupervisor?: boolean | undefined;
  },
): boolean {
  if (!grant.roles.includes(who.role)) return false;
  if (who.outside && !grant.outside) return false;
  if (who.role === 'bureau' && grant.unitSupervisor && !who.unitSupervisor) return false;
  return who.role !== 'bureau' || !grant.units || grant.units.includes(who.unitCode ?? '');
}
