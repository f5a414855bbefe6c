import {
  StartItemSchema,
  type ReportingScheduleInput,
  type StartItem,
} from '@duban/workflow-supervision/client';
import type { Frequency, RecurringDeadline } from '@duban/gazette';
import { mendedText } from '@duban/policy';
import { documentIdOf, documentLabelOf, taskIdOf } from './identity';
import { latestDeadline } from './import';

/** What startItemFor needs of a document: a parsed GazetteDocument or a CatalogDocumentDoc. */
export interface ItemSourceDocument {
  /** Absent (or null in the catalog) for a notice without a 文号: then `key` identifies it. */
  docNo?: string | null;
  key?: string;
  title?: string;
  /** A standing reporting duty of the whole document (每月25日前 … 报发展和改革局汇总). */
  reporting?: { frequency: Frequency; day?: number } | null;
}

/** What startItemFor needs of a task: a parsed Task or a CatalogTaskDoc. */
export interface ItemSourceTask {
  ref: string;
  kind: 'task' | 'measure' | 'step';
  title: string;
  lead: readonly { code: string }[];
  cooperating: readonly { code: string }[];
  deadlines: readonly { date: string; phrase?: string }[];
  recurringDeadlines?: readonly RecurringDeadline[];
}

const SUPERVISED_KINDS = new Set<ItemSourceTask['kind']>(['task', 'measure', 'step']);

/** A task's own recurring deadline as a reporting schedule; null when it has none that fits. */
function scheduleOfRecurring(r: RecurringDeadline): ReportingScheduleInput | null {
  switch (r.frequency) {
    case 'monthly':
      return { kind: 'monthly', dayOfMonth: r.day, workingDaysOnly: false };
    case 'quarterly':
      return {
        kind: 'quarterly',
        dayOfMonth: r.day,
        workingDaysOnly: false,
        ...(r.monthOfPeriod !== undefined && r.monthOfPeriod <= 3 ? { monthOfQuarter: r.monthOfPeriod } : {}),
      };
    case 'semiannual':
      return {
        kind: 'semiannual',
        dayOfMonth: r.day,
        workingDaysOnly: false,
        ...(r.monthOfPeriod !== undefined && r.monthOfPeriod <= 6 ? { monthOfHalf: r.monthOfPeriod } : {}),
      };
    case 'weekly':
      return r.day <= 7 ? { kind: 'weekly', dayOfWeek: r.day, workingDaysOnly: false } : null;
    case 'yearly':
      // The supervision workflow knows no yearly report; the deadline itself stays in the catalog.
      return null;
  }
}

/**
 * How often the item must report (DESIGN §6 汇报频次). A recurring deadline of the task itself wins;
 * else the document's standing duty: 青政办发〔2019〕40号 "各部门…于每月25日前将本单位开展工作情况报
 * 发展和改革局汇总" gives every one of its actions a monthly report by the 25th, counted on working
 * days (a 25th on a rest day moves to a working day); else none.
 */
export function reportingScheduleFor(
  document: ItemSourceDocument,
  task: ItemSourceTask,
): ReportingScheduleInput {
  for (const r of task.recurringDeadlines ?? []) {
    const schedule = scheduleOfRecurring(r);
    if (schedule) return schedule;
  }
  const duty = document.reporting;
  if (duty?.frequency === 'monthly' && duty.day !== undefined) {
    return { kind: 'monthly', dayOfMonth: duty.day, workingDaysOnly: true };
  }
  return { kind: 'none' };
}

/**
 * The dated milestones of a clause with several dates (31号 四(二): 6月底, 9月底, 11月底,
 * 2020年12月底), one per date in date order, keyed by that date; phrases of one date are joined.
 * A task with one date (or none) has no milestones: its deadline says it all.
 */
export function milestonesFor(task: Pick<ItemSourceTask, 'deadlines'>): StartItem['milestones'] {
  const byDate = new Map<string, string[]>();
  for (const d of task.deadlines) {
    const phrases = byDate.get(d.date) ?? [];
    if (d.phrase && !phrases.includes(d.phrase)) phrases.push(d.phrase);
    byDate.set(d.date, phrases);
  }
  if (byDate.size < 2) return undefined;
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, phrases]) => ({ key: date, date, phrase: phrases.join('；').slice(0, 200) }));
}

/** The item id of a task: itemIdOf(docNo, ref) for a document with a 文号, else from its key. */
export function itemIdFor(document: ItemSourceDocument, task: { ref: string }): string {
  return taskIdOf(documentIdOf(document), task.ref);
}

/**
 * The input of the supervision workflow for one catalog task, or null when the task cannot be
 * supervised (no lead unit: nobody to assign it to; the import summary lists it as such).
 * The item's deadline is the task's latest deadline date; co-operating sub-tasks default to it;
 * a task with several dates also has a milestone per date.
 */
export function startItemFor(document: ItemSourceDocument, task: ItemSourceTask): StartItem | null {
  if (!SUPERVISED_KINDS.has(task.kind)) return null;
  const leadUnits = [...new Set(task.lead.map((u) => u.code))];
  if (leadUnits.length === 0) return null;
  const cooperatingUnits = [...new Set(task.cooperating.map((u) => u.code))].filter(
    (c) => !leadUnits.includes(c),
  );
  const milestones = milestonesFor(task);
  return StartItemSchema.parse({
    itemId: itemIdFor(document, task),
    docNo: documentLabelOf(document),
    ref: task.ref,
    // The title as the catalog keeps it, mended of OCR slips (引客人青), as a revision sends it.
    title: mendedText(task.title),
    leadUnits,
    cooperatingUnits,
    deadline: latestDeadline(task.deadlines),
    subTaskDeadlines: {},
    reporting: reportingScheduleFor(document, task),
    ...(milestones ? { milestones } : {}),
  } satisfies StartItem);
}
