import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { EventHandler } from '@duban/bus';
import { escalationMessage, itemAlertFields } from '../messages';
import { alertId, attributionOf, raiseAlert, type RaiseDeps } from '@duban/service-alerts';

/** An item red for longer than its escalation threshold goes to the leadership group. */
export function onOverdueEscalated(
  deps: RaiseDeps,
): EventHandler<typeof SupervisionEvents.OverdueEscalated.type> {
  return async (event) => {
    const { item, redDays } = event.data;
    await raiseAlert(
      deps,
      {
        _id: alertId(event.id, 'leader'),
        audience: 'leader',
        ...itemAlertFields(item),
        colour: item.overallColour,
        kind: 'overdue_escalated',
        message: escalationMessage(item, redDays),
        leadUnits: item.leadUnits,
        eventId: event.id,
        createdAt: new Date(event.time),
      },
      attributionOf(event),
    );
  };
}
