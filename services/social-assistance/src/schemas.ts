// Query and response schemas of the social-assistance API: the router validates with them and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import { ColourSchema } from '@duban/contracts';
import {
  CaseActionNameSchema,
  CaseSnapshotSchema,
  CaseStepSchema,
  PlanSchema,
  PurchaseActionNameSchema,
  PurchaseSnapshotSchema,
} from '@duban/workflow-social-assistance/client';

const count = z.number().int();
const TimelineSchema = z.array(
  z.object({ fact: z.string(), summary: z.string(), at: z.string(), version: count }),
);

export const SaBodies = {
  /** POST /social-assistance/purchases: the year's purchase; its plan as month-part phrases (六). */
  open: z.object({ year: z.number().int().min(2019).max(2100), plan: PlanSchema.optional() }).strict(),
};

export const SaQuery = {
  cases: z.object({
    townCode: z.string().max(100).optional(),
    step: CaseStepSchema.optional(),
    colour: ColourSchema.optional(),
  }),
};

export const SaViews = {
  opened: z.object({ purchaseId: z.string(), created: z.boolean() }),
  purchase: PurchaseSnapshotSchema,
  purchases: z.object({ purchases: z.array(PurchaseSnapshotSchema) }),
  purchaseDetail: z.object({
    purchase: PurchaseSnapshotSchema,
    actions: z.array(PurchaseActionNameSchema),
    timeline: TimelineSchema,
  }),
  taken: z.object({ caseId: z.string(), created: z.boolean() }),
  case: CaseSnapshotSchema,
  cases: z.object({ cases: z.array(CaseSnapshotSchema) }),
  caseDetail: z.object({
    case: CaseSnapshotSchema,
    actions: z.array(CaseActionNameSchema),
    timeline: TimelineSchema,
  }),
  summary: z.object({
    purchases: z.array(
      z.object({
        purchaseId: z.string(),
        colour: ColourSchema,
        budgetYuan: z.number(),
        paidYuan: z.number(),
        duePayments: count,
        latePayments: count,
        vacancies: count,
      }),
    ),
    casesByTown: z.record(z.string(), z.record(z.string(), count)),
    casesRed: count,
  }),
};
