// Every tourism fact carries its trip or settlement after it: the read models are upserts by
// version, so a redelivered or late fact never rolls them back.
import type { CloudEvent } from '@duban/contracts';
import { confirmers, type SettlementSnapshot, type TripSnapshot } from '@duban/workflow-tourism';
import { upsertNewer } from '@duban/store';
import type { Db } from 'mongodb';
import { settlements, trips } from '../collections';
import { syncSettlementInbox, syncTripInbox } from './inbox';
import { recordTimeline } from './timeline';

export const onTripFact = (db: Db) => async (event: CloudEvent<string, { trip: TripSnapshot }>) => {
  const t = event.data.trip;
  const at = new Date(event.time);
  const doc = {
    ...t,
    _id: t.tripId,
    month: t.arrival.slice(0, 7),
    confirmerCodes: confirmers(t).map((c) => c.code),
    updatedAt: at,
  };
  if (await upsertNewer(trips(db), doc)) await syncTripInbox(db, t, at);
  await recordTimeline(db, event as never, t.tripId, t.version);
};

export const onSettlementFact =
  (db: Db) => async (event: CloudEvent<string, { settlement: SettlementSnapshot }>) => {
    const s = event.data.settlement;
    const at = new Date(event.time);
    if (await upsertNewer(settlements(db), { ...s, _id: s.settlementId, updatedAt: at }))
      await syncSettlementInbox(db, s, at);
    await recordTimeline(db, event as never, s.settlementId, s.version);
  };
