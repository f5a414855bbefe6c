// Query and response schemas of the land-use API: the router validates with them and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import { ColourSchema } from '@duban/contracts';
import {
  CompensationParcelSchema,
  LandCaseSnapshotSchema,
  LedgerBalanceSchema,
  OccupationKindSchema,
  OccupationSchema,
  OccupationStateSchema,
  TownCodeSchema,
} from '@duban/workflow-land-use/client';

export const LandQuerySchemas = {
  occupations: z.object({
    state: OccupationStateSchema.optional(),
    townCode: TownCodeSchema.optional(),
    kind: OccupationKindSchema.optional(),
  }),
  cases: z.object({
    townCode: TownCodeSchema.optional(),
    colour: ColourSchema.optional(),
    major: z.enum(['true', 'false']).optional(),
    open: z.enum(['true', 'false']).optional(),
  }),
};

const named = { townName: z.string().nullable() };

export const LandViews = {
  ledger: z.object({
    ledgerId: z.string(),
    balance: LedgerBalanceSchema.nullable(),
    parcels: z.array(CompensationParcelSchema.extend(named)),
    queue: z.array(OccupationSchema),
    temporary: z.array(OccupationSchema),
    version: z.number().int(),
    suspendedTowns: z.array(z.string()),
  }),
  compensationAccepted: z.object({
    parcel: CompensationParcelSchema,
    balance: LedgerBalanceSchema,
    queue: z.array(OccupationSchema),
  }),
  occupationDecided: z.object({ occupation: OccupationSchema, balance: LedgerBalanceSchema }),
  occupations: z.object({ occupations: z.array(OccupationSchema.extend(named)) }),
  occupation: OccupationSchema.extend(named),
  reclamations: z.object({ reclamations: z.array(OccupationSchema.extend(named)) }),
  caseStarted: z.object({ caseId: z.string(), created: z.boolean() }),
  cases: z.object({ cases: z.array(LandCaseSnapshotSchema.extend(named)) }),
  case: LandCaseSnapshotSchema,
  caseDetail: z.object({
    case: LandCaseSnapshotSchema.extend(named),
    timeline: z.array(
      z.object({
        _id: z.string(),
        thingId: z.string(),
        version: z.number().int(),
        fact: z.string(),
        summary: z.string(),
        at: z.string(),
        actor: z.object({
          userId: z.string().nullable(),
          unitCode: z.string().nullable(),
          requestId: z.string().nullable(),
        }),
      }),
    ),
  }),
};
