import { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import { applyHold } from '../../permits';
import type { PermitHolder } from '../holder';

export const handles = KindergartenEvents.HoldLifted;
type Data = EventData<typeof handles.type>;

/** The case reached the step that rectifies the project; the hold lifts. */
export const onHoldLifted = (holder: PermitHolder) => async (event: CloudEvent<string, Data>) =>
  applyHold(holder.permits, holder.holdKind, event.data, event.time);
