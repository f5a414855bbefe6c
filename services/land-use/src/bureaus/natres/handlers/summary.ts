// One Chinese line per fact, for the timeline (台账 and console).
import { BalanceRules, CaseSteps, KeyLevels } from '@duban/workflow-land-use/client';
import { type CloudEvent } from '@duban/contracts';
import { townName } from '../../../towns';

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function summaryOf(event: CloudEvent<string, Any>): string {
  const d = event.data;
  const fact = event.type.split('.').at(-2);
  const o = d.occupation as Any | undefined;
  const who = o
    ? `${o.occupationId}“${o.project}”（${townName(o.townCode) ?? o.townCode}，${o.areaMu} 亩，${o.grade} 等，${KeyLevels[o.keyLevel as 'none']}）`
    : '';
  const after = d.ledger ? `；库存 ${d.ledger.balance.remainingMu} 亩` : '';
  switch (fact) {
    case 'compensation_accepted':
      return `补充耕地 ${d.parcel.parcelNo}（${townName(d.parcel.townCode) ?? d.parcel.townCode}，${d.parcel.areaMu} 亩，${d.parcel.grade} 等）验收入库${after}`;
    case 'occupation_approved':
      return `批准占用耕地 ${who}，核销 ${(o!.consumed as Any[]).map((c) => `${c.parcelNo} ${c.areaMu} 亩`).join('、')}${after}`;
    case 'occupation_refused':
      return `不予批准 ${who}：${d.refusal.reason}`;
    case 'occupation_queued':
      return `${who} 排队等待补充耕地（第 ${d.position} 位，${BalanceRules[d.refusal.rule as 'quantity']}）`;
    case 'temporary_occupation_approved':
      return `批准临时用地 ${who}，复垦期限 ${o!.reclamation.deadline}`;
    case 'reclamation_colour_changed':
      return d.reason;
    case 'reclamation_confirmed':
      return `临时用地 ${who} 已复垦`;
    case 'case_registered':
      return `立案：${d.case.facts.parcelNo}（${townName(d.case.facts.townCode) ?? d.case.facts.townCode}，${d.case.facts.areaMu} 亩），办理期限 ${d.case.deadline}`;
    case 'case_step_completed':
      return `${CaseSteps[d.step as 'closed']}${d.note ? `：${d.note}` : ''}`;
    case 'case_listed_for_supervision':
    case 'case_colour_changed':
      return d.reason;
    case 'case_deadline_extended':
      return `督查室批准延期：${d.previous} → ${d.newDeadline}（${d.reason}）`;
    case 'case_transferred':
      return `移交${d.bodyName}：${d.reason}`;
    case 'case_exposed':
      return `曝光（${d.channel}）：${d.summary}（青政办发〔2019〕28号 二(七)）`;
    case 'case_closed':
      return '结案';
    default:
      return fact ?? event.type;
  }
}
