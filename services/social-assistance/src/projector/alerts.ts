import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import {
  CIVIL,
  SA_DOC_NO,
  SocialAssistanceEvents,
  type CaseSnapshot,
  type PurchaseSnapshot,
} from '@duban/workflow-social-assistance/client';
import { caseHref, purchaseHref } from './facts';

export const SA_ALERTS_SOURCE = 'duban/services/social-assistance';

export const handles = [
  SocialAssistanceEvents.PurchaseColourChanged,
  SocialAssistanceEvents.CaseColourChanged,
];

type Data = {
  purchase?: PurchaseSnapshot;
  case?: CaseSnapshot;
  deadline: string;
  to: Colour;
  reason: string;
  ref: string;
};

/** DESIGN §5: blue and red reach the inspectors; red (a late payment, a missed step) the leadership group too. */
export function onColourAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { purchase: p, case: c, to, reason, ref } = event.data;
    if (to === 'green' || to === 'none') return;
    const itemId = p?.purchaseId ?? c?.caseId ?? '';
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    for (const audience of audiences)
      await raiseProcessAlert({ ...deps, source: SA_ALERTS_SOURCE }, event, {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'social-assistance',
        itemId,
        href: p ? purchaseHref(itemId) : caseHref(itemId),
        docNo: SA_DOC_NO,
        ref,
        title: p
          ? `购买社会救助服务（${p.year}年）`
          : `社会救助申请：${c?.household.applicant ?? ''}（${c?.household.village ?? ''}）`,
        colour: to,
        kind: 'colour_changed',
        message: reason,
        leadUnits: p ? [CIVIL] : [c ? (c.step === 'decision' ? c.household.townCode : CIVIL) : CIVIL],
        eventId: event.id,
        createdAt: new Date(event.time),
      });
  };
}
