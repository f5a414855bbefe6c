// Query and response schemas of the land-transfer API: the router validates with them and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import { ColourSchema } from '@duban/contracts';
import {
  ApplicationSnapshotSchema,
  StageSchema,
  TierSchema,
  TransferActionNameSchema,
} from '@duban/workflow-land-transfer/client';

export const LtQuery = {
  applications: z.object({
    stage: StageSchema.optional(),
    tier: TierSchema.optional(),
    colour: ColourSchema.optional(),
    operatorCode: z.string().max(100).optional(),
  }),
};

const count = z.number().int();
export const LtViews = {
  started: z.object({
    applicationId: z.string(),
    created: z.boolean(),
    tier: TierSchema,
    areaMu: z.number(),
  }),
  application: ApplicationSnapshotSchema,
  applications: z.object({ applications: z.array(ApplicationSnapshotSchema) }),
  detail: z.object({
    application: ApplicationSnapshotSchema,
    /** The steps the signed-in user may take now (its grant and its unit); the console shows only these. */
    actions: z.array(TransferActionNameSchema),
    timeline: z.array(z.object({ fact: z.string(), summary: z.string(), at: z.string(), version: count })),
  }),
  summary: z.object({
    byStage: z.record(z.string(), z.record(z.string(), count)),
    deposits: z.object({
      held: count,
      heldYuan: z.number(),
      refunded: count,
      drawn: count,
      drawnYuan: z.number(),
    }),
    operators: z.array(
      z.object({
        operatorCode: z.string(),
        operatorName: z.string(),
        totalMu: z.number(),
        capMu: z.number(),
      }),
    ),
    reportsDue: z.array(
      z.object({
        applicationId: z.string(),
        operatorName: z.string(),
        period: z.string(),
        due: z.string(),
        colour: ColourSchema,
      }),
    ),
  }),
};
