import type { Filter } from 'mongodb';
import type { AlertAudience, AlertDoc } from '@duban/contracts';
import type { Principal } from '../auth/principal';

/** Which alerts a user receives: by audience, and for a bureau only those about its own items. */
export interface AlertScope {
  audiences: AlertAudience[];
  unitCode: string | null;
}

export function alertScope(user: Principal): AlertScope {
  switch (user.role) {
    case 'inspector':
      return { audiences: ['inspector'], unitCode: null };
    case 'leader':
      return { audiences: ['leader'], unitCode: null };
    case 'admin':
      return { audiences: ['inspector', 'leader'], unitCode: null };
    case 'bureau':
      // The inspectors' copy carries every colour change once; a bureau sees those of the items it leads.
      return { audiences: ['inspector'], unitCode: user.unitCode ?? '' };
  }
}

export function inScope(
  scope: AlertScope,
  alert: { audience: string; leadUnits: readonly string[] },
): boolean {
  return (
    (scope.audiences as string[]).includes(alert.audience) &&
    (scope.unitCode === null || alert.leadUnits.includes(scope.unitCode))
  );
}

export function scopeFilter(scope: AlertScope): Filter<AlertDoc> {
  return {
    audience: scope.audiences.length === 1 ? scope.audiences[0]! : { $in: scope.audiences },
    ...(scope.unitCode !== null ? { leadUnits: scope.unitCode } : {}),
  };
}
