import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { recordTownSuspension, townSuspensionOf } from '../../../suspensions';

export const handles = CultivatedEvents.LandBusinessSuspended;
type Data = EventData<typeof handles.type>;

/** The town failed its assessment: its land business is suspended while it rectifies (三(十)). */
export const onLandBusinessSuspended = (db: Db) => async (event: CloudEvent<string, Data>) =>
  recordTownSuspension(db, townSuspensionOf(event));
