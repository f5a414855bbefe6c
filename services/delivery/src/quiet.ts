// Quiet hours are civil times in Asia/Shanghai, which keeps UTC+8 all year (no summer time).
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/**
 * When a message raised at `now` may go out: `now`, or the end of the quiet hours it falls in
 * (a window such as 22:00-07:30 runs over midnight).
 */
export function releaseTime(now: Date, quiet: { from: string; to: string } | null): Date {
  if (!quiet) return now;
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const inQuiet = from <= to ? minute >= from && minute < to : minute >= from || minute < to;
  if (!inQuiet) return now;
  const end = new Date(local);
  end.setUTCHours(Math.floor(to / 60), to % 60, 0, 0);
  if (end.getTime() <= local.getTime()) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - SHANGHAI_OFFSET_MS);
}
