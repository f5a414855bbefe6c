import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { EventHandler } from '@duban/bus';
import { alertId, attributionOf, raiseAlert, type RaiseDeps } from '@duban/service-alerts';
import { itemAlertFields, itemLine, unitName } from '../messages';

/**
 * An urge whose reply day passed unanswered (issue 23) turns red and goes up: to 督查室, who urged,
 * and to the leadership group.
 */
export function onUrgeOverdue(deps: RaiseDeps): EventHandler<typeof SupervisionEvents.UrgeOverdue.type> {
  return async (event) => {
    const { item, urge, unitCode, replyBy } = event.data;
    for (const audience of ['inspector', 'leader'] as const) {
      await raiseAlert(
        deps,
        {
          _id: alertId(event.id, audience),
          audience,
          ...itemAlertFields(item),
          colour: 'red',
          kind: 'urge_overdue',
          message: `【催办逾期】${itemLine(item)}第${urge}次催办，${unitName(unitCode)}应于${replyBy}前反馈，至今未反馈`,
          leadUnits: [unitCode],
          eventId: event.id,
          createdAt: new Date(event.time),
        },
        attributionOf(event),
      );
    }
  };
}
