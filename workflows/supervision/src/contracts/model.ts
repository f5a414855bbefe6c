import { z } from 'zod';
import { CivilDateSchema, ColourSchema, UnitCodeSchema } from '@duban/contracts';
import { LifecycleSnapshotFields } from './lifecycle';

/** DESIGN §6 lifecycle: 已交办 → 已签收 → 办理中 → 申请办结 → 复核 → 已办结/销号. */
export const ItemStates = {
  assigned: '已交办',
  signed: '已签收',
  in_progress: '办理中',
  close_requested: '申请办结',
  under_review: '复核中',
  closed: '已销号',
} as const;
export const ItemStateSchema = z.enum(Object.keys(ItemStates) as [keyof typeof ItemStates]);
export type ItemState = z.infer<typeof ItemStateSchema>;

export const SubTaskStates = {
  assigned: '已交办',
  signed: '已签收',
  in_progress: '办理中',
  done: '已完成',
} as const;
export const SubTaskStateSchema = z.enum(Object.keys(SubTaskStates) as [keyof typeof SubTaskStates]);

export const ReportingScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('weekly'),
    dayOfWeek: z.number().int().min(1).max(7),
    workingDaysOnly: z.boolean(),
  }),
  z.object({
    kind: z.literal('monthly'),
    dayOfMonth: z.number().int().min(1).max(31),
    workingDaysOnly: z.boolean(),
  }),
  z.object({
    kind: z.literal('quarterly'),
    monthOfQuarter: z.number().int().min(1).max(3).optional(),
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    workingDaysOnly: z.boolean(),
  }),
  z.object({
    kind: z.literal('semiannual'),
    monthOfHalf: z.number().int().min(1).max(6).optional(),
    dayOfMonth: z.number().int().min(1).max(31).optional(),
    workingDaysOnly: z.boolean(),
  }),
]);
export type ReportingScheduleInput = z.infer<typeof ReportingScheduleSchema>;

export const DeadlineChangeSchema = z.object({
  deadline: CivilDateSchema,
  previous: CivilDateSchema.nullable(),
  at: z.iso.datetime({ offset: true }),
  reason: z.string(),
  byUserId: z.string(),
});

export const SubTaskSnapshotSchema = z.object({
  unitCode: UnitCodeSchema,
  state: SubTaskStateSchema,
  deadline: CivilDateSchema.nullable(),
  colour: ColourSchema,
  lastProgressAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SubTaskSnapshot = z.infer<typeof SubTaskSnapshotSchema>;

export const PendingExtensionSchema = z.object({
  requestedDeadline: CivilDateSchema,
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime({ offset: true }),
});

/**
 * One dated milestone of a clause (31号 四(二): 6月底, 9月底, 11月底 and 2020年12月底 in one item).
 * Each has its own warning ladder; a milestone done no longer counts in the item's colour.
 */
export const MilestoneSnapshotSchema = z.object({
  /** The date the notice gave (it stays when an extension moves the date). */
  key: z.string().min(1),
  date: CivilDateSchema,
  /** The notice's words for it (于2019年6月底前). */
  phrase: z.string(),
  colour: ColourSchema,
  redSince: z.iso.datetime({ offset: true }).nullable(),
  doneAt: z.iso.datetime({ offset: true }).nullable(),
});
export type MilestoneSnapshot = z.infer<typeof MilestoneSnapshotSchema>;

/** The state of one item as its workflow knows it; events carry it so projections are upserts. */
export const ItemSnapshotSchema = z.object({
  itemId: z.string().min(1),
  docNo: z.string().min(1),
  ref: z.string().min(1),
  title: z.string(),
  leadUnits: z.array(UnitCodeSchema).min(1),
  cooperatingUnits: z.array(UnitCodeSchema),
  state: ItemStateSchema,
  colour: ColourSchema,
  /** Worst colour of the lead's own work, the open milestones and the open sub-tasks. */
  overallColour: ColourSchema,
  deadline: CivilDateSchema.nullable(),
  originalDeadline: CivilDateSchema.nullable(),
  deadlineHistory: z.array(DeadlineChangeSchema),
  reporting: ReportingScheduleSchema,
  nextReportDue: CivilDateSchema.nullable(),
  reportMissing: z.boolean(),
  lastProgressAt: z.iso.datetime({ offset: true }).nullable(),
  pendingExtension: PendingExtensionSchema.nullable(),
  subTasks: z.array(SubTaskSnapshotSchema),
  /** Absent for an item of one date (and every item started before milestones existed). */
  milestones: z.array(MilestoneSnapshotSchema).optional(),
  redSince: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /**
   * The last revision of the notice that reached the item (absent: none). `removed`: the revised
   * notice no longer has the task; the item stays open, flagged for 督查室 to decide.
   */
  revision: z
    .object({
      catalogVersion: z.number().int().min(1),
      at: z.iso.datetime({ offset: true }),
      removed: z.boolean(),
      reason: z.string().optional(),
    })
    .optional(),
  /** 催办, 转办/改派, 承办人 and 办结评价 (issue 23): absent on items that never had them. */
  ...LifecycleSnapshotFields,
  /** Increases by one with every event of the item; projections keep the highest. */
  version: z.number().int().min(0),
});
export type ItemSnapshot = z.infer<typeof ItemSnapshotSchema>;

/** The `scope` of a milestone's colour change: `milestone:<key>`. */
export const MILESTONE_SCOPE_PREFIX = 'milestone:';

export function milestoneScope(key: string): string {
  return `${MILESTONE_SCOPE_PREFIX}${key}`;
}

/** The milestone a colour change's scope names, or undefined for the item or a sub-task. */
export function milestoneOfScope(item: ItemSnapshot, scope: string): MilestoneSnapshot | undefined {
  if (!scope.startsWith(MILESTONE_SCOPE_PREFIX)) return undefined;
  const key = scope.slice(MILESTONE_SCOPE_PREFIX.length);
  return item.milestones?.find((m) => m.key === key);
}
