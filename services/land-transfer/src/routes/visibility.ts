// Who sees which applications: 农业农村局 and its 农经站, 督查室 and the leaders see all; a village,
// a town or an operator sees those it is party to, so an operator's login sees only its own.
import { AGRI, ECON_STATION } from '@duban/workflow-land-transfer/client';
import type { Principal } from '@duban/http';

export function visibleTo(user: Principal): Record<string, unknown> {
  if (user.role !== 'bureau') return {};
  const unit = user.unitCode ?? '';
  if (unit === AGRI || unit === ECON_STATION) return {};
  return {
    $or: [
      { 'application.operatorCode': unit },
      { 'application.villageCode': unit },
      { 'application.townCode': unit },
    ],
  };
}
