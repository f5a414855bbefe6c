// Who sees which applications: 农业农村局 and its 农经站, 督查室 and the leaders see all; a village,
// a town or an operator sees those it is party to, so an operator's login sees only its own.
import { AGRI, ECON_STATION } from '@duban/workflow-land-transfer/client';
import type { Principal } from '@duban/http';

/** The parties' units of an application (第三十五条: the operator, its village and town). */
const partiesOf = (a: { operatorCode: string; villageCode: string; townCode: string }) => [
  a.operatorCode,
  a.villageCode,
  a.townCode,
];

/** The same rule on one application (the live one, before the read model has it). */
export function canSee(
  user: Principal,
  app: { application: { operatorCode: string; villageCode: string; townCode: string } },
): boolean {
  if (user.role !== 'bureau') return true;
  const unit = user.unitCode ?? '';
  return unit === AGRI || unit === ECON_STATION || partiesOf(app.application).includes(unit);
}

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
