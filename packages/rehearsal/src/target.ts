import { addCivilDays, civilDateOf, type CivilDate } from '@duban/calendar';

/** How far the office moves the rehearsal's clock in one go. */
export type Advance = { by: 'day' | 'week' | 'next-deadline' } | { to: CivilDate };

const DAY_MS = 86_400_000;

/**
 * The instant a rehearsal stands on for a civil date: 09:00 in Shanghai, the start of the office
 * day. Everything due at midnight has then turned; the day's 08:30 digest has gone out.
 */
export function officeMorningOf(date: CivilDate): number {
  return Date.parse(`${date}T09:00:00+08:00`);
}

/**
 * The instant an advance moves the clock to. `next-deadline`: the morning after the nearest open
 * deadline or milestone on or after today, the first day it is red (null when none is left).
 */
export function targetOf(advance: Advance, nowMs: number, nextDeadline: CivilDate | null): number | null {
  if ('to' in advance) return officeMorningOf(advance.to);
  if (advance.by === 'day') return nowMs + DAY_MS;
  if (advance.by === 'week') return nowMs + 7 * DAY_MS;
  return nextDeadline === null ? null : officeMorningOf(addCivilDays(nextDeadline, 1));
}

/** The earliest of `dates` on or after the civil date of `nowMs`. */
export function nearestAhead(dates: Iterable<CivilDate>, nowMs: number): CivilDate | null {
  const today = civilDateOf(new Date(nowMs));
  let nearest: CivilDate | null = null;
  for (const date of dates) if (date >= today && (nearest === null || date < nearest)) nearest = date;
  return nearest;
}
