import { z } from 'zod';
import type { Actor } from '@duban/contracts';
import { CivilDateSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import {
  ApplicationBodySchema,
  CONTRACT_COPIES,
  DecisionSchema,
  DepositArrangementSchema,
  ReviewChecksSchema,
  RiskClauseSchema,
  YuanSchema,
} from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const count = z.number().int().min(0).max(100_000);

/** 审查决定 of the town (city tier, first step) or of the deciding tier (第二十五–三十条). */
const ReviewDecisionSchema = z
  .object({
    on: CivilDateSchema,
    checks: ReviewChecksSchema,
    decision: DecisionSchema,
    /** 第三十条: the grounds, heard from the villagers (书面报告、专题座谈、现场查看). */
    reasons: text(2000),
    /** 第三十条: 对预防和化解矛盾风险、做好稳定工作提出具体要求. */
    requirements: z.string().trim().max(2000).optional(),
  })
  .strict();

/** Bodies of POST /api/land-transfer/applications/:id/actions/:action (the same schemas validate the Update). */
export const TransferActionBodies = {
  /** 第三十五条(二): the villagers' group meeting, members, present and in favour. */
  meeting: z
    .object({ heldOn: CivilDateSchema, members: count.min(1), present: count, inFavour: count })
    .strict(),
  'town-review': ReviewDecisionSchema,
  decide: ReviewDecisionSchema,
  /** 第二十条、第三十一条: the contract in four copies, with its start and end. */
  contract: z
    .object({ signedOn: CivilDateSchema, copies: z.array(z.enum(CONTRACT_COPIES)).min(1).max(4) })
    .strict(),
  file: z.object({ on: CivilDateSchema }).strict(),
  /** 第四十三–四十八条: rent paid and the deposit (or its decided alternative). */
  settle: z
    .object({
      on: CivilDateSchema,
      rentPaidOn: CivilDateSchema.nullable(),
      arrangement: DepositArrangementSchema,
      cleanRecord: z.boolean().default(false),
      fixedAssetsYuan: YuanSchema.optional(),
      paidYuan: YuanSchema.optional(),
    })
    .strict(),
  /** 第三十二条: the six-monthly report to 农经站. */
  report: z
    .object({
      period: z.string().regex(/^\d{4}H[12]$/, 'expected a half-year such as 2019H2'),
      on: CivilDateSchema,
      land: text(2000),
      rentPaid: text(2000),
      operations: text(2000),
      assetsLiabilities: text(2000),
      equity: text(2000),
    })
    .strict(),
  /** 第三十九条: the yearly supervision of 农业农村局 and the town. */
  supervise: z
    .object({ year: z.number().int().min(2019).max(2100), on: CivilDateSchema, findings: text(2000) })
    .strict(),
  /** 第四十九条: one of its events happened; the risk case opens and the deposit is drawn. */
  'risk-event': z.object({ clause: RiskClauseSchema, on: CivilDateSchema, note: text(2000) }).strict(),
  'close-risk': z.object({ on: CivilDateSchema, resolution: text(2000) }).strict(),
  /** 第四十三条: 合同期满，租赁者无违约行为的，风险保障金应当及时予以退还. */
  refund: z.object({ on: CivilDateSchema }).strict(),
} as const;
export type TransferActionName = keyof typeof TransferActionBodies;
export const TransferActionNameSchema = z.enum(Object.keys(TransferActionBodies) as [TransferActionName]);

/** What the service knows and the workflow cannot: the operator's area in its other applications (第二十三条). */
export const DecisionContextSchema = z.object({ operatorOtherMu: z.number().nonnegative() });

export interface TransferCommand {
  action: TransferActionName;
  actor: Actor;
  body: Record<string, unknown>;
  context?: z.infer<typeof DecisionContextSchema>;
}

export const TransferCommandSchema = actionCommandSchema(TransferActionBodies).and(
  z.object({ context: DecisionContextSchema.optional() }),
);

/** The reading of 第三十九条 the recorded histories ran with (the setting's default). */
export const SUPERVISION_DUE_DEFAULT = '12-31';

/** The start of one application's workflow; settings come from packages/policy. */
export const StartApplicationSchema = z.object({
  applicationId: z.string().min(1),
  application: ApplicationBodySchema,
  /** The operator's area in its other applications when it filed (第二十三条). */
  operatorOtherMu: z.number().nonnegative(),
  filedBy: z.string().min(1),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  reportDueDays: z.number().int().min(1).max(90).default(31),
  reportRedAfterDays: z.number().int().min(1).max(365).default(30),
  /**
   * 第三十九条 each year's supervision is due on this month-day (setting land-transfer.supervision-due,
   * our reading). Absent in recorded histories: they replay with 12-31, the value they ran with.
   */
  supervisionDue: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
    .default(SUPERVISION_DUE_DEFAULT),
});
export type StartApplication = z.input<typeof StartApplicationSchema>;

/** Body of POST /api/land-transfer/applications. */
export const FileApplicationSchema = ApplicationBodySchema;
