// 三(十) of 青政办发〔2019〕28号: a town that failed its yearly assessment rectifies
// under a deadline, 整改期间暂停办理涉及土地管理的有关业务. The assessment (cultivated-land process)
// decides the suspension and its lift and announces both as facts; the land-use side learns of
// them from those facts only. Pure and sandbox-safe: the ledger workflow and the land-use read
// model apply the same rule and word the same refusal.
import type { OccupationKind } from './contracts/index';
import type { Suspension } from '@duban/workflow-cultivated-land/client';

/** A town's suspension as the last fact about it left it. */
export interface TownSuspension extends Suspension {
  /** The town's short name (or its code), for the refusal. */
  townName: string;
  /** Time of the fact that set it (ISO): a later fact wins. */
  at: string;
}

export const isSuspended = (s: Pick<TownSuspension, 'liftedAt'> | null | undefined): boolean =>
  !!s && s.liftedAt === null;

/**
 * What a town's suspension becomes after `fact`, or null when the fact changes nothing: an
 * older fact never undoes a newer one, and a lift applies only to the suspension it names, so
 * lifting last year's never frees a town suspended again this year.
 */
export function afterSuspensionFact(
  current: Pick<TownSuspension, 'assessmentId' | 'at'> | null | undefined,
  fact: TownSuspension,
): TownSuspension | null {
  if (current && current.at > fact.at) return null;
  const lifts = fact.liftedAt !== null;
  if (lifts && current && current.assessmentId !== fact.assessmentId) return null;
  return fact;
}

/** The refusal of an occupation in a suspended town: names the assessment and its deadline. */
export function suspensionRefusal(
  s: Pick<TownSuspension, 'townName' | 'reason' | 'rectificationDeadline'>,
  kind: OccupationKind,
): string {
  const what = kind === 'temporary' ? '临时用地审批' : '建设占用耕地审批';
  return `${s.townName}${what}暂停办理：${s.reason}（青政办发〔2019〕28号 三(十)，整改期限 ${s.rectificationDeadline}）`;
}
