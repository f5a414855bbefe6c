import { z } from 'zod';
import { ColourSchema, defineEvent, registerEvents } from '@duban/contracts';
import { CaseSnapshotSchema, PurchaseSnapshotSchema } from './model';

/** Every fact carries the purchase (or the case) after it: the read models are upserts by version. */
const withPurchase = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ purchase: PurchaseSnapshotSchema, ...shape });
const withCase = <S extends z.ZodRawShape>(shape: S) => z.object({ case: CaseSnapshotSchema, ...shape });
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('social_assistance', name, 1, schema);
/** A deadline's colour moved on the ladder (DESIGN §5): which one, and why. */
const colourChange = {
  deadline: z.string(),
  from: ColourSchema,
  to: ColourSchema,
  reason: z.string(),
  ref: z.string(),
};

/** Facts of 购买社会救助服务 (青政办发〔2019〕39号), in the past tense. */
export const SocialAssistanceEvents = registerEvents({
  PurchaseOpened: fact('purchase_opened', withPurchase({})),
  PlanStepDone: fact('plan_step_done', withPurchase({ step: z.string(), late: z.boolean() })),
  ContractSigned: fact('contract_signed', withPurchase({})),
  ServiceYearStarted: fact('service_year_started', withPurchase({ serviceYear: z.number().int() })),
  PaymentRecorded: fact(
    'payment_recorded',
    withPurchase({ payment: z.string(), amountYuan: z.number(), late: z.boolean() }),
  ),
  OfficersDispatched: fact('officers_dispatched', withPurchase({ count: z.number().int() })),
  RosterChanged: fact('roster_changed', withPurchase({ seat: z.number().int(), vacant: z.boolean() })),
  EvaluationPassed: fact('evaluation_passed', withPurchase({ evaluation: z.string() })),
  EvaluationFailed: fact('evaluation_failed', withPurchase({ evaluation: z.string(), held: z.string() })),
  PaymentReleased: fact('payment_released', withPurchase({ payment: z.string(), due: z.string() })),
  RectificationDone: fact('rectification_done', withPurchase({ evaluation: z.string() })),
  PurchaseColourChanged: fact('purchase_colour_changed', withPurchase(colourChange)),
  PurchaseEnded: fact('purchase_ended', withPurchase({})),
  CaseTaken: fact('case_taken', withCase({})),
  CaseStepDone: fact('case_step_done', withCase({ step: z.string(), late: z.boolean() })),
  CaseDecided: fact('case_decided', withCase({ approved: z.boolean() })),
  CaseColourChanged: fact('case_colour_changed', withCase(colourChange)),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'social-assistance': typeof SocialAssistanceEvents;
  }
}
