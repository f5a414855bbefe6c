// 引客入青奖励 (青政办发〔2019〕34号, DESIGN §7.5): trips filed by travel agencies, their claims with
// counts confirmed by scenic spots and hotels, and each agency's settlement of the year.
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';

export const TOURISM_DOC_NO = '青政办发〔2019〕34号';
/** 青铜峡市旅游营销中心 (under 文化旅游体育广电局): it receives filings, reviews and settles. */
export const MARKETING_CENTRE = 'tourism-marketing';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const instant = z.iso.datetime({ offset: true });

export const TripKindSchema = z.enum(['charter', 'train', 'coach', 'day', 'overnight']);
export const SpotGradeSchema = z.enum(['5A', '4A', '3A', 'other']);

/** A travel agency, self-drive club or other tourism business (一、奖励范围), by its unit code. */
export const PartyRefSchema = z.object({ code: UnitCodeSchema, name: text(100) });

/** A scenic spot of the itinerary (四(二): 黄河楼、黄河大峡谷(含黄河坛) …). */
export const SpotSchema = PartyRefSchema.extend({ grade: SpotGradeSchema });

/** 具体行程安排（包括进入的景区、餐饮地点和游客住宿的宾馆）. */
export const ItinerarySchema = z.object({
  spots: z.array(SpotSchema).min(1, 'at least one scenic spot').max(10),
  meals: z.array(text(100)).max(10).default([]),
  hotel: PartyRefSchema.nullable().default(null),
});

export const CoachSchema = z.object({ plate: text(20), seats: z.number().int().min(1).max(80) });

export const ClaimSchema = z.object({
  claimedAt: instant,
  claimedOn: CivilDateSchema,
  claimedBy: z.string(),
  claimedVisitors: z.number().int(),
  meal: z.boolean(),
  photos: z.array(z.string()),
});

export const ConfirmationSchema = z.object({
  unitCode: z.string(),
  name: z.string(),
  role: z.enum(['spot', 'hotel']),
  count: z.number().int(),
  ticket: z.boolean(),
  at: instant,
  by: z.string(),
});

export const RewardLineSchema = z.object({
  item: z.string(),
  kind: z.enum([
    'charter',
    'train',
    'coach',
    'day-tour',
    'overnight',
    'express-line',
    'best-agency',
    'train-bonus',
    'charter-bonus',
  ]),
  basis: z.string(),
  amount: z.number(),
});

export const TripTallySchema = z.object({
  total: z.number().int(),
  dayOneSpot: z.number().int(),
  dayTwoSpots: z.number().int(),
  overnight: z.number().int(),
});

export const TripStatusSchema = z.enum([
  'filed',
  'claimed',
  'verified',
  'rejected',
  'unclaimable',
  'refused',
]);
export const TripStatuses: Record<z.infer<typeof TripStatusSchema>, string> = {
  filed: '已备案',
  claimed: '已申请，待核实',
  verified: '已审核',
  rejected: '审核未通过',
  unclaimable: '逾期未申请，不再受理',
  refused: '备案逾期，不予受理',
};

export const TripSnapshotSchema = z.object({
  tripId: z.string(),
  docNo: z.string(),
  agency: PartyRefSchema,
  kind: TripKindSchema,
  year: z.number().int(),
  guide: z.object({ name: z.string(), phone: z.string() }),
  arrival: CivilDateSchema,
  departure: CivilDateSchema,
  headCount: z.number().int(),
  itinerary: z.object({
    spots: z.array(SpotSchema),
    meals: z.array(z.string()),
    hotel: PartyRefSchema.nullable(),
  }),
  contractRef: z.string().nullable(),
  ticketSummary: z.string().nullable(),
  coaches: z.array(CoachSchema),
  outOfRegion: z.boolean(),
  blockBooking: z.boolean(),
  filedAt: instant,
  filedOn: CivilDateSchema,
  filingDeadline: CivilDateSchema,
  claimDeadline: CivilDateSchema,
  status: TripStatusSchema,
  colour: ColourSchema,
  claim: ClaimSchema.nullable(),
  confirmations: z.array(ConfirmationSchema),
  /** Visitors counted (三.2: the smallest confirmed count), once verified. */
  counted: z.number().int().nullable(),
  rewards: z.array(RewardLineSchema),
  tally: TripTallySchema.nullable(),
  closedAt: instant.nullable(),
  closedReason: z.string().nullable(),
  version: z.number().int(),
});
export type TripSnapshot = z.infer<typeof TripSnapshotSchema>;

export const ExpressLineSchema = z.object({
  lineId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'expected a line id such as L-2019-01'),
  route: text(200),
  coaches: z.number().int().min(0).max(100),
  branded: z.boolean(),
  destinationGrade: SpotGradeSchema,
  monthsOnSchedule: z.number().int().min(0).max(12),
  majorAccident: z.boolean(),
});
export type ExpressLineRecord = z.infer<typeof ExpressLineSchema>;

/** 四(一): 损害旅游者合法权益; 重大安全责任事故; 弄虚作假. */
export const VoidGroundSchema = z.enum(['harm', 'accident', 'fraud']);
export const VoidGrounds: Record<z.infer<typeof VoidGroundSchema>, string> = {
  harm: '有损害旅游者合法权益的（四(一)1）',
  accident: '出现重大安全责任事故的（四(一)2）',
  fraud: '弄虚作假，有违反经营行为的（四(一)3）',
};

export const SettlementStatusSchema = z.enum(['open', 'due', 'settled']);
export const SettlementTripSchema = z.object({
  tripId: z.string(),
  kind: TripKindSchema,
  departure: CivilDateSchema,
  rewards: z.array(RewardLineSchema),
  tally: TripTallySchema,
});

export const SettlementSnapshotSchema = z.object({
  settlementId: z.string(),
  docNo: z.string(),
  agency: PartyRefSchema,
  year: z.number().int(),
  dueOn: CivilDateSchema,
  status: SettlementStatusSchema,
  trips: z.array(SettlementTripSchema),
  lines: z.array(ExpressLineSchema),
  totals: z.object({
    total: z.number().int(),
    overnight: z.number().int(),
    dayOneSpot: z.number().int(),
    dayTwoSpots: z.number().int(),
    rewardedTrains: z.number().int(),
    rewardedCharters: z.number().int(),
  }),
  /** The year's rewards as they stand, one line per reward kind (二.7 once settled). */
  rewardLines: z.array(RewardLineSchema),
  amount: z.number(),
  voiding: z
    .object({
      ground: VoidGroundSchema,
      reason: z.string(),
      at: instant,
      by: z.string(),
      byName: z.string(),
      unitCode: z.string().nullable(),
    })
    .nullable(),
  bestAgency: z.object({ rank: z.number().int(), prize: z.number() }).nullable(),
  settledAt: instant.nullable(),
  version: z.number().int(),
});
export type SettlementSnapshot = z.infer<typeof SettlementSnapshotSchema>;
