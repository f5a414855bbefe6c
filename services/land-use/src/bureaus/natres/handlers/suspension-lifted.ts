import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import type { Db } from 'mongodb';
import { recordTownSuspension, townSuspensionOf } from '../../../suspensions';

export const handles = CultivatedEvents.SuspensionLifted;
type Data = EventData<typeof handles.type>;

/** The rectification passed: the suspension it names is lifted, never a later one. */
export const onSuspensionLifted = (db: Db) => async (event: CloudEvent<string, Data>) =>
  recordTownSuspension(db, townSuspensionOf(event));
