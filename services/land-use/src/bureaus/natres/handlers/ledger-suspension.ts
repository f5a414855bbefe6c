import { CultivatedEvents } from '@duban/workflow-cultivated-land/client';
import { type CloudEvent, type EventData } from '@duban/contracts';
import { townSuspensionOf } from '../../../suspensions';
import { tellLedgerSuspension, type LandTemporal } from '../../../temporal';

export const handles = [CultivatedEvents.LandBusinessSuspended, CultivatedEvents.SuspensionLifted] as const;
type Data = EventData<(typeof handles)[number]['type']>;

/**
 * The ledger workflow refuses occupations in a suspended town itself (三(十)): it learns each
 * assessment fact from here, as an Update whose id is derived from the event id.
 */
export const onSuspensionForLedger = (temporal: LandTemporal) => async (event: CloudEvent<string, Data>) =>
  tellLedgerSuspension(temporal, event.id, townSuspensionOf(event));
