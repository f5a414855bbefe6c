import type {
  IndicatorYearSnapshot,
  Project,
  UnitYearSnapshot,
} from '@duban/workflow-project-quality/client';
import { ensureIndexes } from '@duban/store';
import type { Collection, Db } from 'mongodb';
import type { TrackedIndicator } from './indicators/catalog';

/** The project-quality service's own collections (DESIGN §2: each service keeps its own). */
export const PqCollections = {
  /** Read model of the 销号台账 (from 发改局's ledger facts: import, edit, 销号; each attributed). */
  projects: 'pq_projects',
  /** Read model of the units' reporting years (from the workflow's facts). */
  unitYears: 'pq_unit_years',
  /** Indicators from the gazette import, and the values their units report. */
  indicators: 'pq_indicators',
  indicatorReports: 'pq_indicator_reports',
  /** Read model of the lead units' indicator years (from the indicator facts). */
  indicatorYears: 'pq_indicator_years',
  /** Read model of the figures the ledger cannot give, from the facts of the unit that keeps each (一(一)'s growth: 统计局). */
  figures: 'pq_figures',
} as const;

export interface ProjectDoc extends Project {
  _id: string;
  /** The stream sequence of the fact that wrote the line: a redelivered older fact changes nothing. */
  version: number;
  updatedAt: Date;
  updatedBy: string;
}
export interface UnitYearDoc extends UnitYearSnapshot {
  _id: string;
  updatedAt: Date;
}
export interface IndicatorDoc extends TrackedIndicator {
  _id: string;
  importedAt: Date;
}
export interface IndicatorReportDoc {
  _id: string; // `${indicatorId}|${year}`
  indicatorId: string;
  year: number;
  value: number;
  source: string;
  unitCode: string;
  reportedBy: string;
  reportedAt: Date;
}

export interface FigureDoc {
  _id: string; // `growth|${year}`
  key: 'growth';
  year: number;
  /** Percent, year on year. */
  value: number;
  /** The last day of the period the figure covers (1–5月 → 05-31). */
  asOf: string;
  source: string;
  reportedBy: string;
  reportedAt: Date;
  /** The stream sequence of the fact that wrote it. */
  version: number;
}

export const figures = (db: Db): Collection<FigureDoc> => db.collection<FigureDoc>(PqCollections.figures);
export interface IndicatorYearDoc extends IndicatorYearSnapshot {
  _id: string;
  updatedAt: Date;
}
export const indicatorYears = (db: Db): Collection<IndicatorYearDoc> =>
  db.collection<IndicatorYearDoc>(PqCollections.indicatorYears);
export const projects = (db: Db): Collection<ProjectDoc> => db.collection<ProjectDoc>(PqCollections.projects);
export const unitYears = (db: Db): Collection<UnitYearDoc> =>
  db.collection<UnitYearDoc>(PqCollections.unitYears);
export const indicators = (db: Db): Collection<IndicatorDoc> =>
  db.collection<IndicatorDoc>(PqCollections.indicators);
export const indicatorReports = (db: Db): Collection<IndicatorReportDoc> =>
  db.collection<IndicatorReportDoc>(PqCollections.indicatorReports);

export async function ensureProjectQualityIndexes(db: Db): Promise<void> {
  await ensureIndexes(unitYears(db), [{ key: { year: 1, unitCode: 1 }, name: 'year_unit' }]);
  await ensureIndexes(indicatorReports(db), [{ key: { indicatorId: 1 }, name: 'indicator' }]);
}

export const stripDoc = <T extends { _id: unknown }>({ _id: _k, ...rest }: T) => rest;
