// 政策参数 a kindergarten case is started with (issue 14 point 5): read when the case starts, so
// a change applies to cases opened after it; a running case keeps the values it was opened with
// (an office does not expect a changed rule to rewrite what a case already decided).
import type { Db } from 'mongodb';
import { policyDate, policyNumber, policyOverride } from '@duban/policy/store';

export interface KindergartenPolicy {
  progressReportDay: number;
  guofa41Date: string;
  warningWindowDays: number;
  /** Only when an administrator set it: otherwise the deployment's ALERT_RED_ESCALATION_DAYS. */
  escalateAfterRedDays?: number;
}

export async function kindergartenPolicy(db: Db): Promise<KindergartenPolicy> {
  const [progressReportDay, guofa41Date, warningWindowDays, escalation] = await Promise.all([
    policyNumber(db, 'kindergarten.progress-report-day'),
    policyDate(db, 'kindergarten.guofa-2010-41-date'),
    policyNumber(db, 'alerts.warning-window-days'),
    policyOverride(db, 'alerts.red-escalation-days'),
  ]);
  return {
    progressReportDay,
    guofa41Date,
    warningWindowDays,
    ...(typeof escalation === 'number' ? { escalateAfterRedDays: escalation } : {}),
  };
}
