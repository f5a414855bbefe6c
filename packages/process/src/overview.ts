import { emptyColourCounts, type Colour, type ColourCounts } from '@duban/contracts';
import type { Collection, Document, Filter } from 'mongodb';

/** What a process shows in the leadership cockpit: its open things by warning colour. */
export interface ProcessOverview {
  /** What is counted, in Chinese: 事项, 个案, 镇(场)整改与考核 … */
  counted: string;
  open: number;
  colours: ColourCounts;
}

/**
 * Open documents of a read model counted by colour, with `$match`/`$group` only (what FerretDB
 * 1.x runs). `colourField` names the field holding the document's colour.
 */
export async function countByColour<T extends Document>(
  collection: Collection<T>,
  open: Filter<T>,
  colourField = 'colour',
): Promise<{ open: number; colours: ColourCounts }> {
  const rows = await collection
    .aggregate<{ _id: string; count: number }>([
      { $match: open },
      { $group: { _id: `$${colourField}`, count: { $sum: 1 } } },
    ])
    .toArray();
  const colours = emptyColourCounts();
  let total = 0;
  for (const row of rows) {
    if (row._id in colours) colours[row._id as Colour] += row.count;
    total += row.count;
  }
  return { open: total, colours };
}

/** Adds several kinds of things of one process together. */
export function addOverviews(...parts: { open: number; colours: ColourCounts }[]) {
  const colours = emptyColourCounts();
  for (const part of parts) for (const [c, n] of Object.entries(part.colours)) colours[c as Colour] += n;
  return { open: parts.reduce((n, p) => n + p.open, 0), colours };
}
