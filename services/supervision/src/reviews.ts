import { ReadModels, type PendingExtensionRequest } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';

/** Supervision items whose lead unit asked for more time and 督查室 has not yet decided. */
export async function pendingItemExtensions(db: Db): Promise<PendingExtensionRequest[]> {
  const waiting = await db
    .collection<ItemDoc>(ReadModels.items)
    .find({ pendingExtension: { $ne: null }, state: { $ne: 'closed' } })
    .toArray();
  return waiting.flatMap((item) => {
    const p = item.pendingExtension;
    if (!p) return [];
    return [
      {
        process: 'supervision',
        itemId: item.itemId,
        href: `#/items/${encodeURIComponent(item.itemId)}`,
        title: item.title,
        docNo: item.docNo,
        ref: item.ref,
        steps: [],
        unitCode: item.leadUnits[0] ?? '',
        requestedBy: p.requestedBy,
        requestedAt: p.requestedAt,
        currentDeadline: item.deadline,
        requestedDeadline: p.requestedDeadline,
        reason: p.reason,
        colour: item.overallColour,
        decide: {
          path: `/api/items/${encodeURIComponent(item.itemId)}/actions/decide-extension`,
          body: {},
          textField: 'opinion',
        },
      },
    ];
  });
}
