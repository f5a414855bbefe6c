import { z } from 'zod';

/** 'YYYY-MM-DD', a civil date in Asia/Shanghai; a deadline means the end of that day. */
export const CivilDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

export const UnitCodeSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a unit code such as edu');

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

/** DESIGN §5 warning ladder. `none`: closed items carry no warning. */
export const Colours = { green: '正常', blue: '临期', yellow: '滞后', red: '逾期', none: '—' } as const;
export const ColourSchema = z.enum(['green', 'blue', 'yellow', 'red', 'none']);
export type Colour = z.infer<typeof ColourSchema>;

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

/** Who did something: every action is attributable to a user, a unit and a request (DESIGN §8). */
export const RoleSchema = z.enum(['bureau', 'inspector', 'leader', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ActorSchema = z.object({
  userId: z.string().min(1),
  name: z.string().min(1),
  role: RoleSchema,
  unitCode: UnitCodeSchema.optional(),
  requestId: z.string().min(1),
});
export type Actor = z.infer<typeof ActorSchema>;

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
  /** Worst colour of the lead's own work and the open sub-tasks. */
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
  redSince: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Increases by one with every event of the item; projections keep the highest. */
  version: z.number().int().min(0),
});
export type ItemSnapshot = z.infer<typeof ItemSnapshotSchema>;
