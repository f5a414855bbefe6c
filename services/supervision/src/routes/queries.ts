import { mendedText } from '@duban/policy';
import type { Collection, Filter } from 'mongodb';
import type { ItemDoc } from '@duban/workflow-supervision/client';
import type { Principal } from '@duban/http';
import { COLOUR_ORDER } from '@duban/contracts';

export interface ItemsFilterInput {
  docNo?: string;
  unit?: string;
  colour?: string;
  state?: string;
  dueBefore?: string;
  dueAfter?: string;
  q?: string;
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
  // A search typed as the gazette misprints it (引客人青) finds the mended title too.
  if (input.q) parts.push({ title: { $regex: escapeRegex(mendedText(input.q)), $options: 'i' } });
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0]!;
  return { $and: parts };
}

interface Bucket {
  filter: Filter<ItemDoc>;
  count: number;
  dated: boolean;
}

/**
 * One page of items in urgency order — red first, then yellow, blue, green; within a colour the
 * earliest deadline first and items without a deadline last. FerretDB cannot sort by a computed
 * rank, so the order is built from buckets (colour × dated) counted with $match/$group and read
 * with plain sorted finds, touching only the buckets the page spans.
 */
export async function findByUrgency(
  items: Collection<ItemDoc>,
  filter: Filter<ItemDoc>,
  page: { skip: number; limit: number },
): Promise<{ items: ItemDoc[]; total: number }> {
  const countBy = async (extra: Filter<ItemDoc>) => {
    const match = Object.keys(extra).length ? { $and: [filter, extra] } : filter;
    const rows = await items
      .aggregate<{ _id: string; count: number }>([
        { $match: match },
        { $group: { _id: '$overallColour', count: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(rows.map((r) => [r._id, r.count]));
  };
  const [all, undated] = await Promise.all([countBy({}), countBy({ deadline: null })]);
  const total = [...all.values()].reduce((a, b) => a + b, 0);

  const buckets: Bucket[] = [];
  for (const colour of COLOUR_ORDER) {
    const n = all.get(colour) ?? 0;
    const m = undated.get(colour) ?? 0;
    buckets.push({
      filter: { $and: [filter, { overallColour: colour, deadline: { $ne: null } }] },
      count: n - m,
      dated: true,
    });
    buckets.push({
      filter: { $and: [filter, { overallColour: colour, deadline: null }] },
      count: m,
      dated: false,
    });
  }
  // A colour outside the ladder would be a projector bug; such items still show, last.
  const known = COLOUR_ORDER.reduce((sum, c) => sum + (all.get(c) ?? 0), 0);
  if (known < total) {
    buckets.push({
      filter: { $and: [filter, { overallColour: { $nin: [...COLOUR_ORDER] } }] },
      count: total - known,
      dated: false,
    });
  }

  const out: ItemDoc[] = [];
  let skip = page.skip;
  let remaining = page.limit;
  for (const bucket of buckets) {
    if (remaining === 0) break;
    if (skip >= bucket.count) {
      skip -= bucket.count;
      continue;
    }
    const docs = await items
      .find(bucket.filter)
      .sort(bucket.dated ? { deadline: 1, _id: 1 } : { _id: 1 })
      .skip(skip)
      .limit(remaining)
      .toArray();
    out.push(...docs);
    remaining -= docs.length;
    skip = 0;
  }
  return { items: out, total };
}
