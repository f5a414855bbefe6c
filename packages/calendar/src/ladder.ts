/**
 * The warning ladder of a deadline (DESIGN §5): blue 临期 (due within the warning window),
 * yellow 滞后 (behind schedule), red 逾期 (past due). Precedence red > yellow > blue > green.
 *
 * A deadline is a civil date and means the end of that day, 23:59:59.999 +08:00.
 *
 * Warning window: the `windowDays` calendar days ending with the deadline day. With the default
 * 7 and a deadline of 2019-06-30 the window is 06-24 … 06-30, so blue starts at 00:00 on 06-24,
 * exactly 7 × 24 h before the deadline passes; a window of 0 days never shows blue.
 *
 * Pure: the caller passes `now` (in a workflow, the SDK's workflow clock).
 */
import { addCivilDays, endOfCivilDay, instantMs, parseCivilDate, startOfCivilDay } from './civil-date';
import type { CivilDate } from './civil-date';

export type WarningColour = 'green' | 'blue' | 'yellow' | 'red';

export const DEFAULT_WARNING_WINDOW_DAYS = 7;

export interface ColourInput {
  /** The instant to judge at. */
  readonly now: Date | number;
  /** The (current, possibly extended) deadline: the end of this civil day. */
  readonly deadline: CivilDate;
  /** Calendar days in the blue window; default {@link DEFAULT_WARNING_WINDOW_DAYS}. */
  readonly warningWindowDays?: number;
  /** A required progress report is missing (yellow 滞后). */
  readonly reportMissing: boolean;
  /** A milestone slipped (also yellow 滞后, DESIGN §5). */
  readonly milestoneSlipped?: boolean;
}

function requireWindow(windowDays: number): number {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) {
    throw new RangeError(`warning window must be a whole number of days ≥ 0, got ${windowDays}`);
  }
  return windowDays;
}

/** The first civil day of the blue window: `deadline` − (windowDays − 1); 2019-06-30, 7 → 2019-06-24. */
export function warningWindowStart(
  deadline: CivilDate,
  windowDays: number = DEFAULT_WARNING_WINDOW_DAYS,
): CivilDate {
  return addCivilDays(parseCivilDate(deadline), 1 - requireWindow(windowDays));
}

/**
 * The colour of a deadline at `now`: red once `now` is past the end of the deadline day (the
 * last millisecond of the day is still on time); else yellow when behind schedule; else blue from
 * the start of the warning window; else green.
 */
export function colourFor(input: ColourInput): WarningColour {
  const now = instantMs(input.now);
  const windowStart = warningWindowStart(
    input.deadline,
    input.warningWindowDays ?? DEFAULT_WARNING_WINDOW_DAYS,
  );
  if (now > endOfCivilDay(input.deadline).getTime()) return 'red';
  if (input.reportMissing || input.milestoneSlipped === true) return 'yellow';
  if (now >= startOfCivilDay(windowStart).getTime()) return 'blue';
  return 'green';
}

/**
 * The next instant after `now` at which the passing of time changes the colour (blue begins, or
 * red begins: one millisecond after the end of the deadline day), or null once the deadline has
 * passed. For a workflow timer; yellow depends on reports, not on time, and is not covered.
 */
export function nextColourChangeAt(
  input: Omit<ColourInput, 'reportMissing' | 'milestoneSlipped'>,
): Date | null {
  const now = instantMs(input.now);
  const windowStart = warningWindowStart(
    input.deadline,
    input.warningWindowDays ?? DEFAULT_WARNING_WINDOW_DAYS,
  );
  const blueFrom = startOfCivilDay(windowStart).getTime();
  const redFrom = endOfCivilDay(input.deadline).getTime() + 1;
  if (now < blueFrom) return new Date(Math.min(blueFrom, redFrom));
  if (now < redFrom) return new Date(redFrom);
  return null;
}
