import { z } from 'zod';
import type { Actor } from '@duban/contracts';
import { CivilDateSchema, UnitCodeSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import { HouseholdSchema, NameSchema, PlanSchema, ScoresSchema } from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const on = z.object({ on: CivilDateSchema });
const yuan = z
  .number()
  .positive('must be greater than 0')
  .max(1e9)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'at most 2 decimals (0.01 元)');
const seat = z.number().int().min(1).max(12);
const officer = z.object({ code: UnitCodeSchema, name: NameSchema }).strict();

/** Bodies of POST /api/social-assistance/purchases/:id/actions/:action (the same schemas validate the Update). */
export const PurchaseActionBodies = {
  /** 六(一): 民政局's plan, reported to and approved by the city government. */
  apply: on.strict(),
  /** 六(二): the provider chosen through government procurement (四: its qualifications). */
  procure: on.extend({ provider: officer }).strict(),
  /** 六(三): the purchase contract; it takes effect on `effectiveOn` (六(四) counts from it). */
  contract: z.object({ signedOn: CivilDateSchema, effectiveOn: CivilDateSchema }).strict(),
  /** 六(四), 七(一): 财政局 records one payment. */
  pay: on.extend({ payment: z.string().regex(/^Y[1-3]-(first|mid|final)$/), amountYuan: yuan }).strict(),
  /** 六(五): the provider's officers recruited, trained and dispatched to their seats. */
  dispatch: on.extend({ officers: z.array(officer.extend({ seat })).min(1).max(12) }).strict(),
  /** 四(四), 五(六): a seat vacated (null) or filled again from the reserve (递补). */
  staff: on.extend({ seat, officer: officer.nullable() }).strict(),
  /** 七(三): the half-yearly evaluation by 民政局's panel. */
  evaluate: on
    .extend({
      evaluation: z.string().regex(/^Y[1-3]-H[12]$/),
      scores: ScoresSchema,
      passed: z.boolean(),
      panel: z.array(text(100)).min(1).max(30),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  /** 七(三), 五(六): the provider's rectification after a failed evaluation. */
  rectify: on.extend({ note: text(2000) }).strict(),
} as const;
export type PurchaseActionName = keyof typeof PurchaseActionBodies;
export const PurchaseActionNameSchema = z.enum(Object.keys(PurchaseActionBodies) as [PurchaseActionName]);

export interface PurchaseCommand {
  action: PurchaseActionName;
  actor: Actor;
  body: Record<string, unknown>;
}
export const PurchaseCommandSchema = actionCommandSchema(PurchaseActionBodies);

/** The start of one purchase's workflow; the settings come from packages/policy. */
export const StartPurchaseSchema = z.object({
  purchaseId: z.string().min(1),
  year: z.number().int().min(2019).max(2100),
  plan: PlanSchema,
  /** `social-assistance.minimum-wage`: `2017-10-01:1560`. */
  minimumWage: z.string().regex(/^\d{4}-\d{2}-\d{2}:\d+(\.\d{1,2})?$/),
  openedBy: z.string().min(1),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  evaluationDueDays: z.number().int().min(1).max(90).default(15),
  rectificationDays: z.number().int().min(1).max(180).default(30),
});
export type StartPurchase = z.input<typeof StartPurchaseSchema>;

/** Bodies of POST /api/social-assistance/cases/:id/actions/:action. */
export const CaseActionBodies = {
  /** 五(五)2(2): 由调查人员和申请人签字确认. */
  investigate: on
    .extend({ signedByOfficer: z.literal(true), signedByApplicant: z.literal(true), findings: text(2000) })
    .strict(),
  /** 五(五)2(3): the village (resident) representatives' appraisal. */
  appraise: on
    .extend({ representatives: z.number().int().min(1).max(500), objections: z.boolean(), note: text(2000) })
    .strict(),
  /** 五(五)2(4): 民政局's spot check. */
  'spot-check': on.extend({ confirmed: z.boolean(), note: text(2000) }).strict(),
  /** The town (street) decides. */
  decide: on.extend({ approved: z.boolean(), reasons: text(2000) }).strict(),
} as const;
export type CaseActionName = keyof typeof CaseActionBodies;
export const CaseActionNameSchema = z.enum(Object.keys(CaseActionBodies) as [CaseActionName]);
export interface CaseCommand {
  action: CaseActionName;
  actor: Actor;
  body: Record<string, unknown>;
}
export const CaseCommandSchema = actionCommandSchema(CaseActionBodies);

/** Body of POST /api/social-assistance/cases: the officer takes an application on a household's behalf. */
export const TakeCaseSchema = z.object({ takenOn: CivilDateSchema, household: HouseholdSchema }).strict();

export const StartHouseholdCaseSchema = z.object({
  caseId: z.string().min(1),
  household: HouseholdSchema,
  officer: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  takenOn: CivilDateSchema,
  openedBy: z.string().min(1),
  stepWorkingDays: z.number().int().min(1).max(60).default(10),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
});
export type StartHouseholdCase = z.input<typeof StartHouseholdCaseSchema>;
