import { z } from 'zod';
import { ActorSchema, CivilDateSchema, type Actor } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import {
  CoachSchema,
  ExpressLineSchema,
  ItinerarySchema,
  PartyRefSchema,
  SettlementTripSchema,
  TripKindSchema,
  VoidGroundSchema,
} from './model';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/**
 * 《青铜峡市引客入青奖励政策备案登记表》 (三.1, 三.3(1), 三.4(1)): guide or planner and contact, dates,
 * head count, itinerary; for charters and trains the contract scan and the ticket summary; for
 * coaches the vehicles.
 */
export const TripFilingSchema = z
  .object({
    tripId: z.string().regex(/^[A-Za-z0-9-]{1,60}$/, 'expected a trip id such as T-2019-0001'),
    kind: TripKindSchema,
    guide: z.object({
      name: text(50),
      phone: z.string().regex(/^[0-9+\- ]{5,20}$/, 'expected a phone number'),
    }),
    arrival: CivilDateSchema,
    departure: CivilDateSchema,
    headCount: z.number().int().min(1).max(100_000),
    itinerary: ItinerarySchema,
    /** 包机、专列合同扫描件 (a stored document's reference). */
    contractRef: text(200).optional(),
    /** 游客信息及飞机票、火车票的汇总信息. */
    ticketSummary: text(2000).optional(),
    coaches: z.array(CoachSchema).max(200).default([]),
    /** 区外游客 (二.3). */
    outOfRegion: z.boolean().default(false),
    /** 切位 (二.5). */
    blockBooking: z.boolean().default(false),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.departure < f.arrival)
      ctx.addIssue({ code: 'custom', path: ['departure'], message: 'departure before arrival' });
    if ((f.kind === 'charter' || f.kind === 'train') && !f.contractRef)
      ctx.addIssue({ code: 'custom', path: ['contractRef'], message: '包机、专列须报备合同扫描件（三.1）' });
    if ((f.kind === 'charter' || f.kind === 'train') && !f.ticketSummary)
      ctx.addIssue({
        code: 'custom',
        path: ['ticketSummary'],
        message: '包机、专列须报备机票、火车票汇总信息（三.1）',
      });
    if (f.kind === 'coach' && f.coaches.length === 0)
      ctx.addIssue({ code: 'custom', path: ['coaches'], message: '大巴团须报备车辆（三.3(1)）' });
  });
export type TripFiling = z.output<typeof TripFilingSchema>;

export const StartTripSchema = z.object({
  filing: TripFilingSchema,
  agency: PartyRefSchema,
  filedBy: ActorSchema,
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  monthlyClaimMonth: z.enum(['trip-month', 'next-month']).default('trip-month'),
});
export type StartTrip = z.input<typeof StartTripSchema>;

export const TripActionBodies = {
  /** 《申请表》 after the trip; coach groups carry the group photos (三.3(3)). */
  claim: z
    .object({
      claimedVisitors: z.number().int().min(1).max(100_000),
      meal: z.boolean().default(false),
      photos: z.array(text(300)).max(50).default([]),
    })
    .strict(),
  /** 由景区和宾馆核实接待人数 (三.2): the acting spot's or hotel's count. */
  'confirm-count': z
    .object({ count: z.number().int().min(0).max(100_000), ticket: z.boolean().default(true) })
    .strict(),
  verify: z.object({ note: z.string().trim().max(2000).optional() }).strict(),
  reject: z.object({ reason: text(2000) }).strict(),
} as const;
export type TripAction = keyof typeof TripActionBodies;
export const TripCommandSchema = actionCommandSchema(TripActionBodies);
export interface TripCommand {
  action: TripAction;
  actor: Actor;
  body: Record<string, unknown>;
}

export const StartSettlementSchema = z.object({
  agency: PartyRefSchema,
  year: z.number().int().min(2019).max(2100),
  dayTourScope: z.enum(['combined', 'per-spot-count']).default('combined'),
});
export type StartSettlement = z.input<typeof StartSettlementSchema>;

export const SettlementActionBodies = {
  'record-line': ExpressLineSchema.strict(),
  /** 四(一): the finding, with who found it and why. */
  void: z.object({ ground: VoidGroundSchema, reason: text(2000) }).strict(),
  /** 年底结算; `bestAgency`: the agency's place in the ranking of 二.7, as the service computed it. */
  settle: z
    .object({
      bestAgency: z
        .object({ rank: z.number().int().min(1).max(3), prize: z.number().int().positive() })
        .nullable()
        .default(null),
    })
    .strict(),
} as const;
export type SettlementAction = keyof typeof SettlementActionBodies;
export const SettlementCommandSchema = actionCommandSchema(SettlementActionBodies);
export interface SettlementCommand {
  action: SettlementAction;
  actor: Actor;
  body: Record<string, unknown>;
}

/** A trip's verified claim, told by the trip workflow to its agency's settlement of the year. */
export const ClaimVerifiedSignalSchema = SettlementTripSchema;
export type ClaimVerifiedSignal = z.infer<typeof ClaimVerifiedSignalSchema>;
