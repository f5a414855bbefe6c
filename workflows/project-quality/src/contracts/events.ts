import { z } from 'zod';
import { ColourSchema, defineEvent, registerEvents } from '@duban/contracts';
import { IndicatorYearSnapshotSchema } from './indicators';
import { UnitYearSnapshotSchema } from './model';

/** Every fact carries the unit's year after it: the read models are upserts by version. */
const withYear = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ unitYear: UnitYearSnapshotSchema, ...shape });
/** Indicator facts carry the unit's indicators of the year after them. */
const withIndicators = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ indicatorYear: IndicatorYearSnapshotSchema, indicatorId: z.string(), ...shape });
const fact = <const Fact extends string, Schema extends z.ZodType>(name: Fact, schema: Schema) =>
  defineEvent('project_quality', name, 1, schema);

/** Facts of 项目提质增效年 (青政办发〔2019〕40号), in the past tense. */
export const ProjectQualityEvents = registerEvents({
  UnitYearOpened: fact('unit_year_opened', withYear({})),
  MonthlyReportFiled: fact('monthly_report_filed', withYear({ month: z.number().int(), late: z.boolean() })),
  ReportColourChanged: fact(
    'report_colour_changed',
    withYear({
      month: z.number().int(),
      from: ColourSchema,
      to: ColourSchema,
      reason: z.string(),
      ref: z.string(),
    }),
  ),
  TalkListed: fact(
    'talk_listed',
    withYear({
      quarter: z.string(),
      previous: z.string(),
      measures: z.array(z.string()),
      figures: z.string(),
    }),
  ),
  UnitYearClosed: fact('unit_year_closed', withYear({ missed: z.array(z.number().int()) })),
  IndicatorTracked: fact('indicator_tracked', withIndicators({})),
  IndicatorReported: fact('indicator_reported', withIndicators({ value: z.number(), met: z.boolean() })),
  IndicatorColourChanged: fact(
    'indicator_colour_changed',
    withIndicators({ from: ColourSchema, to: ColourSchema, reason: z.string() }),
  ),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'project-quality': typeof ProjectQualityEvents;
  }
}
