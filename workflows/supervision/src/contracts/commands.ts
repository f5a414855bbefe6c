import { z } from 'zod';
import { ActorSchema, CivilDateSchema, UnitCodeSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import { ReportingScheduleSchema } from './model';
import { CloseRatingFields, LifecycleBodies, LifecycleRoles } from './lifecycle';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const AttachmentSchema = z.object({
  name: text(200),
  url: z.url().max(2000).optional(),
  note: z.string().max(500).optional(),
});

/** Bodies of POST /api/items/:id/actions/:action — the same schemas validate the Temporal Updates. */
export const ActionBodies = {
  sign: z.object({ note: z.string().max(500).optional() }).strict(),
  progress: z
    .object({ text: text(5000), attachments: z.array(AttachmentSchema).max(20).default([]) })
    .strict(),
  'request-close': z
    .object({ summary: text(5000), attachments: z.array(AttachmentSchema).max(20).default([]) })
    .strict(),
  review: z.object({ note: z.string().max(500).optional() }).strict(),
  close: z.object({ opinion: text(2000), ...CloseRatingFields }).strict(),
  return: z.object({ reason: text(2000) }).strict(),
  'request-extension': z.object({ newDeadline: CivilDateSchema, reason: text(2000) }).strict(),
  'decide-extension': z
    .object({ approve: z.boolean(), opinion: text(2000), newDeadline: CivilDateSchema.optional() })
    .strict(),
  instruct: z.object({ text: text(2000) }).strict(),
  /** The lead unit reports one milestone of the item done (its key: the date the notice gave). */
  'complete-milestone': z.object({ milestone: text(40), note: z.string().max(2000).optional() }).strict(),
  ...LifecycleBodies,
} as const;

export type ActionName = keyof typeof ActionBodies;

/** Who may take each action (DESIGN §1): the gateway checks it first, the workflow again. */
export const ActionRoles = {
  sign: 'bureau',
  progress: 'bureau',
  'request-close': 'bureau',
  'request-extension': 'bureau',
  review: 'inspector',
  close: 'inspector',
  return: 'inspector',
  'decide-extension': 'inspector',
  instruct: 'leader',
  'complete-milestone': 'bureau',
  ...LifecycleRoles,
} as const satisfies Record<ActionName, ActingRole | readonly ActingRole[]>;

type ActingRole = 'bureau' | 'inspector' | 'leader';

/** The roles that may take an action (most have one; 催办 has two). */
export function actionRoles(action: ActionName): readonly ActingRole[] {
  const roles: ActingRole | readonly ActingRole[] = ActionRoles[action];
  return typeof roles === 'string' ? [roles] : roles;
}
export const ActionNameSchema = z.enum(Object.keys(ActionBodies) as [ActionName]);
export type ActionBody<A extends ActionName> = z.output<(typeof ActionBodies)[A]>;

/** What the gateway sends to the workflow: the validated body plus who is acting. */
export type ActionCommand<A extends ActionName = ActionName> = {
  action: A;
  actor: z.infer<typeof ActorSchema>;
  body: ActionBody<A>;
};

/** The whole Update: a known action, its actor and its body (the validator's first check). */
export const ActionCommandSchema = actionCommandSchema(ActionBodies);

/** The dated milestones of a clause with several dates, in date order, keyed by the notice's date. */
const MilestonesInputSchema = z
  .array(z.object({ key: z.string().min(1).max(40), date: CivilDateSchema, phrase: z.string().max(200) }))
  .max(20)
  .refine((ms) => new Set(ms.map((m) => m.key)).size === ms.length, 'milestone keys must be unique');

/** Starting an item (from the importer): the catalog task it supervises. */
export const StartItemSchema = z.object({
  itemId: z.string().min(1),
  docNo: z.string().min(1),
  ref: z.string().min(1),
  title: z.string(),
  leadUnits: z.array(UnitCodeSchema).min(1),
  cooperatingUnits: z.array(UnitCodeSchema).default([]),
  deadline: CivilDateSchema.nullable(),
  /** Sub-task deadlines by unit; a unit not listed gets the lead's deadline. */
  subTaskDeadlines: z.record(z.string(), CivilDateSchema).default({}),
  reporting: ReportingScheduleSchema.default({ kind: 'none' }),
  /**
   * Every dated milestone of a clause with several dates, in date order; `deadline` is the last.
   * Absent: the item has one date, as before milestones existed.
   */
  milestones: MilestonesInputSchema.optional(),
  warningWindowDays: z.number().int().min(0).max(60).default(7),
  /** Leadership is alerted when an item stays red this many days (DESIGN §5). */
  escalateAfterRedDays: z.number().int().min(1).max(365).default(30),
});
export type StartItem = z.input<typeof StartItemSchema>;

/**
 * A revised notice re-imported (the catalog sends it, not a person's action route): the task's new
 * title, units and deadline, or its removal from the notice. `catalogVersion` is the catalog's
 * version of the task after the revision, so a stale or repeated revision is refused.
 */
export const RevisionBodySchema = z.discriminatedUnion('change', [
  z
    .object({
      change: z.literal('revised'),
      catalogVersion: z.number().int().min(1),
      title: z.string().max(500),
      leadUnits: z.array(UnitCodeSchema).min(1),
      cooperatingUnits: z.array(UnitCodeSchema),
      deadline: CivilDateSchema.nullable(),
      /**
       * The revised notice's dated milestones (empty: it has one date or none). Absent in revisions
       * sent before issue 14's leftovers: then only the milestone that was the deadline follows it.
       */
      milestones: MilestonesInputSchema.optional(),
      /** What changed in the catalog (title, text, lead, cooperating, deadline, other). */
      fields: z.array(z.string().max(40)).max(10),
      source: z.string().max(500),
    })
    .strict(),
  z
    .object({
      change: z.literal('removed'),
      catalogVersion: z.number().int().min(1),
      reason: text(2000),
      source: z.string().max(500),
    })
    .strict(),
]);
export type RevisionBody = z.infer<typeof RevisionBodySchema>;

/** Who may revise an item from a notice: the office that imports (督查室, 管理员). */
export const REVISION_ROLES = ['inspector', 'admin'] as const;

export const ReviseCommandSchema = z.object({ actor: ActorSchema, body: RevisionBodySchema });
export type ReviseCommand = z.infer<typeof ReviseCommandSchema>;
