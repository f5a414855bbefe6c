// 发改局's ledger facts (四(三) 销号台账: import, edit, 销号) and 统计局's growth figure (一(一)) into
// their read models. Each fact carries the project's whole line, so the line is an upsert ordered
// by the fact's stream sequence: a rebuild from the stream gives the same ledger again.
import type { HandlerContext } from '@duban/bus';
import type { CloudEvent } from '@duban/contracts';
import { upsertNewer } from '@duban/store';
import { ProjectQualityEvents, type Project } from '@duban/workflow-project-quality/client';
import type { Db } from 'mongodb';
import { figures, projects } from '../collections';

export const projectHandles = [
  ProjectQualityEvents.ProjectImported,
  ProjectQualityEvents.ProjectEdited,
  ProjectQualityEvents.ProjectClosedOut,
];
export const handles = [...projectHandles, ProjectQualityEvents.GrowthFigureReported];

type ProjectData = { project: Project };
type GrowthData = { year: number; value: number; asOf: string; source: string };

export const onLedgerFact =
  (db: Db) =>
  async (event: CloudEvent<string, ProjectData | GrowthData>, context: HandlerContext): Promise<void> => {
    const at = new Date(event.time);
    const by = event.actorid ?? '';
    if (event.type === ProjectQualityEvents.GrowthFigureReported.type)
      return onGrowth(db, event.data as GrowthData, context.streamSequence, at, by);
    const { project } = event.data as ProjectData;
    await upsertNewer(projects(db), {
      ...project,
      _id: project.projectId,
      version: context.streamSequence,
      updatedAt: at,
      updatedBy: by,
    });
  };

/** The latest period stands: a figure for an earlier period than the one stored changes nothing. */
async function onGrowth(db: Db, d: GrowthData, version: number, at: Date, by: string): Promise<void> {
  const _id = `growth|${d.year}`;
  const stored = await figures(db).findOne({ _id });
  if (stored && (stored.asOf > d.asOf || stored.version >= version)) return;
  await figures(db).replaceOne(
    { _id },
    { key: 'growth', ...d, reportedBy: by, reportedAt: at, version },
    { upsert: true },
  );
}
