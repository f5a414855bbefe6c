// The rest of the 督办 lifecycle (issue 23): 催办 with a reply deadline, 转办/改派, a handling
// person (承办人) inside a unit, and the rating (办结评价) given at 销号. Kept apart from
// commands.ts so the item's first actions read as before; ActionBodies takes these in.
import { z } from 'zod';
import { CivilDateSchema, UnitCodeSchema } from '@duban/contracts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const instant = z.iso.datetime({ offset: true });

/** 办结评价: the four grades an office gives a closed item (考核细则 of the office, our reading). */
export const Ratings = { good: '好', fairly_good: '较好', average: '一般', poor: '差' } as const;
export const RatingSchema = z.enum(Object.keys(Ratings) as [keyof typeof Ratings]);
export type Rating = z.infer<typeof RatingSchema>;

/** Bodies of the lifecycle actions (POST /api/items/:id/actions/<name>, and the Update). */
export const LifecycleBodies = {
  /**
   * 催办: press a unit for an answer by `replyBy` (absent: the service's setting of working days,
   * supervision.urge-reply-working-days). `unitCode`: the lead (default) or a co-operating unit.
   */
  urge: z
    .object({ message: text(2000), unitCode: UnitCodeSchema.optional(), replyBy: CivilDateSchema.optional() })
    .strict(),
  /** 反馈: the urged unit answers urge number `urge`. */
  'answer-urge': z.object({ urge: z.number().int().min(1), text: text(5000) }).strict(),
  /** 转办申请: a unit that is not responsible asks 督查室 to take the item (or its sub-task) back. */
  'request-handback': z.object({ reason: text(2000) }).strict(),
  /**
   * 改派: 督查室 moves the unit's part to `toUnit` (the unit that asked, or `fromUnit`), keeping the
   * deadline or resetting it to `newDeadline`, by decision.
   */
  reassign: z
    .object({
      fromUnit: UnitCodeSchema.optional(),
      toUnit: UnitCodeSchema,
      deadline: z.enum(['keep', 'reset']),
      newDeadline: CivilDateSchema.optional(),
      opinion: text(2000),
    })
    .strict(),
  /** 督查室 keeps the item with the unit that asked to hand it back. */
  'refuse-handback': z.object({ opinion: text(2000) }).strict(),
  /** 承办人: a unit's 督办员 gives its step of the item to one of the unit's users. */
  'assign-handler': z
    .object({ handler: z.string().trim().min(1).max(64), handlerName: z.string().max(100).optional() })
    .strict(),
} as const;

export type LifecycleAction = keyof typeof LifecycleBodies;
export const isLifecycleAction = (action: string): action is LifecycleAction => action in LifecycleBodies;

/** Who may take each lifecycle action (催办: 督查室 or a leader). */
export const LifecycleRoles = {
  urge: ['inspector', 'leader'],
  'answer-urge': 'bureau',
  'request-handback': 'bureau',
  reassign: 'inspector',
  'refuse-handback': 'inspector',
  'assign-handler': 'bureau',
} as const;

/** The rating fields 销号 may carry (optional: a close without them is the close as before). */
export const CloseRatingFields = {
  rating: RatingSchema.optional(),
  ratingComment: z.string().trim().max(2000).optional(),
};

export const UrgeSnapshotSchema = z.object({
  /** 1, 2, 3 … in the item. */
  no: z.number().int().min(1),
  unitCode: UnitCodeSchema,
  message: z.string(),
  replyBy: CivilDateSchema,
  at: instant,
  byUserId: z.string(),
  byRole: z.string(),
  answeredAt: instant.nullable(),
  answer: z.string().nullable(),
  /** Answered after the reply day. */
  late: z.boolean(),
  /** The reply day passed with no answer: the urge turned red (and was escalated). */
  overdueAt: instant.nullable(),
  /** The unit's part moved to another unit before it answered (改派): the urge no longer waits. */
  withdrawnAt: instant.nullable(),
});
export type UrgeSnapshot = z.infer<typeof UrgeSnapshotSchema>;

export const PendingHandbackSchema = z.object({
  unitCode: UnitCodeSchema,
  reason: z.string(),
  requestedBy: z.string(),
  at: instant,
});

export const HandlerSchema = z.object({
  unitCode: UnitCodeSchema,
  userId: z.string(),
  name: z.string().nullable(),
  at: instant,
  byUserId: z.string(),
});
export type Handler = z.infer<typeof HandlerSchema>;

export const ReassignmentSchema = z.object({
  fromUnit: UnitCodeSchema,
  toUnit: UnitCodeSchema,
  part: z.enum(['lead', 'cooperating']),
  deadlineKept: z.boolean(),
  previousDeadline: CivilDateSchema.nullable(),
  deadline: CivilDateSchema.nullable(),
  opinion: z.string(),
  at: instant,
  byUserId: z.string(),
});

export const ItemRatingSchema = z.object({
  rating: RatingSchema,
  comment: z.string().nullable(),
  at: instant,
  byUserId: z.string(),
});

/** 归档: who archived the closed item, and when (an archived item stays searchable). */
export const ItemArchiveSchema = z.object({
  at: instant,
  byUserId: z.string(),
  byName: z.string(),
});

/** What the lifecycle adds to the item snapshot; every field absent on items that never used it. */
export const LifecycleSnapshotFields = {
  urges: z.array(UrgeSnapshotSchema).optional(),
  pendingHandback: PendingHandbackSchema.nullable().optional(),
  handlers: z.array(HandlerSchema).optional(),
  reassignments: z.array(ReassignmentSchema).optional(),
  rating: ItemRatingSchema.optional(),
  archived: ItemArchiveSchema.optional(),
};
