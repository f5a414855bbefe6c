// Request and answer shapes of the project-quality routes (also the OpenAPI document).
import { z } from 'zod';
import { CivilDateSchema } from '@duban/contracts';
import { ProjectSchema, UnitYearSnapshotSchema } from '@duban/workflow-project-quality/client';

export const PQ_TAGS = ['project-quality'];
export const binary = () => z.string().meta({ format: 'binary' });

const row = z.record(z.string(), z.unknown());
export const PqParams = {
  project: z.object({ id: z.string().max(40) }),
  year: z.object({ year: z.coerce.number().int().min(2019).max(2100) }),
  month: z.object({
    year: z.coerce.number().int().min(2019).max(2100),
    month: z.coerce.number().int().min(1).max(12),
  }),
  // The same years as the other parameters (2019–2100): a ranking compares with the quarter before.
  quarter: z.object({
    quarter: z.string().regex(/^(2019|20[2-9]\d|2100)Q[1-4]$/, '季度写作 2019Q3（2019–2100年）'),
  }),
  unitYear: z.object({ unit: z.string().max(60), year: z.coerce.number().int().min(2019).max(2100) }),
  indicator: z.object({ id: z.string().max(300) }),
  date: z.object({ date: CivilDateSchema }),
};
/** The fields of a ledger line 发改局 may change one by one (not its 项目编号, nor its 销号 date). */
const {
  projectId: _id,
  closedOn: _closed,
  reserve: _r,
  industrialUpgrade: _u,
  ...editable
} = ProjectSchema.shape;
export const PqBodies = {
  close: z.object({ on: CivilDateSchema }).strict(),
  edit: z
    .object({ ...editable, reserve: z.boolean(), industrialUpgrade: z.boolean() })
    .partial()
    .strict()
    .refine((b) => Object.keys(b).length > 0, '请至少修改一个字段'),
  open: z.object({ fromMonth: z.number().int().min(1).max(12).default(1) }).strict(),
  growth: z
    .object({
      value: z.number().finite().min(-100).max(1000),
      asOf: CivilDateSchema,
      source: z.string().trim().min(1, '请写明数据来源').max(500),
    })
    .strict(),
  indicatorReport: z
    .object({ value: z.number().finite(), source: z.string().trim().min(1, '请写明数据来源').max(500) })
    .strict(),
};
export const PqViews = {
  projects: z.array(ProjectSchema),
  importReport: z.object({
    imported: z.number().int(),
    sheet: z.array(z.string()),
    rows: z.array(row),
  }),
  project: ProjectSchema,
  opened: z.array(z.object({ unitCode: z.string(), projects: z.number().int(), created: z.boolean() })),
  unitYears: z.array(UnitYearSnapshotSchema),
  unitYear: UnitYearSnapshotSchema,
  notice: z.object({
    year: z.number(),
    month: z.number(),
    asOf: z.string(),
    projects: z.array(row),
    units: z.array(row),
  }),
  ranking: z.object({
    quarter: z.string(),
    completion: z.array(row),
    start: z.array(row),
    talks: z.array(row),
  }),
  talks: z.array(row),
  targets: z.array(row),
  dispatch: z.object({ week: z.string(), projects: z.array(row) }),
  indicators: z.array(row),
  cockpit: z.object({
    asOf: z.string(),
    ranking: z.array(row),
    projectsAtRisk: z.array(row),
    indicatorsMissed: z.array(row),
  }),
  indicatorImport: z.object({ documents: z.number().int(), indicators: z.number().int() }),
};
