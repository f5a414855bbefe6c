import { z } from 'zod';
import { isCivilDate } from '@duban/calendar';

// The shared vocabulary of every process: dates, units, the warning colours and who acted.

/** 'YYYY-MM-DD', a civil date in Asia/Shanghai; a deadline means the end of that day. */
export const CivilDateSchema = z
  .string()
  // A malformed value gets one message; only a well-formed one is checked for its day.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD', abort: true })
  // Checked at every boundary, so an impossible date never reaches a workflow timer.
  .refine(isCivilDate, 'not a calendar date (no such day)');

export const UnitCodeSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a unit code such as edu');

/** DESIGN §5 warning ladder. `none`: closed items carry no warning. */
export const Colours = { green: '正常', blue: '临期', yellow: '滞后', red: '逾期', none: '—' } as const;
export const ColourSchema = z.enum(['green', 'blue', 'yellow', 'red', 'none']);
export type Colour = z.infer<typeof ColourSchema>;

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

/**
 * Comparison of a target indicator. 以上/以下/以内 include the number (Civil Code art. 1259), so
 * "达到85%以上" is gte; 超过/突破 exclude it (gt). reduce-by/increase-by are changes, at least by target.
 */
export const ComparisonSchema = z.enum([
  'gte',
  'gt',
  'lte',
  'lt',
  'eq',
  'reduce-by',
  'increase-by',
  'approx', // 达到50亿元左右
]);
export type Comparison = z.infer<typeof ComparisonSchema>;
