// The warning ladder of one deadline (DESIGN §5) as both processes of 39号 keep it: a colour per
// open deadline, a fact each time it moves, and the next instant time moves it.
import { colourFor, nextColourChangeAt, type CivilDate } from '@duban/calendar';
import type { Colour } from '@duban/contracts';

export interface Deadline {
  /** Stable name of the deadline (`step:contract`, `payment:Y1-first`, `case:investigation` …). */
  key: string;
  label: string;
  ref: string;
  due: CivilDate;
  /** Done (or held): its colour drops back to green and time no longer moves it. */
  settled: boolean;
  colour: Colour;
  setColour: (colour: Colour) => void;
}

export interface ColourMove {
  deadline: string;
  from: Colour;
  to: Colour;
  reason: string;
  ref: string;
}

const WORDS: Partial<Record<Colour, string>> = {
  green: '已办理或未到预警期',
  blue: '临期（预警期内）',
  yellow: '滞后',
  red: '逾期未办，报领导小组',
};

/** The colour each deadline should have at `now`; returns the moves (and applies them). */
export function moveColours(deadlines: Deadline[], now: number, warningWindowDays: number): ColourMove[] {
  const moves: ColourMove[] = [];
  for (const d of deadlines) {
    const to: Colour = d.settled
      ? 'green'
      : colourFor({ now, deadline: d.due, warningWindowDays, reportMissing: false });
    if (to === d.colour) continue;
    moves.push({
      deadline: d.key,
      from: d.colour,
      to,
      ref: d.ref,
      reason: `${d.label}：${WORDS[to] ?? to}（期限 ${d.due}，${d.ref}）`,
    });
    d.setColour(to);
  }
  return moves;
}

/** The next instant at which time alone changes a colour, or null. */
export function nextMove(deadlines: Deadline[], now: number, warningWindowDays: number): number | null {
  const marks = deadlines
    .filter((d) => !d.settled)
    .map((d) => nextColourChangeAt({ now, deadline: d.due, warningWindowDays })?.getTime() ?? null)
    .filter((m): m is number => m !== null && m > now);
  return marks.length ? Math.min(...marks) : null;
}

const RANK: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };
/** The worst of some colours (red > yellow > blue > green). */
export const worst = (colours: Colour[]): Colour =>
  colours.reduce<Colour>((w, c) => (RANK[c] > RANK[w] ? c : w), 'green');
