import { mendedText } from '@duban/policy';
import type { Collection, Filter, WithId } from 'mongodb';
import type { ItemDoc } from '@duban/workflow-supervision/client';
import type { Principal } from '@duban/http';
import { colourRank } from '@duban/contracts';

export interface ItemsFilterInput {
  docNo?: string;
  unit?: string;
  colour?: string;
  state?: string;
  dueBefore?: string;
  dueAfter?: string;
  q?: string;
  /** 'true': archived items only; 'false': the others (issue 23, 归档). */
  archived?: 'true' | 'false';
}

function involving(unitCode: string): Filter<ItemDoc> {
  return { $or: [{ leadUnits: unitCode }, { cooperatingUnits: unitCode }] };
}

/** A bureau sees the items its unit leads or co-operates on; everyone else sees all. */
export function mayRead(user: Principal, item: Pick<ItemDoc, 'leadUnits' | 'cooperatingUnits'>): boolean {
  if (user.role !== 'bureau') return true;
  return user.unitCode !== null && [...item.leadUnits, ...item.cooperatingUnits].includes(user.unitCode);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function itemsFilter(input: ItemsFilterInput, user: Principal): Filter<ItemDoc> {
  const parts: Filter<ItemDoc>[] = [];
  if (user.role === 'bureau') parts.push(involving(user.unitCode ?? ''));
  if (input.unit) parts.push(involving(input.unit));
  if (input.docNo) parts.push({ docNo: input.docNo });
  if (input.colour) parts.push({ overallColour: input.colour as ItemDoc['overallColour'] });
  if (input.state) parts.push({ state: input.state as ItemDoc['state'] });
  if (input.dueBefore) parts.push({ deadline: { $lte: input.dueBefore } });
  if (input.dueAfter) parts.push({ deadline: { $gte: input.dueAfter } });
  if (input.archived) parts.push({ archived: { $exists: input.archived === 'true' } });
  // A search typed as the gazette misprints it (引客人青) finds the mended title too.
  if (input.q) parts.push({ title: { $regex: escapeRegex(mendedText(input.q)), $options: 'i' } });
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0]!;
  return { $and: parts };
}

type Ranked = Pick<ItemDoc, '_id' | 'overallColour' | 'deadline'>;

/** Code-unit order, as the store sorts strings (not localeCompare, which may skip punctuation). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Urgency order: colour rank; within a colour dated before undated, then deadline, then id. */
function byUrgency(a: Ranked, b: Ranked): number {
  const undated = (d: Ranked) => (d.deadline == null ? 1 : 0);
  return (
    colourRank(a.overallColour) - colourRank(b.overallColour) ||
    undated(a) - undated(b) ||
    compareText(a.deadline ?? '', b.deadline ?? '') ||
    compareText(a._id, b._id)
  );
}

/**
 * One page of items in urgency order — red first, then yellow, blue, green; within a colour the
 * earliest deadline first and items without a deadline last. FerretDB 1.x on SQLite sends no
 * filter but `{_id}` to SQL (bench/README.md): every other find or aggregation reads the whole
 * collection. So the matching items are read once, three fields each, ranked here, and the page's
 * items are then read by `_id` (an indexed SEARCH each), instead of counting colour buckets and
 * reading them with sorted finds (three or more full reads).
 */
export async function findByUrgency(
  items: Collection<ItemDoc>,
  filter: Filter<ItemDoc>,
  page: { skip: number; limit: number },
): Promise<{ items: ItemDoc[]; total: number }> {
  const ranked = await items
    .find(filter, { projection: { _id: 1, overallColour: 1, deadline: 1 } })
    .toArray();
  // Items of a colour outside the ladder (a projector bug) still show, last.
  ranked.sort(byUrgency);
  const ids = ranked.slice(page.skip, page.skip + page.limit).map((d) => d._id);
  const found = await Promise.all(ids.map((_id) => items.findOne({ _id })));
  // An item gone between the two reads (a rebuild) is left out of the page.
  return { items: found.filter((d): d is WithId<ItemDoc> => d !== null), total: ranked.length };
}
