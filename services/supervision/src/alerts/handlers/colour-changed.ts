import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import type { EventHandler } from '@duban/bus';
import type { AlertAudience } from '@duban/contracts';
import { colourChangeMessage, itemAlertFields, overdueMessage } from '../messages';
import { alertId, attributionOf, raiseAlert, type RaiseDeps } from '@duban/service-alerts';

/**
 * Every change of colour reaches the inspectors, drops back included; a change to red also
 * reaches the leadership group (DESIGN §5). A change to `none` is the closing of the item or a
 * sub-task: it ends the warning rather than raising one, and the timeline records it.
 */
export function onColourChanged(deps: RaiseDeps): EventHandler<typeof SupervisionEvents.ColourChanged.type> {
  return async (event) => {
    const { item, ...change } = event.data;
    if (change.to === 'none') return;
    const audiences: AlertAudience[] = change.to === 'red' ? ['inspector', 'leader'] : ['inspector'];
    for (const audience of audiences) {
      await raiseAlert(
        deps,
        {
          _id: alertId(event.id, audience),
          audience,
          ...itemAlertFields(item),
          colour: change.to,
          kind: 'colour_changed',
          message:
            audience === 'leader' ? overdueMessage(item, change.scope) : colourChangeMessage(item, change),
          leadUnits: item.leadUnits,
          eventId: event.id,
          createdAt: new Date(event.time),
        },
        attributionOf(event),
      );
    }
  };
}
