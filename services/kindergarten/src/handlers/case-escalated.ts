import type { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { civilDateOf } from '@duban/calendar';
import type { CloudEvent, EventData } from '@duban/contracts';
import { unitName } from '@duban/workflow-kindergarten';
import { caseTitle } from '../inbox';
import { raiseCaseAlert, type RaiseAlertDeps } from './raise-alert';

type Data = EventData<typeof KindergartenEvents.CaseEscalated.type>;

/** A case red for longer than its threshold goes to the leadership group (领导小组, DESIGN §7.2). */
export function onCaseEscalated(deps: RaiseAlertDeps) {
  return async (event: CloudEvent<string, Data>): Promise<void> => {
    const { case: c, redDays } = event.data;
    const late = c.steps.filter((s) => s.state !== 'done' && s.colour === 'red');
    const since = c.redSince ? `，自${civilDateOf(new Date(c.redSince))}起逾期` : '';
    const steps = late.map((s) => `${unitName(s.unitCode)}“${s.title}”（${s.deadline}）`).join('；');
    await raiseCaseAlert(deps, event, {
      _id: `${event.id}|leader`,
      audience: 'leader',
      itemId: c.caseId,
      docNo: c.docNo,
      ref: late[0]?.ref ?? '四(二)',
      title: caseTitle(c),
      colour: 'red',
      kind: 'overdue_escalated',
      message: `【逾期超过${redDays}天】${caseTitle(c)}${since}${steps ? `：${steps}` : ''}，请领导小组督办`,
      leadUnits: [...new Set(late.map((s) => s.unitCode))],
      eventId: event.id,
      createdAt: new Date(event.time),
    });
  };
}
