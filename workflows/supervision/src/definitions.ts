import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ActionCommand, ItemSnapshot, ReviseCommand } from './contracts/index';

// Imported by the worker and by every client (gateway, importer): one place for these names.
export const SUPERVISION_TASK_QUEUE = 'duban-supervision';

/** Every bureau, inspector and leader action (DESIGN §6) is one Update: accepted with the new
 * snapshot, or refused by the validator with a reason, leaving history untouched. */
export const itemActionUpdate = defineUpdate<ItemSnapshot, [ActionCommand]>('itemAction');

export const itemSnapshotQuery = defineQuery<ItemSnapshot>('itemSnapshot');

/** A revised notice re-imported: the catalog tells the running item its new content (or removal). */
export const itemRevisionUpdate = defineUpdate<ItemSnapshot, [ReviseCommand]>('itemRevision');

/** Marks the histories that took a revision (patched() in its handler). */
export const ITEM_REVISION_PATCH = 'supervision-item-revision';

/**
 * Marks the histories of items with milestones (a clause with several dates): their milestone
 * colour changes, timers and completions. An item started without milestones never calls it.
 */
export const ITEM_MILESTONES_PATCH = 'supervision-item-milestones';

/** Marks the histories whose revisions carried the revised notice's milestone dates. */
export const ITEM_REVISION_MILESTONES_PATCH = 'supervision-item-revision-milestones';

/**
 * Marks the histories that took a lifecycle action of issue 23 (催办 and its 反馈, 转办/改派,
 * 承办人, a rating at 销号) and the urge timers that followed: histories before it hold none.
 */
export const ITEM_LIFECYCLE_PATCH = 'supervision-item-lifecycle';
