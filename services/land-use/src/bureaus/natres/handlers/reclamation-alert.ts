import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import { LU_DOC_NO, type Occupation } from '@duban/workflow-land-use/client';
import { type AlertDoc, type CloudEvent, type Colour } from '@duban/contracts';
import { townName } from '../../../towns';
import { LU_ALERTS_SOURCE } from './case-alert';

type Data = { occupation: Occupation; to: Colour; reason: string };

/**
 * DESIGN §5 for the reclamation deadline of temporary use: every colour change reaches the
 * inspectors, red (复垦逾期) the leadership group too; stored once, announced once.
 */
export function onReclamationAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { occupation: o, to, reason } = event.data;
    if (to === 'green' || to === 'none') return;
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const title = `临时用地复垦：${o.project}（${townName(o.townCode) ?? o.townCode}，${o.areaMu} 亩）`;
    for (const audience of audiences) {
      const alert: AlertDoc = {
        _id: `${event.id}|${audience}`,
        audience,
        process: 'land-use',
        itemId: o.occupationId,
        href: `#/land/occupations/${encodeURIComponent(o.occupationId)}`,
        docNo: LU_DOC_NO,
        ref: '二(三)',
        title,
        colour: to,
        kind: 'colour_changed',
        message: reason,
        leadUnits: ['natres'],
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      await raiseProcessAlert({ ...deps, source: LU_ALERTS_SOURCE }, event, alert);
    }
  };
}
