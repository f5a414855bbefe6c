// DESIGN §5 / 三(十): colour changes reach the inspectors, red and 问责 the leadership group too.
// Stored once in the shared `alerts` collection and announced once as AlertRaised, as the
// supervision and kindergarten alerts are.
import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent, Colour } from '@duban/contracts';
import type { AssessmentSnapshot, RectificationSnapshot } from '@duban/workflow-cultivated-land/client';

export const CL_ALERTS_SOURCE = 'duban/services/cultivated-land';

type Data = {
  rectification?: RectificationSnapshot;
  assessment?: AssessmentSnapshot;
  to?: Colour;
  reason: string;
};

export function onLandAlert(deps: Omit<ProcessAlertDeps, 'source'>) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { rectification: r, assessment: a } = event.data;
    const escalation = event.type.endsWith('.accountability_escalated.v1');
    const colour: Colour = escalation ? 'red' : (event.data.to ?? 'green');
    const audiences: AlertDoc['audience'][] = colour === 'red' ? ['inspector', 'leader'] : ['inspector'];
    const itemId = r ? r.rectificationId : a!.assessmentId;
    const title = r
      ? `${r.townName}永久基本农田划定成果核实整改（${r.campaignId}）`
      : `${a!.townName}${a!.year}年度耕地保护责任目标考核`;
    const units = r
      ? [...new Set(r.steps.filter((s) => s.state === 'open').map((s) => s.unitCode))]
      : [a!.openStep?.unitCode ?? a!.townCode];
    const message = escalation ? `问责：${event.data.reason}` : event.data.reason;
    const href = r
      ? `#/land/rectifications/${encodeURIComponent(itemId)}`
      : `#/land/assessments/${encodeURIComponent(itemId)}`;
    for (const audience of audiences) {
      const _id = `${event.id}|${audience}`;
      const alert: AlertDoc = {
        _id,
        audience,
        process: 'cultivated-land',
        itemId,
        href,
        docNo: (r ?? a)!.docNo,
        ref: r ? r.ref : '三(十)',
        title,
        colour,
        kind: escalation ? 'accountability_escalated' : 'colour_changed',
        message,
        leadUnits: units,
        eventId: event.id,
        createdAt: new Date(event.time),
      };
      await raiseProcessAlert({ ...deps, source: CL_ALERTS_SOURCE }, event, alert);
    }
  };
}
