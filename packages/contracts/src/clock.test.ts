import { afterEach, describe, expect, it } from 'vitest';
import { clock } from './clock';

describe('the office clock', () => {
  afterEach(() => clock.reset());

  it("is Node's clock until a rehearsal sets an offset", () => {
    const before = Date.now();
    expect(clock.nowMs() - before).toBeLessThan(1_000);
    expect(clock.offsetMs()).toBe(0);
    const rehearsed = Date.parse('2019-04-01T01:00:00Z');
    clock.setOffsetMs(rehearsed - Date.now());
    expect(Math.abs(clock.nowMs() - rehearsed)).toBeLessThan(1_000);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2019-04-01');
  });
});
