import { z } from 'zod';
import { ColourSchema, defineEvent, registerEvents } from '@duban/contracts';
import { ApplicationSnapshotSchema, DecisionSchema, RiskClauseSchema } from './model';

/** Every fact carries the application after it: the read models are upserts by version. */
const withApplication = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ application: ApplicationSnapshotSchema, ...shape });
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('land_transfer', name, 1, schema);

/** Facts of one land-transfer application (青政发〔2019〕34号), in the past tense. */
export const LandTransferEvents = registerEvents({
  ApplicationFiled: fact('application_filed', withApplication({})),
  MeetingPassed: fact('meeting_passed', withApplication({ share: z.string() })),
  MeetingFailed: fact('meeting_failed', withApplication({ share: z.string(), reason: z.string() })),
  TownReviewed: fact('town_reviewed', withApplication({ decision: DecisionSchema })),
  ReviewDecided: fact('review_decided', withApplication({ decision: DecisionSchema, reasons: z.string() })),
  ContractSigned: fact('contract_signed', withApplication({})),
  ContractFiled: fact('contract_filed', withApplication({ unitCode: z.string() })),
  RentAndDepositSettled: fact('rent_and_deposit_settled', withApplication({})),
  ReportSubmitted: fact('report_submitted', withApplication({ period: z.string(), late: z.boolean() })),
  ReportColourChanged: fact(
    'report_colour_changed',
    withApplication({ from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  Supervised: fact('supervised', withApplication({ year: z.number().int() })),
  SupervisionColourChanged: fact(
    'supervision_colour_changed',
    withApplication({ year: z.number().int(), from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
  RiskCaseOpened: fact('risk_case_opened', withApplication({ clause: RiskClauseSchema })),
  DepositDrawn: fact(
    'deposit_drawn',
    withApplication({ clause: RiskClauseSchema, amountYuan: z.number(), arrangement: z.string() }),
  ),
  RiskCaseClosed: fact('risk_case_closed', withApplication({})),
  TermEnded: fact('term_ended', withApplication({})),
  DepositRefunded: fact('deposit_refunded', withApplication({})),
  ApplicationClosed: fact('application_closed', withApplication({})),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'land-transfer': typeof LandTransferEvents;
  }
}
