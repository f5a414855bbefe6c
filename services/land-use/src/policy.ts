// 政策参数 a land case is opened with (issue 14 point 5): read when the case is opened, so a change
// applies to cases opened after it; a running case keeps the values it was opened with (a case
// listed for supervision is not unlisted, nor its deadline moved, by a later change).
import type { Db } from 'mongodb';
import { policyNumber } from '@duban/policy/store';
import type { LandCasePolicy } from './temporal';

/** The settings of a case opened now; `handlingDays` written on the case wins over the setting. */
export async function landCasePolicy(db: Db, handlingDays?: number): Promise<Required<LandCasePolicy>> {
  const [days, majorCultivatedMu, warningWindowDays] = await Promise.all([
    handlingDays ?? policyNumber(db, 'land.case-handling-days'),
    policyNumber(db, 'land.major-case-cultivated-mu'),
    policyNumber(db, 'alerts.warning-window-days'),
  ]);
  return { handlingDays: days, majorCultivatedMu, warningWindowDays };
}
