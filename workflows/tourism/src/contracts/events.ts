import { z } from 'zod';
import { ColourSchema, defineEvent, registerEvents } from '@duban/contracts';
import { SettlementSnapshotSchema, TripSnapshotSchema } from './model';

const trip = { trip: TripSnapshotSchema };
const settlement = { settlement: SettlementSnapshotSchema };
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('tourism', name, 1, schema);

/** Facts of 引客入青 (青政办发〔2019〕34号): each carries the trip or the settlement after it. */
export const TourismEvents = registerEvents({
  TripFiled: fact('trip_filed', z.object(trip)),
  TripFilingRefused: fact('trip_filing_refused', z.object({ ...trip, reason: z.string() })),
  ClaimWindowColourChanged: fact(
    'claim_window_colour_changed',
    z.object({ ...trip, from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  TripClaimed: fact('trip_claimed', z.object(trip)),
  CountConfirmed: fact(
    'count_confirmed',
    z.object({ ...trip, unitCode: z.string(), count: z.number().int() }),
  ),
  ClaimVerified: fact('claim_verified', z.object(trip)),
  ClaimRejected: fact('claim_rejected', z.object({ ...trip, reason: z.string() })),
  TripClosedUnclaimed: fact('trip_closed_unclaimed', z.object({ ...trip, reason: z.string() })),
  SettlementOpened: fact('settlement_opened', z.object(settlement)),
  SettlementClaimRecorded: fact('settlement_claim_recorded', z.object({ ...settlement, tripId: z.string() })),
  ExpressLineRecorded: fact('express_line_recorded', z.object({ ...settlement, lineId: z.string() })),
  SettlementDue: fact('settlement_due', z.object(settlement)),
  AgencyVoided: fact('agency_voided', z.object(settlement)),
  SettlementSettled: fact('settlement_settled', z.object(settlement)),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    tourism: typeof TourismEvents;
  }
}
