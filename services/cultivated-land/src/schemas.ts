// Request and response schemas of the /api/land routes: the router validates with them and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import {
  AssessmentOutcomeSchema,
  AssessmentSnapshotSchema,
  RectificationCampaignSchema,
  RectificationSnapshotSchema,
} from '@duban/workflow-cultivated-land/client';
import { ColourSchema } from '@duban/contracts';

export const RectificationListQuery = z
  .object({
    campaignId: z.string().max(60).optional(),
    townCode: z.string().max(40).optional(),
    /** Only the rectifications with an open step of this unit (a bureau always sees its own). */
    unit: z.string().max(40).optional(),
    colour: ColourSchema.optional(),
  })
  .strict();

export const AssessmentListQuery = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, '应为四位年份')
      .transform(Number)
      .optional(),
    townCode: z.string().max(40).optional(),
  })
  .strict();

export const IdParams = z.object({ id: z.string().min(1).max(120) });
export const ActionParams = z.object({ id: z.string().min(1).max(120), action: z.string() });
export const TownParams = z.object({ townCode: z.string().min(1).max(40) });

export const TimelineEntrySchema = z.object({
  _id: z.string(),
  itemId: z.string(),
  kind: z.enum(['rectification', 'assessment']),
  version: z.number(),
  fact: z.string(),
  summary: z.string(),
  at: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    unitCode: z.string().nullable(),
    requestId: z.string().nullable(),
  }),
  data: z.record(z.string(), z.unknown()),
});

export const CampaignView = RectificationCampaignSchema.extend({
  createdAt: z.string(),
  createdBy: z.string(),
});

export const OpenCampaignResponse = z.object({
  campaign: RectificationCampaignSchema,
  rectifications: z.array(
    z.object({ rectificationId: z.string(), townCode: z.string(), created: z.boolean() }),
  ),
});

export const RectificationListResponse = z.object({
  unit: z.string().nullable(),
  rectifications: z.array(RectificationSnapshotSchema),
});
export const RectificationDetail = z.object({
  rectification: RectificationSnapshotSchema,
  timeline: z.array(TimelineEntrySchema),
});

export const SetTargetsResponse = z.object({
  year: z.number(),
  assessments: z.array(z.object({ assessmentId: z.string(), townCode: z.string(), created: z.boolean() })),
});

export const AssessmentListResponse = z.object({
  year: z.number().nullable(),
  counts: z.object({
    total: z.number(),
    reporting: z.number(),
    assessing: z.number(),
    commended: z.number(),
    /** Every target met, not commended (the city's assessments, 三(十)). */
    passed: z.number(),
    criticised: z.number(),
    suspended: z.number(),
    escalated: z.number(),
  }),
  assessments: z.array(AssessmentSnapshotSchema),
});
export const AssessmentDetail = z.object({
  assessment: AssessmentSnapshotSchema,
  timeline: z.array(TimelineEntrySchema),
});

export const SuspensionView = z.object({
  townCode: z.string(),
  townName: z.string(),
  suspended: z.boolean(),
  assessmentId: z.string().nullable(),
  year: z.number().nullable(),
  reason: z.string().nullable(),
  since: z.string().nullable(),
  rectificationDeadline: z.string().nullable(),
  liftedAt: z.string().nullable(),
});

export const TownView = z.object({
  townCode: z.string(),
  townName: z.string(),
  rectification: z
    .object({
      rectificationId: z.string(),
      campaignId: z.string(),
      phase: z.string(),
      colour: ColourSchema,
      currentStep: z.string().nullable(),
    })
    .nullable(),
  assessment: z
    .object({
      assessmentId: z.string(),
      year: z.number(),
      phase: z.string(),
      outcome: AssessmentOutcomeSchema.nullable(),
      colour: ColourSchema,
      escalated: z.boolean(),
    })
    .nullable(),
  suspension: SuspensionView,
});
export const TownsResponse = z.object({ towns: z.array(TownView) });
