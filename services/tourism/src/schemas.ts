// Query and response schemas of the tourism API: the router validates with them and the OpenAPI
// document is generated from them.
import { z } from 'zod';
import { CivilDateSchema } from '@duban/contracts';
import {
  SettlementSnapshotSchema,
  TripKindSchema,
  TripSnapshotSchema,
  TripStatusSchema,
} from '@duban/workflow-tourism/client';

const year = z.coerce.number().int().min(2019).max(2100);

export const TourismQuerySchemas = {
  trips: z.object({
    agency: z.string().optional(),
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, 'expected a month YYYY-MM')
      .optional(),
    kind: TripKindSchema.optional(),
    status: TripStatusSchema.optional(),
  }),
  windows: z.object({ days: z.coerce.number().int().min(0).max(90).default(7) }),
  year: z.object({ year }),
};

const TripView = TripSnapshotSchema.extend({ month: z.string(), confirmerCodes: z.array(z.string()) });
const RankedSchema = z.object({
  agencyCode: z.string(),
  total: z.number().int(),
  overnight: z.number().int(),
  voided: z.boolean(),
  rank: z.number().int(),
  prize: z.number(),
});

export const TourismViews = {
  started: z.object({ tripId: z.string(), created: z.boolean(), claimDeadline: CivilDateSchema }),
  trip: TripSnapshotSchema,
  trips: z.object({ trips: z.array(TripView) }),
  tripDetail: z.object({
    trip: TripView,
    timeline: z.array(z.object({ _id: z.string(), fact: z.string(), summary: z.string() }).loose()),
  }),
  settlement: SettlementSnapshotSchema,
  settlements: z.object({ settlements: z.array(SettlementSnapshotSchema.loose()) }),
  ranking: z.object({ year: z.number().int(), ranked: z.array(RankedSchema) }),
  totals: z.object({
    year: z.number().int(),
    byKind: z.array(
      z.object({
        kind: TripKindSchema,
        trips: z.number().int(),
        verified: z.number().int(),
        visitors: z.number().int(),
      }),
    ),
    unclaimable: z.number().int(),
    agencies: z.number().int(),
    amount: z.number(),
  }),
};
