import { z } from 'zod';
import type { Actor } from '@duban/contracts';
import { ActorSchema, CivilDateSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import {
  AreaMuSchema,
  KeyLevelSchema,
  LandCaseFactsSchema,
  OccupationKindSchema,
  QualityGradeSchema,
  TownCodeSchema,
  TransferBodySchema,
} from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** 补充耕地 accepted (验收合格) and entered into the ledger (二(三) 先补后占). */
export const AcceptCompensationSchema = z
  .object({
    parcelNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'expected a parcel number such as BC-2019-001'),
    townCode: TownCodeSchema,
    areaMu: AreaMuSchema,
    grade: QualityGradeSchema,
    sourceProject: text(200),
    acceptedOn: CivilDateSchema,
  })
  .strict();
export type AcceptCompensation = z.output<typeof AcceptCompensationSchema>;

/** A construction project asks to occupy cultivated land (permanently or temporarily). */
export const RequestOccupationSchema = z
  .object({
    project: text(200),
    townCode: TownCodeSchema,
    areaMu: AreaMuSchema,
    /** 等别 of the occupied land (1 best … 15 worst). */
    grade: QualityGradeSchema,
    keyLevel: KeyLevelSchema.default('none'),
    kind: OccupationKindSchema.default('permanent'),
    /** Wait in the queue when compensation is short instead of being refused. */
    waitIfShort: z.boolean().default(false),
  })
  .strict();
export type RequestOccupationBody = z.output<typeof RequestOccupationSchema>;
export type RequestOccupation = RequestOccupationBody & { occupationId: string };

export const ConfirmReclamationSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();

export interface LedgerCommand<B> {
  actor: Actor;
  body: B;
}

/** The whole ledger Updates (the validators' first check): who acts, and the body. */
export const AcceptCompensationCommandSchema = z.object({
  actor: ActorSchema,
  body: AcceptCompensationSchema,
  suspendedTowns: z.array(z.string()).optional(),
});
export const RequestOccupationCommandSchema = z.object({
  actor: ActorSchema,
  body: RequestOccupationSchema,
  /**
   * 临时用地复垦期限 in years (policy setting land.temporary-use-years), read by the service when
   * the request is made; requests without it take TEMPORARY_USE_MAX_YEARS (《土地管理法》第五十七条).
   */
  reclamationYears: z.number().int().min(1).max(5).optional(),
});
export const ConfirmReclamationCommandSchema = z.object({
  actor: ActorSchema,
  body: ConfirmReclamationSchema.extend({ occupationId: z.string().min(1) }),
});

/** The city's ledger as it is started (its one fixed id). */
export const StartLedgerSchema = z.object({
  ledgerId: z.string().min(1),
  warningWindowDays: z.number().int().min(0).max(60).optional(),
  continueAsNewAfter: z.number().int().min(1).optional(),
});

export const StartLandCaseSchema = z.object({
  caseId: z.string().min(1),
  facts: LandCaseFactsSchema,
  /** 办理期限 in calendar days from the day it was found (default 60). */
  handlingDays: z.number().int().min(1).max(730).default(60),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  /**
   * 基本农田以外的耕地: from this many mu a case is major (policy setting
   * land.major-case-cultivated-mu); cases started without it take MAJOR_CULTIVATED_MU.
   */
  majorCultivatedMu: z.number().positive().max(10_000).optional(),
});
export type StartLandCase = z.input<typeof StartLandCaseSchema>;

/** Body of POST /api/land/cases. */
export const OpenLandCaseSchema = LandCaseFactsSchema.extend({
  handlingDays: z.number().int().min(1).max(730).optional(),
}).strict();

/** Bodies of POST /api/land/cases/:id/actions/:action (the same schemas validate the Update). */
export const LandCaseActionBodies = {
  investigate: z.object({ note: text(2000) }).strict(),
  decide: z.object({ decision: text(2000) }).strict(),
  rectify: z.object({ note: text(2000) }).strict(),
  close: z.object({ note: z.string().trim().max(2000).optional() }).strict(),
  /** 移交纪委监委 / 司法机关 (二(七)). */
  transfer: z.object({ to: TransferBodySchema, reason: text(2000) }).strict(),
  /** 曝光 of a major typical case (二(七) 并予以曝光): where, and what was made public. */
  expose: z.object({ channel: text(200), summary: text(2000) }).strict(),
  /** 督查室 approves a later deadline (DESIGN §5 延期). */
  extend: z.object({ newDeadline: CivilDateSchema, reason: text(2000) }).strict(),
} as const;
export type LandCaseActionName = keyof typeof LandCaseActionBodies;
export const LandCaseActionNameSchema = z.enum(Object.keys(LandCaseActionBodies) as [LandCaseActionName]);
export interface LandCaseCommand {
  action: LandCaseActionName;
  actor: Actor;
  body: Record<string, unknown>;
}

/** The whole Update: a known action, its actor and its body (the validator's first check). */
export const LandCaseCommandSchema = actionCommandSchema(LandCaseActionBodies);
