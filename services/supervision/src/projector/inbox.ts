import { supervisionStepLabel, type ItemDoc, type ItemState } from '@duban/workflow-supervision/client';
import { colourRank, type Colour, type InboxDoc } from '@duban/contracts';
import type { Collection } from 'mongodb';
import { isDuplicateKeyError, type ProjectorCollections } from './collections';

/** States in which the lead unit holds the item; in close_requested/under_review the inspector does. */
const LEAD_OPEN_STATES: ReadonlySet<ItemState> = new Set(['assigned', 'signed', 'in_progress']);

/** What an item's inbox entries are made of: the snapshot an event carries, and when it was made. */
type InboxFields = Exclude<keyof ItemDoc, 'latestProgress' | '_id'>;

export function inboxId(itemId: string, unitCode: string): string {
  return `${itemId}|${unitCode}`;
}

/**
 * What the lead's entry shows: the worst of the item's own colour and its open milestones (a 2019
 * milestone past due makes the entry red while the clause's last date is far off), dated by the
 * next open milestone.
 */
function leadStanding(item: Pick<ItemDoc, InboxFields>): { colour: Colour; deadline: string | null } {
  const open = (item.milestones ?? []).filter((m) => m.doneAt === null);
  const colour = [item.colour, ...open.map((m) => m.colour)].reduce((worst, c) =>
    colourRank(c) < colourRank(worst) ? c : worst,
  );
  const next = open.map((m) => m.date).sort()[0];
  return { colour, deadline: next ?? item.deadline };
}

/** The open steps an item puts in bureaus' inboxes, derived from the item alone. */
export function inboxEntriesOf(item: Pick<ItemDoc, InboxFields>): InboxDoc[] {
  const base = {
    process: 'supervision' as const,
    itemId: item.itemId,
    href: `#/items/${encodeURIComponent(item.itemId)}`,
    docNo: item.docNo,
    ref: item.ref,
    title: item.title,
  };
  const entries = new Map<string, InboxDoc>();
  // Issue 23: the 催 mark and the handling person of each unit's entry.
  const marks = (unitCode: string) => {
    const openUrges = (item.urges ?? []).filter(
      (u) => u.unitCode === unitCode && u.answeredAt === null && u.withdrawnAt === null,
    ).length;
    const handler = item.handlers?.find((h) => h.unitCode === unitCode);
    return {
      ...(openUrges ? { openUrges } : {}),
      ...(handler ? { handler: { userId: handler.userId, name: handler.name } } : {}),
    };
  };
  if (LEAD_OPEN_STATES.has(item.state)) {
    const lead = leadStanding(item);
    for (const unitCode of item.leadUnits) {
      entries.set(unitCode, {
        _id: inboxId(item.itemId, unitCode),
        ...base,
        unitCode,
        role: 'lead',
        step: item.state,
        stepLabel: supervisionStepLabel(item.state),
        deadline: lead.deadline,
        colour: lead.colour,
        updatedAt: item.updatedAt,
        ...marks(unitCode),
      });
    }
  }
  if (item.state !== 'closed') {
    for (const sub of item.subTasks) {
      // A unit that also leads answers for the whole item: its lead entry stands.
      if (sub.state === 'done' || item.leadUnits.includes(sub.unitCode)) continue;
      entries.set(sub.unitCode, {
        _id: inboxId(item.itemId, sub.unitCode),
        ...base,
        unitCode: sub.unitCode,
        role: 'cooperating',
        step: `subtask_${sub.state}` as const,
        stepLabel: supervisionStepLabel(`subtask_${sub.state}`),
        deadline: sub.deadline,
        colour: sub.colour,
        updatedAt: item.updatedAt,
        ...marks(sub.unitCode),
      });
    }
  }
  return [...entries.values()];
}

/** The inbox is shared by every process; the projector owns only supervision's entries (and
 * those written before entries named their process). */
export const SUPERVISION_ENTRIES = {
  $or: [{ process: 'supervision' as const }, { process: { $exists: false } }],
};

/**
 * Makes the item's inbox entries match the stored item (the newest version seen), not the event
 * being handled: a stale event, or a redelivery after a crash between the writes, then still
 * leaves the inbox right.
 *
 * `applied` is given when this event's snapshot was just written over `previous` (null: the item
 * was new): the entries to drop are then those `previous` made and `stored` does not, each
 * deleted by `_id`, the one filter FerretDB 1.x serves from an index. Otherwise (a stale event, a
 * redelivery) every supervision entry of the item is looked for, as a crash between the writes may
 * have left any of them.
 */
export async function syncInbox(
  collections: ProjectorCollections,
  itemId: string,
  applied?: { stored: Pick<ItemDoc, InboxFields>; previous: Pick<ItemDoc, InboxFields> | null },
): Promise<void> {
  const item = applied?.stored ?? (await collections.items.findOne({ _id: itemId }));
  if (!item) return;
  const entries = inboxEntriesOf(item);
  const kept = new Set(entries.map((e) => e._id));
  if (applied) {
    const before = applied.previous ? inboxEntriesOf(applied.previous) : [];
    for (const { _id } of before) if (!kept.has(_id)) await collections.inbox.deleteOne({ _id });
  } else {
    await collections.inbox.deleteMany({ itemId, ...SUPERVISION_ENTRIES, _id: { $nin: [...kept] } });
  }
  for (const entry of entries) await upsertEntry(collections.inbox, entry);
}

async function upsertEntry(inbox: Collection<InboxDoc>, entry: InboxDoc): Promise<void> {
  try {
    await inbox.replaceOne({ _id: entry._id }, entry, { upsert: true });
  } catch (error) {
    // Another replica inserted it first: replace what it wrote.
    if (!isDuplicateKeyError(error)) throw error;
    await inbox.replaceOne({ _id: entry._id }, entry);
  }
}
