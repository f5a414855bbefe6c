import { KindergartenEvents } from '@duban/workflow-kindergarten/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import { applyHold } from '../../permits';
import type { PermitHolder } from '../holder';

export const handles = KindergartenEvents.HoldPlaced;
type Data = EventData<typeof handles.type>;

/** A project's permit is held until its kindergarten case is rectified (三(一)). */
export const onHoldPlaced = (holder: PermitHolder) => async (event: CloudEvent<string, Data>) =>
  applyHold(holder.permits, holder.holdKind, event.data, event.time);
