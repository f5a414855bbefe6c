// Indicator tracking (指标) of every document with numbers (65号's 2020 targets, 30号's 2018–2022
// table, 40号's goals): one lead unit's indicators of one year, each reported once a year with its
// value and source, met or missed, on the warning ladder of its report date until reported.
import { z } from 'zod';
import { CivilDateSchema, ColourSchema, ComparisonSchema, UnitCodeSchema } from '@duban/contracts';
import { actionCommandSchema } from '@duban/workflow-core/input';

export const IndicatorLineSchema = z.object({
  indicatorId: z.string().min(1).max(300),
  name: z.string().min(1).max(300),
  comparison: ComparisonSchema,
  target: z.number().finite(),
  unit: z.string().max(40),
  /** The report date (our reading: the end of the target year; the documents set none). */
  due: CivilDateSchema,
  colour: ColourSchema,
  value: z.number().finite().nullable(),
  source: z.string().nullable(),
  met: z.boolean().nullable(),
  reportedOn: CivilDateSchema.nullable(),
  reportedBy: z.string().nullable(),
});
export type IndicatorLine = z.infer<typeof IndicatorLineSchema>;

export const IndicatorYearSnapshotSchema = z.object({
  unitCode: UnitCodeSchema,
  year: z.number().int(),
  lines: z.array(IndicatorLineSchema),
  /** The worst colour among the lines still unreported. */
  colour: ColourSchema,
  version: z.number().int(),
});
export type IndicatorYearSnapshot = z.infer<typeof IndicatorYearSnapshotSchema>;

/** An indicator as the import gives it (the service's catalog), before any report. */
export const TrackIndicatorSchema = IndicatorLineSchema.pick({
  indicatorId: true,
  name: true,
  comparison: true,
  target: true,
  unit: true,
  due: true,
});
export type TrackIndicator = z.infer<typeof TrackIndicatorSchema>;

export const IndicatorYearActionBodies = {
  /** The import's indicators of this unit and year (a re-import updates the targets, keeps the reports). */
  track: z.object({ indicators: z.array(TrackIndicatorSchema).min(1).max(2000) }).strict(),
  /** The lead unit's value and its source; a correction replaces it. */
  report: z
    .object({
      indicatorId: z.string().min(1).max(300),
      value: z.number().finite(),
      source: z.string().trim().min(1).max(500),
    })
    .strict(),
} as const;

export const IndicatorYearCommandSchema = actionCommandSchema(IndicatorYearActionBodies);

export const StartIndicatorYearSchema = z.object({
  unitCode: UnitCodeSchema,
  year: z.number().int().min(2000).max(2100),
  indicators: z.array(TrackIndicatorSchema).min(1).max(2000),
  /** alerts.warning-window-days */
  warningWindowDays: z.number().int().min(0).max(60),
});
export type StartIndicatorYear = z.infer<typeof StartIndicatorYearSchema>;

/** `project-quality-indicators-eco-2020`. */
export const indicatorYearWorkflowId = (unitCode: string, year: number): string =>
  `project-quality-indicators-${unitCode}-${year}`;
