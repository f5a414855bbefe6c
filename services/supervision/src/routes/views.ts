import type { ItemDoc } from '@duban/workflow-supervision/client';
import type { TimelineDoc } from '@duban/contracts';

// Read-model documents as the API shows them: no Mongo `_id` (each has its own id field), and
// instants as ISO strings.

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

export function toItemView(doc: ItemDoc) {
  const { _id, updatedAt, latestProgress, ...item } = doc;
  return {
    ...item,
    itemId: item.itemId ?? _id,
    updatedAt: iso(updatedAt),
    latestProgress: latestProgress ? { ...latestProgress, at: iso(latestProgress.at) } : null,
  };
}

export function toTimelineView(doc: TimelineDoc) {
  const { _id, at, ...entry } = doc;
  return { id: _id, ...entry, at: iso(at) };
}
