import { describe, expect, it } from 'vitest';
import { EngineWatch, RETRY_AFTER_SECONDS, engineUnavailable, unreachableEngine } from './engines';

describe('EngineWatch', () => {
  it('knows an engine down from a failed or silent probe, and back from an answered one', async () => {
    let answer: 'ok' | 'fail' | 'silent' = 'ok';
    const changes: string[] = [];
    const watch = new EngineWatch(
      {
        temporal: () =>
          answer === 'ok'
            ? Promise.resolve()
            : answer === 'fail'
              ? Promise.reject(new Error('refused'))
              : new Promise(() => undefined),
      },
      { timeoutMs: 50, onChange: (engine, up) => changes.push(`${engine} ${up ? 'up' : 'down'}`) },
    );
    const settle = () => new Promise((r) => setTimeout(r, 80));
    watch.suspect('temporal');
    await settle();
    expect(watch.isDown('temporal')).toBe(false);
    answer = 'fail';
    watch.suspect('temporal');
    await settle();
    expect(watch.isDown('temporal')).toBe(true);
    expect(watch.down().map((d) => d.engine)).toEqual(['temporal']);
    answer = 'ok';
    watch.suspect('temporal');
    await settle();
    answer = 'silent';
    watch.suspect('temporal');
    await settle();
    expect(watch.isDown('temporal')).toBe(true);
    expect(changes).toEqual(['temporal down', 'temporal up', 'temporal down']);
    expect(watch.isDown('mongodb')).toBe(false);
  });

  it('names the engine behind an unreachable error, directly or as the cause', () => {
    const grpc = Object.assign(new Error('14 UNAVAILABLE'), { code: 14, details: '', metadata: {} });
    expect(unreachableEngine(grpc)).toBe('temporal');
    expect(unreachableEngine(Object.assign(new Error('start failed'), { cause: grpc }))).toBe('temporal');
    const mongo = Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' });
    expect(unreachableEngine(mongo)).toBe('mongodb');
    expect(unreachableEngine(new Error('boom'))).toBeNull();
  });

  it('answers 503 with Retry-After and tells the client to retry with the same request id', () => {
    const problem = engineUnavailable('temporal');
    expect(problem.status).toBe(503);
    expect(problem.options.headers).toEqual({ 'Retry-After': String(RETRY_AFTER_SECONDS) });
    expect(problem.detail).toContain('x-request-id');
  });
});
