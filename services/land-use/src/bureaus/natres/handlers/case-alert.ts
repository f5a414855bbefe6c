import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import type { LandCaseSnapshot } from '@duban/workflow-land-use/client';
import { townName } from '../../../towns';

export const LU_ALERTS_SOURCE = 'duban/services/land-use';

type Data = { case: LandCaseSnapshot; reason: string; to?: Colour };

/**
 * 二(七) 挂牌督办 and DESIGN §5: a major case listed for supervision reaches the inspectors and
 * the leadership group at once; a colour change of a case reaches the inspectors, red the
 * leadership group too. Stored in the shared `alerts` collection (once) and announced once as
 * AlertRaised.
 */
export function onCaseAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const c = event.data.case;
    const listed = event.type.endsWith('.case_listed_for_supervision.v1');
    const colour: Colour = listed ? 'red' : (event.data.to ?? c.colour);
    const audiences: AlertDoc['audience'][] =
      listed || colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const title = `${c.major ? '【挂牌督办】' : ''}违法占地案件 ${c.facts.parcelNo}（${townName(c.facts.townCode) ?? c.facts.townCode}）`;
    for (const audience of audiences) {
      const alert: AlertDoc = {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'land-use',
        itemId: c.caseId,
        href: `#/land/cases/${encodeURIComponent(c.caseId)}`,
        docNo: c.docNo,
        ref: '二(七)',
        title,
        colour,
        kind: listed ? 'listed_for_supervision' : 'colour_changed',
        message: event.data.reason,
        leadUnits: ['natres'],
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      await raiseProcessAlert({ ...deps, source: LU_ALERTS_SOURCE }, event, alert);
    }
  };
}
