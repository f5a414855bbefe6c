import { z } from 'zod';
import { CivilDateSchema, ColourSchema, defineEvent, registerEvents } from '@duban/contracts';
import { IndicatorYearSnapshotSchema } from './indicators';
import { ProjectSchema, UnitYearSnapshotSchema } from './model';

/** Every fact carries the unit's year after it: the read models are upserts by version. */
const withYear = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ unitYear: UnitYearSnapshotSchema, ...shape });
/** Indicator facts carry the unit's indicators of the year after them. */
const withIndicators = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ indicatorYear: IndicatorYearSnapshotSchema, indicatorId: z.string(), ...shape });
/** Ledger facts (发改局's 销号台账, 四(三)) carry the project's line after them. */
const withProject = <S extends z.ZodRawShape>(shape: S) => z.object({ project: ProjectSchema, ...shape });
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
  /** 发改局 imported the line from the ledger sheet (new, or replacing the line of the same 项目编号). */
  ProjectImported: fact('project_imported', withProject({ row: z.number().int().min(2) })),
  /** 发改局 changed some fields of a line (the names of the fields in `changed`). */
  ProjectEdited: fact('project_edited', withProject({ changed: z.array(z.string()).min(1) })),
  /** 四(三) 完成一项，销号一项: the project is done and closed out on `on`. */
  ProjectClosedOut: fact('project_closed_out', withProject({ on: CivilDateSchema })),
  /** 一(一): 统计局 gave the year's fixed-asset investment growth (percent) up to `asOf`, with its source. */
  GrowthFigureReported: fact(
    'growth_figure_reported',
    z.object({
      year: z.number().int().min(2019).max(2100),
      value: z.number().finite().min(-100).max(1000),
      asOf: CivilDateSchema,
      source: z.string().trim().min(1).max(500),
    }),
  ),
});

declare module '@duban/contracts/registry' {
  interface EventDomains {
    'project-quality': typeof ProjectQualityEvents;
  }
}
