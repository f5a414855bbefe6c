import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles the wait for deaths in quick succession, up to the maximum', () => {
    const backoff = new Backoff({ firstMs: 1_000, maxMs: 8_000, stableMs: 60_000 });
    expect([1, 2, 3, 4, 5].map(() => backoff.nextDelay(500))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('starts again from the first wait once a part stayed up long enough', () => {
    const backoff = new Backoff({ firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 });
    backoff.nextDelay(0);
    backoff.nextDelay(0);
    expect(backoff.nextDelay(0)).toBe(4_000);
    expect(backoff.nextDelay(60_000)).toBe(1_000);
  });
});
