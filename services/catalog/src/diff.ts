// What a notice changes against the catalog, before anything is written: the preview's diff and
// the plan of the confirm (start the added, revise the changed, flag the removed).
import { exactJson } from './hash';
import type { CatalogTaskDoc, TaskContent } from './model';

/** What the diff needs of a task: planned from the notice or stored in the catalog. */
export type DiffTask = Pick<
  CatalogTaskDoc,
  '_id' | 'docId' | 'ref' | 'title' | 'lead' | 'cooperating' | 'deadline' | 'contentHash' | 'position'
> &
  Pick<TaskContent, 'text'> & {
    /** Set on a stored task that a revised notice no longer has. */
    removed?: { at: Date; reason: string } | null;
    version?: number;
  };

/** A field of a task that differs between the catalog and the notice. */
export type ChangedField = 'title' | 'text' | 'lead' | 'cooperating' | 'deadline' | 'other';

export interface TaskChange {
  itemId: string;
  ref: string;
  title: string;
  /** The catalog version it replaces (the notice's becomes version + 1). */
  version: number;
  fields: ChangedField[];
  /** A task flagged as removed by an earlier revision that this notice has again. */
  restored: boolean;
}

export interface TaskRef {
  itemId: string;
  ref: string;
  title: string;
}

export interface NoticeDiff {
  added: TaskRef[];
  changed: TaskChange[];
  removed: TaskRef[];
  unchanged: number;
}

const codes = (units: readonly { code: string }[]) => units.map((u) => u.code);

function changedFields(before: DiffTask, after: DiffTask): ChangedField[] {
  const fields: ChangedField[] = [];
  if (before.title !== after.title) fields.push('title');
  if (before.text !== after.text) fields.push('text');
  if (exactJson(codes(before.lead)) !== exactJson(codes(after.lead))) fields.push('lead');
  if (exactJson(codes(before.cooperating)) !== exactJson(codes(after.cooperating)))
    fields.push('cooperating');
  if (before.deadline !== after.deadline) fields.push('deadline');
  // The hash covers more (indicators, duties, paths …): a change there is still a change.
  if (fields.length === 0 && before.contentHash !== after.contentHash) fields.push('other');
  return fields;
}

const refOf = (t: DiffTask): TaskRef => ({ itemId: t._id, ref: t.ref, title: t.title });

/**
 * The notice's tasks against the stored tasks of the same documents. Only the documents the
 * notice holds are compared: a task of another document is never "removed".
 */
export function diffTasks(planned: readonly DiffTask[], stored: readonly DiffTask[]): NoticeDiff {
  const docIds = new Set(planned.map((t) => t.docId));
  const known = new Map(stored.filter((t) => docIds.has(t.docId)).map((t) => [t._id, t]));
  const diff: NoticeDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const task of planned) {
    const before = known.get(task._id);
    known.delete(task._id);
    if (!before) diff.added.push(refOf(task));
    else if (before.contentHash !== task.contentHash || before.removed) {
      diff.changed.push({
        ...refOf(task),
        version: before.version ?? 1,
        fields: changedFields(before, task),
        restored: Boolean(before.removed),
      });
    } else diff.unchanged += 1;
  }
  diff.removed = [...known.values()]
    .filter((t) => !t.removed)
    .sort((a, b) => a.position - b.position)
    .map(refOf);
  return diff;
}
