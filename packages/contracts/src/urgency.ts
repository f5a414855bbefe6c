import type { Colour } from './common';

/** Most urgent first: red (逾期), yellow (滞后), blue (临期), green, none (closed). */
export const COLOUR_ORDER: readonly Colour[] = ['red', 'yellow', 'blue', 'green', 'none'];

export function colourRank(colour: string): number {
  const i = COLOUR_ORDER.indexOf(colour as Colour);
  return i === -1 ? COLOUR_ORDER.length : i;
}

export type ColourCounts = Record<Colour, number>;

export function emptyColourCounts(): ColourCounts {
  return { green: 0, blue: 0, yellow: 0, red: 0, none: 0 };
}

/** Deadline order: earliest first, no deadline last. */
export function compareDeadlines(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
