import { describe, expect, it } from 'vitest';
import { nearestAhead, officeMorningOf, targetOf } from './target';

describe('where an advance of the rehearsal clock lands', () => {
  const now = officeMorningOf('2019-06-28');

  it('a date is its 09:00 in Shanghai; a day and a week count from now', () => {
    expect(new Date(officeMorningOf('2019-07-01')).toISOString()).toBe('2019-07-01T01:00:00.000Z');
    expect(targetOf({ to: '2019-07-01' }, now, null)).toBe(officeMorningOf('2019-07-01'));
    expect(targetOf({ by: 'day' }, now, null)).toBe(officeMorningOf('2019-06-29'));
    expect(targetOf({ by: 'week' }, now, null)).toBe(officeMorningOf('2019-07-05'));
  });

  it('the next deadline is the morning after the nearest one still ahead, the first day it is red', () => {
    const next = nearestAhead(['2019-05-31', '2019-09-30', '2019-06-30', '2020-12-31'], now);
    expect(next).toBe('2019-06-30');
    expect(targetOf({ by: 'next-deadline' }, now, next)).toBe(officeMorningOf('2019-07-01'));
    // Due today still counts: it turns red tomorrow.
    expect(nearestAhead(['2019-06-28'], now)).toBe('2019-06-28');
    expect(targetOf({ by: 'next-deadline' }, now, nearestAhead(['2019-05-31'], now))).toBeNull();
  });
});
