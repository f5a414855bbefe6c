import type { Db } from 'mongodb';
import { civilDateOf } from '@duban/calendar';
import { ReadModels, type TimelineDoc } from '@duban/contracts';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import {
  median,
  MIN_MEASURED_STEPS,
  workingDaysBetween,
  type StepKind,
  type UnitDuration,
} from './durations';

type Entry = Pick<TimelineDoc, '_id' | 'itemId' | 'version' | 'type' | 'at' | 'actor'>;

/** One step a unit took on a closed item, in working days. */
export interface StepSample {
  unit: string;
  kind: StepKind;
  days: number;
}

/**
 * The steps of one closed item, from its timeline: the lead's work from the assignment (or its
 * last milestone) to each milestone done, or to the close request when it completed none; a
 * cooperating unit's from the assignment to its part done (`subtask-done`, the step in the id).
 */
export function stepSamplesOf(entries: readonly Entry[]): StepSample[] {
  const sorted = [...entries].sort((a, b) => a.version - b.version);
  const assigned = sorted.find((e) => e.type === SupervisionEvents.ItemAssigned.type);
  if (!assigned) return [];
  const day = (e: Entry) => civilDateOf(new Date(e.at));
  const samples: StepSample[] = [];
  let leadFrom = day(assigned);
  let milestones = 0;
  for (const e of sorted) {
    const unit = e.actor.unitCode;
    if (!unit) continue;
    if (e.type === SupervisionEvents.MilestoneCompleted.type) {
      samples.push({ unit, kind: 'step', days: workingDaysBetween(leadFrom, day(e)) });
      leadFrom = day(e);
      milestones += 1;
    } else if (e.type === SupervisionEvents.CloseRequested.type && milestones === 0) {
      samples.push({ unit, kind: 'step', days: workingDaysBetween(leadFrom, day(e)) });
    } else if (e.type === SupervisionEvents.ProgressReported.type && e._id.includes('/subtask-done/')) {
      samples.push({ unit, kind: 'subtask', days: workingDaysBetween(day(assigned), day(e)) });
    }
  }
  // A step done on the day it started still took a day's work.
  return samples.map((s) => ({ ...s, days: Math.max(1, s.days) }));
}

/** The median of each unit's steps of each kind, where there are at least `minSamples`. */
export function mediansOf(samples: readonly StepSample[], minSamples = MIN_MEASURED_STEPS): UnitDuration[] {
  const byKey = new Map<string, StepSample[]>();
  for (const s of samples) byKey.set(`${s.unit} ${s.kind}`, [...(byKey.get(`${s.unit} ${s.kind}`) ?? []), s]);
  return [...byKey.values()]
    .filter((list) => list.length >= minSamples)
    .map((list) => ({
      unit: list[0]!.unit,
      kind: list[0]!.kind,
      days: median(list.map((s) => s.days)),
      source: 'measured' as const,
      samples: list.length,
    }))
    .sort((a, b) => a.unit.localeCompare(b.unit) || a.kind.localeCompare(b.kind));
}

/** The medians measured on the timelines of every closed supervision item of the read model. */
export async function measuredDurations(db: Db, minSamples = MIN_MEASURED_STEPS): Promise<UnitDuration[]> {
  const closed = await db
    .collection<{ itemId: string }>(ReadModels.items)
    .find({ state: 'closed' }, { projection: { itemId: 1 } })
    .toArray();
  if (closed.length === 0) return [];
  const entries = await db
    .collection<TimelineDoc>(ReadModels.timeline)
    .find(
      { itemId: { $in: closed.map((c) => c.itemId) } },
      { projection: { _id: 1, itemId: 1, version: 1, type: 1, at: 1, actor: 1 } },
    )
    .toArray();
  const byItem = new Map<string, Entry[]>();
  for (const e of entries) byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), e]);
  return mediansOf([...byItem.values()].flatMap(stepSamplesOf), minSamples);
}
