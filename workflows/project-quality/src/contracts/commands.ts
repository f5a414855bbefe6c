import { z } from 'zod';
import { UnitCodeSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';
import type { Actor } from '@duban/contracts';
import { RestDayRuleSchema } from '../report-day';
import { ProjectProgressSchema } from './model';

/** Bodies of POST /api/project-quality/units/:unit/:year/actions/:action (the same schemas validate the Update). */
export const UnitYearActionBodies = {
  /** 四(三): the month's work and each project's progress, to 发改局 by the report day. */
  report: z
    .object({
      month: z.number().int().min(1).max(12),
      work: z.string().trim().min(1, '不能为空').max(4000),
      progress: z.array(ProjectProgressSchema).max(500),
    })
    .strict(),
  /** 二(三): listed for a talk by a city leader after two quarters last; 发改局 lists, 督查室 follows up. */
  summon: z
    .object({
      quarter: z.string().regex(/^\d{4}Q[1-4]$/),
      previous: z.string().regex(/^\d{4}Q[1-4]$/),
      measures: z
        .array(z.enum(['completion', 'start']))
        .min(1)
        .max(2),
      figures: z.string().trim().min(1).max(500),
    })
    .strict(),
} as const;
export type UnitYearActionName = keyof typeof UnitYearActionBodies;

export interface UnitYearCommand {
  action: UnitYearActionName;
  actor: Actor;
  body: Record<string, unknown>;
}
export const UnitYearCommandSchema = actionCommandSchema(UnitYearActionBodies);

/** The start of one unit's reporting year; the settings come from packages/policy. */
export const StartUnitYearSchema = z.object({
  unitCode: UnitCodeSchema,
  year: z.number().int().min(2019).max(2100),
  /** The first month reported (40号 was issued 2019-05-23: May is its first). */
  fromMonth: z.number().int().min(1).max(12),
  projectIds: z.array(z.string().min(1)).max(500),
  /** project-quality.report-day */
  reportDay: z.number().int().min(1).max(28),
  /** project-quality.report-rest-day */
  restDayRule: RestDayRuleSchema,
  /** alerts.warning-window-days */
  warningWindowDays: z.number().int().min(0).max(60),
});
export type StartUnitYear = z.infer<typeof StartUnitYearSchema>;
