// When the morning digest is due: pure and clock-free, so the workflow can call it (instants in).
import { addCivilDays, civilDateOf, startOfCivilDay, type CivilDate } from '@duban/calendar';

/**
 * 08:30 Asia/Shanghai, the time issue 19 §3 names for 每日督办提醒 (the gazette sets no time:
 * policy setting `delivery.digest-time`, our reading).
 */
export const DIGEST_TIME = { hour: 8, minute: 30 } as const;

/** The instant (epoch ms) of a day's digest. */
export function digestAt(day: CivilDate): number {
  return startOfCivilDay(day).getTime() + (DIGEST_TIME.hour * 60 + DIGEST_TIME.minute) * 60_000;
}

/**
 * The first day whose digest may still be due at `nowMs`: today if its 08:30 has not passed, else
 * tomorrow, and never a day at or before the last one handled (a run that continued as new right
 * after sending does not send again). Whether it is a working day is asked next.
 */
export function firstCandidateDay(nowMs: number, lastDay: CivilDate | null): CivilDate {
  const today = civilDateOf(nowMs);
  const fromNow = nowMs < digestAt(today) ? today : addCivilDays(today, 1);
  if (lastDay === null) return fromNow;
  const afterLast = addCivilDays(lastDay, 1);
  return afterLast > fromNow ? afterLast : fromNow;
}
