import { workflowInfo } from '@temporalio/workflow';
import { checkStartInput, plainClone, publishActivities, stepEvent } from '@duban/workflow-core';
import { ArchiveItemSchema, SupervisionEvents, type ArchiveItem, type ItemSnapshot } from './contracts/index';
import type { SupervisionActivities } from './activities';

const { publishItemEvent } = publishActivities<SupervisionActivities>();

/**
 * 归档 (issue 23, point 6): archiving a closed item is one fact, published by a workflow of its own
 * (the item's workflow ended at 销号). Its id is the item's (supervisionArchiveWorkflowId), so an
 * item is archived once; the fact carries the item one version on, marked `archived`.
 */
export async function supervisionArchiveWorkflow(input: ArchiveItem): Promise<ItemSnapshot> {
  checkStartInput(ArchiveItemSchema, input);
  const { actor } = input;
  const item: ItemSnapshot = {
    ...plainClone(input.item),
    version: input.item.version + 1,
    archived: { at: new Date(Date.now()).toISOString(), byUserId: actor.userId, byName: actor.name },
  };
  await publishItemEvent(
    workflowInfo().workflowId,
    stepEvent(SupervisionEvents.ItemArchived.type, 'archived', item.version, actor, { item }),
  );
  return item;
}
