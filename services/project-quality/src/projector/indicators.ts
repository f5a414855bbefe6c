// The indicators' facts into the read models: each lead unit's indicator year by version, and each
// reported value (pq_indicator_reports) as its report fact gives it, so a rebuild gives them again.
import type { CloudEvent } from '@duban/contracts';
import { upsertNewer } from '@duban/store';
import { ProjectQualityEvents, type IndicatorYearSnapshot } from '@duban/workflow-project-quality/client';
import type { Db } from 'mongodb';
import { indicatorReports, indicatorYears } from '../collections';

export const handles = [
  ProjectQualityEvents.IndicatorTracked,
  ProjectQualityEvents.IndicatorReported,
  ProjectQualityEvents.IndicatorColourChanged,
];
type Data = { indicatorYear: IndicatorYearSnapshot; indicatorId: string };

export const onIndicatorFact = (db: Db) => async (event: CloudEvent<string, Data>) => {
  const y = event.data.indicatorYear;
  const at = new Date(event.time);
  await upsertNewer(indicatorYears(db), { ...y, _id: `${y.unitCode}-${y.year}`, updatedAt: at });
  if (event.type !== ProjectQualityEvents.IndicatorReported.type) return;
  const line = y.lines.find((l) => l.indicatorId === event.data.indicatorId);
  if (!line || line.value === null) return;
  const _id = `${line.indicatorId}|${y.year}`;
  const stored = await indicatorReports(db).findOne({ _id });
  if (stored && stored.reportedAt.getTime() > at.getTime()) return; // a later correction stands
  await indicatorReports(db).replaceOne(
    { _id },
    {
      indicatorId: line.indicatorId,
      year: y.year,
      value: line.value,
      source: line.source ?? '',
      unitCode: y.unitCode,
      reportedBy: line.reportedBy ?? '',
      reportedAt: at,
    },
    { upsert: true },
  );
};
