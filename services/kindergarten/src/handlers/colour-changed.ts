import type { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import type { AlertDoc, CloudEvent, EventData } from '@duban/contracts';
import { unitName } from '@duban/workflow-kindergarten';
import { caseTitle } from '../inbox';
import { raiseCaseAlert, type RaiseAlertDeps } from './raise-alert';

type Data = EventData<typeof KindergartenEvents.ColourChanged.type>;

/**
 * DESIGN §5 / §7.2: every colour change of a case reaches the inspectors; red reaches the
 * leadership group (领导小组 and 市专项治理办).
 */
export function onCaseColourChanged(deps: RaiseAlertDeps) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { case: c, to } = event.data;
    const audiences: AlertDoc['audience'][] = to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const late = c.steps.filter((s) => s.state !== 'done' && s.colour === to);
    const units = [...new Set(late.map((s) => s.unitCode))];
    for (const audience of audiences) {
      const alert: Omit<AlertDoc, 'process' | 'href'> = {
        _id: `${event.id}|${audience}`,
        audience,
        itemId: c.caseId,
        docNo: c.docNo,
        ref: late[0]?.ref ?? '四(二)',
        title: caseTitle(c),
        colour: to,
        kind: 'colour_changed',
        message: event.data.reason,
        leadUnits: units,
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      const who = units.length ? `（${units.map((u) => unitName(u)).join('、')}）` : '';
      await raiseCaseAlert(deps, event, alert, `${alert.message}${who}`);
    }
  };
}
