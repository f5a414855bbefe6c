import { describe, expect, it } from 'vitest';
import { ForecastQueueFull, ForecastRuns } from './runs';

describe('forecast runs', () => {
  it('runs one at a time, refuses beyond the queue, keeps the last finished and their errors', async () => {
    const runs = new ForecastRuns<string, number>({ maxWaiting: 2, keepFinished: 2 });
    let active = 0;
    let most = 0;
    const work = (n: number) => async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 10));
      active -= 1;
      if (n < 0) throw new Error('无此文件');
      return n;
    };
    const a = runs.submit('a', work(1));
    const b = runs.submit('b', work(-1));
    const c = runs.submit('c', work(3));
    expect(runs.positionOf(c.id)).toBe(2);
    expect(() => runs.submit('d', work(4))).toThrow(ForecastQueueFull);
    await runs.idle();
    expect(most).toBe(1);
    expect(runs.get(a.id)).toBeUndefined();
    expect(runs.get(b.id)).toMatchObject({ status: 'failed', error: '无此文件' });
    expect(runs.get(c.id)).toMatchObject({ status: 'done', result: 3 });
  });
});
